/**
 * Set when Cited's content script starts in a page, so `npm run bench -- panel` can tell the page's own tasks as the
 * panel opens (the browser lays the page out again for its narrower window) from those Cited's script runs.
 */
export const SCRIPT_STARTED_MARK = 'cited:script-started';

/**
 * A `performance.mark` the content script sets each time it hands the panel a part of a capture, so
 * `npm run bench -- panel` can tell the page's tasks while Cited reads the article (up to the last part) from those
 * while it places and updates markers (the panel checks links only once its list is whole).
 */
export const CAPTURE_SERVED_MARK = 'cited:capture-served';

export function markCaptureServed(): void {
  traceMark(CAPTURE_SERVED_MARK);
}

export function markScriptStarted(): void {
  traceMark(SCRIPT_STARTED_MARK);
}

/** Cleared as soon as set: the browser's trace keeps the mark, the page's own timeline does not. */
function traceMark(name: string): void {
  try {
    performance.mark(name);
    performance.clearMarks(name);
  } catch {
    // A page that replaced its `performance` object: the benchmark loses a split, the reader nothing.
  }
}
