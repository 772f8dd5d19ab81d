import { parseSrcset } from '../snapshot/srcset';
import { resolveUrl } from '../snapshot/url';

/** Attributes lazy loaders keep the real picture in; the snapshot engine resolved the same ones on the page. */
const SOURCE_ATTRIBUTES = [
  'src',
  'data-src',
  'data-original',
  'data-lazy-src',
  'data-url',
  'data-hi-res-src',
];
const SRCSET_ATTRIBUTES = ['srcset', 'data-srcset', 'data-lazy-srcset'];

/**
 * The article as the reader view keeps it: each picture replaced by the copy the snapshot inlined, so the reader
 * view shows the article's images with no network at all. Pictures the snapshot does not have are left as they
 * were; the reader view drops them rather than fetch them.
 */
export function inlineArticleImages(
  contentHtml: string,
  baseUrl: string,
  inlined: ReadonlyMap<string, string>,
  parseHtml: (html: string) => Document,
): { html: string; inlined: number } {
  if (inlined.size === 0 || !/<img\b/i.test(contentHtml)) return { html: contentHtml, inlined: 0 };
  const doc = parseHtml(`<!DOCTYPE html><html><body>${contentHtml}</body></html>`);
  let count = 0;
  for (const img of Array.from(doc.querySelectorAll('img'))) {
    const candidates: string[] = [];
    for (const name of SOURCE_ATTRIBUTES) {
      const value = img.getAttribute(name);
      if (value) candidates.push(value);
    }
    for (const name of SRCSET_ATTRIBUTES) {
      const value = img.getAttribute(name);
      if (value) candidates.push(...parseSrcset(value).map((c) => c.url));
    }
    const source = img.closest('picture');
    for (const element of source ? Array.from(source.querySelectorAll('source[srcset]')) : []) {
      candidates.push(...parseSrcset(element.getAttribute('srcset') ?? '').map((c) => c.url));
    }
    const data = candidates
      .map((raw) => resolveUrl(raw, baseUrl))
      .map((url) => (url ? inlined.get(url) : undefined))
      .find((found): found is string => found !== undefined);
    if (!data) continue;
    img.setAttribute('src', data);
    for (const name of [...SOURCE_ATTRIBUTES.slice(1), ...SRCSET_ATTRIBUTES, 'sizes', 'loading']) {
      img.removeAttribute(name);
    }
    count++;
  }
  return { html: count > 0 ? doc.body.innerHTML : contentHtml, inlined: count };
}

/** The images of an article already inlined above, keyed by themselves, for `buildReaderView`'s `images`. */
export function inlinedImagesOf(contentHtml: string | null): Map<string, string> {
  const images = new Map<string, string>();
  for (const match of (contentHtml ?? '').matchAll(/<img\b[^>]*?\ssrc="(data:image\/[^"]+)"/gi)) {
    const data = match[1];
    if (data) images.set(data, data);
  }
  return images;
}
