/**
 * A `performance.mark` the content script sets each time it hands the panel a part of a capture, so
 * `npm run bench -- panel` can tell the page's tasks while Cited reads the article (up to the last part) from those
 * while it places and updates markers (the panel checks links only once its list is whole). The mark is cleared as
 * soon as it is set: the browser's trace keeps it, the page's own timeline does not.
 */
export const CAPTURE_SERVED_MARK = 'cited:capture-served';

export function markCaptureServed(): void {
  try {
    performance.mark(CAPTURE_SERVED_MARK);
    performance.clearMarks(CAPTURE_SERVED_MARK);
  } catch {
    // A page that replaced its `performance` object: the benchmark loses a split, the reader nothing.
  }
}
