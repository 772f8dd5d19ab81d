import type { CaptureResult } from '../../core/citations/types';
import { pageLinks } from './highlight';

/**
 * Marks the citations with a link on the reader's screen right now, so that they are checked first (issue 10).
 * One listing of the page's links, then a few reads of boxes the browser already laid out: the range of links on
 * screen, then each of those links' own box (one may be hidden, or scrolled aside).
 */
export function markOnScreen(result: CaptureResult, doc: Document): CaptureResult {
  const view = doc.defaultView;
  if (!view) return result;
  const links = pageLinks(doc);
  const range = onScreenRange(links, view);
  if (!range) return result;
  const height = view.innerHeight;
  const width = view.innerWidth;
  const visible = (index: number): boolean => {
    if (index < range.first || index > range.last) return false;
    const box = links[index]?.getBoundingClientRect();
    return !!box && box.height > 0 && box.bottom > 0 && box.top < height && box.right > 0 && box.left < width;
  };
  for (const citation of result.citations) {
    if (citation.occurrences.some((occurrence) => visible(occurrence.linkIndex))) citation.onScreen = true;
  }
  return result;
}

/**
 * The links on the reader's screen as a range of `links` (the page's links in document order), from about twenty
 * box reads however long the page: a binary search that takes links further down the document to be further down
 * the page. Where a layout breaks that rule (columns, floats, hidden links), the range is only less exact, and
 * what depends on it (the order of work) is still correct. `null` when no link is on screen.
 */
export function onScreenRange(
  links: readonly Element[],
  view: Pick<Window, 'innerHeight'>,
): { first: number; last: number } | null {
  const height = view.innerHeight;
  const firstWhere = (from: number, test: (box: DOMRect) => boolean): number => {
    let low = from;
    let high = links.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      const box = links[middle]?.getBoundingClientRect();
      if (box && test(box)) high = middle;
      else low = middle + 1;
    }
    return low;
  };
  const first = firstWhere(0, (box) => box.bottom > 0);
  const last = firstWhere(first, (box) => box.top >= height) - 1;
  return last >= first ? { first, last } : null;
}
