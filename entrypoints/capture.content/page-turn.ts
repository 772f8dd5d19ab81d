interface Scheduler {
  yield?: () => Promise<void>;
}

/**
 * Gives the page its turn: the browser handles input, draws a frame and runs the page's own tasks before the
 * caller goes on. `scheduler.yield()` resumes ahead of other queued tasks; a zero timeout where it is missing.
 */
export function pageTurn(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
