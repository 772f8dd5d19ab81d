import type { CaptureResult } from '../../core/citations/types';
import { pageLinks } from './highlight';

/**
 * Marks the citations with a link on the reader's screen right now, so that they are checked first (issue 10).
 * One listing of the page's links, one layout, then only reads of boxes the browser already laid out.
 */
export function markOnScreen(result: CaptureResult, doc: Document): CaptureResult {
  const view = doc.defaultView;
  if (!view) return result;
  const links = pageLinks(doc);
  const height = view.innerHeight;
  const width = view.innerWidth;
  const visible = (index: number): boolean => {
    const box = links[index]?.getBoundingClientRect();
    return !!box && box.height > 0 && box.bottom > 0 && box.top < height && box.right > 0 && box.left < width;
  };
  for (const citation of result.citations) {
    if (citation.occurrences.some((occurrence) => visible(occurrence.linkIndex))) citation.onScreen = true;
  }
  return result;
}
