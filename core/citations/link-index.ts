/**
 * The one definition of "the page's links" shared by capture and the content script:
 * `CitationOccurrence.linkIndex` is a position in this list of the LIVE document, so both
 * sides must enumerate links with exactly the same selector, in document order.
 */
export const LINK_SELECTOR = 'a[href], area[href]';

export function listLinks(root: Document | Element): Element[] {
  return Array.from(root.querySelectorAll(LINK_SELECTOR));
}

/** The live link a citation occurrence points at, or null when the page changed since capture. */
export function linkAt(doc: Document, linkIndex: number): Element | null {
  return doc.querySelectorAll(LINK_SELECTOR)[linkIndex] ?? null;
}

/** The links at `indexes` of `links`, skipping indexes past its end. */
export function linksAt(links: readonly Element[], indexes: readonly number[]): Element[] {
  const found: Element[] = [];
  for (const index of indexes) {
    const link = links[index];
    if (link) found.push(link);
  }
  return found;
}
