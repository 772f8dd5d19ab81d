import { joinNames, type MetadataCandidate } from './candidate';

/**
 * Microformats (hAtom/h-entry, hCard) and the WordPress markup built on them: `rel=author`,
 * `.byline .fn`, `.published`, `.updated`. Many themes mark only `.updated`, with the publication
 * date, so it stands in for the publication date when nothing says "published" (see merge.ts).
 * A bare `.vcard .fn` is not an author: Wikipedia's infoboxes are hCards of the article's subject.
 */

export const MICROFORMATS_SELECTOR = [
  'a[rel~="author"]',
  '.byline .fn',
  '.author .fn',
  '.p-author',
  '.byline',
  '.published',
  '.dt-published',
  'time[pubdate]',
  '.updated',
  '.dt-updated',
].join(', ');

function textOf(el: Element): string | null {
  return el.textContent?.replace(/\s+/g, ' ').trim() || null;
}

/** Dates in microformats: value-title, `datetime`, `title` (abbr pattern), else the text. */
function dateOf(el: Element): string | null {
  return (
    el.getAttribute('datetime')?.trim() ||
    el.querySelector('.value-title')?.getAttribute('title')?.trim() ||
    (el.localName === 'abbr' ? el.getAttribute('title')?.trim() : null) ||
    textOf(el)
  );
}

/** Sorts the marked-up elements by role, one element at a time (see markup.ts). */
export class MicroformatsReader {
  private readonly relAuthors: string[] = [];
  private readonly cardNames: string[] = [];
  private bylineText: string | null = null;
  private published: string | null = null;
  private updated: string | null = null;

  accept(el: Element): void {
    if (el.localName === 'a' && /(?:^|\s)author(?:\s|$)/i.test(el.getAttribute('rel') ?? '')) {
      const name = textOf(el);
      if (name) this.relAuthors.push(name);
    }
    if (el.matches('.byline .fn, .author .fn, .p-author')) {
      const name = textOf(el);
      if (name) this.cardNames.push(name);
    } else if (!this.bylineText && el.classList.contains('byline')) {
      this.bylineText = textOf(el);
    }
    if (!this.published && el.matches('.published, .dt-published, time[pubdate]'))
      this.published = dateOf(el);
    if (!this.updated && el.matches('.updated, .dt-updated')) this.updated = dateOf(el);
  }

  result(): MetadataCandidate {
    const byline =
      joinNames(this.cardNames.slice(0, 1)) ??
      joinNames(this.relAuthors.slice(0, 1)) ??
      (this.bylineText && this.bylineText.length <= 100 ? this.bylineText : null);
    return { byline, publishedTime: this.published, modifiedTime: this.updated };
  }
}

export function readMicroformats(root: ParentNode): MetadataCandidate {
  const reader = new MicroformatsReader();
  for (const el of root.querySelectorAll(MICROFORMATS_SELECTOR)) reader.accept(el);
  return reader.result();
}
