import { HASH_PLACEHOLDER, recordedHash, sealDocument } from '../snapshot/hash';
import { doctypeString } from '../snapshot/live-state';
import { serializeElement } from '../snapshot/serialize';

/** A source kept with the article, as its links should point to it. */
export interface LocalCopy {
  /** The citation URL, as the article links it. */
  url: string;
  /** Where the local copy opens (the library's viewer). */
  href: string;
  /** ISO time the copy was made. */
  savedAt: string;
}

function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}

/**
 * Writes the document back as compactly as the builder did: its whitespace was already collapsed where the page's
 * CSS allows, so it is written as it stands; the header metas stay quoted (verifiers read them as written).
 */
function serialize(doc: Document): string {
  const keepQuoted = new Set(Array.from(doc.querySelectorAll('head > meta')));
  let out = '';
  for (const node of Array.from(doc.childNodes)) {
    if (node.nodeType === 10) out += `${doctypeString(doc)}\n`;
    else if (node.nodeType === 8) out += `<!--${(node as Comment).data}-->\n`;
    else if (node.nodeType === 1)
      out += serializeElement(node as Element, { compact: true, collapseWhitespace: false, keepQuoted });
  }
  return out;
}

/**
 * Points every link of the article snapshot that cites a saved source at its local copy, Robust Links style:
 * `href` opens the copy, `data-originalurl` keeps the cited address, `data-versionurl` and `data-versiondate`
 * say which copy and when. The document is then sealed again: its recorded SHA-256 is that of the new bytes.
 */
export async function linkLocalCopies(
  html: string,
  copies: readonly LocalCopy[],
  parseHtml: (html: string) => Document,
): Promise<{ html: string; sha256: string; linked: number }> {
  const old = recordedHash(html);
  if (!old) throw new Error('The article snapshot records no SHA-256.');
  if (copies.length === 0) return { html, sha256: old, linked: 0 };
  const byUrl = new Map<string, LocalCopy>();
  for (const copy of copies) {
    byUrl.set(copy.url, copy);
    if (!byUrl.has(withoutFragment(copy.url))) byUrl.set(withoutFragment(copy.url), copy);
  }
  const doc = parseHtml(html);
  let linked = 0;
  for (const link of Array.from(doc.querySelectorAll('a[href], area[href]'))) {
    const href = link.getAttribute('href') ?? '';
    const copy = byUrl.get(href) ?? byUrl.get(withoutFragment(href));
    if (!copy) continue;
    link.setAttribute('href', copy.href);
    link.setAttribute('data-originalurl', href);
    link.setAttribute('data-versionurl', copy.href);
    link.setAttribute('data-versiondate', copy.savedAt.slice(0, 10));
    if (!link.hasAttribute('title'))
      link.setAttribute('title', `Saved copy (${copy.savedAt.slice(0, 10)}) of ${href}`);
    linked++;
  }
  if (linked === 0) return { html, sha256: old, linked };
  // The old digest sits in the builder's two slots (header comment and meta) and nowhere else.
  const serialized = serialize(doc);
  const slots: number[] = [];
  let unsealed = '';
  let last = 0;
  for (let at = serialized.indexOf(old); at >= 0; at = serialized.indexOf(old, at + old.length)) {
    slots.push(at);
    unsealed += serialized.slice(last, at) + HASH_PLACEHOLDER;
    last = at + old.length;
  }
  unsealed += serialized.slice(last);
  const sealed = await sealDocument(unsealed, slots);
  return { ...sealed, linked };
}
