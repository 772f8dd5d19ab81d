/**
 * Work done in steps: a generator that yields where the work can stop for a moment. The same steps run straight
 * through (`runSteps`: Node, tests, the CLI) or with the page given its turn at each stop (`runStepsPausing`: a
 * content script on a long article, where one task running the whole capture would freeze the page).
 */
export type Steps<T> = Generator<void, T, undefined>;

export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

interface Scheduler {
  yield?: () => Promise<void>;
}

/**
 * Gives the rest of the context its turn: the browser handles input, draws a frame and runs other queued tasks (in
 * an extension page, those of every other page of the extension, which share its thread) before the caller goes
 * on. `scheduler.yield()` resumes ahead of other queued tasks; a zero timeout where it is missing.
 */
export function taskTurn(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export async function runStepsPausing<T>(steps: Steps<T>, pause: () => Promise<void>): Promise<T> {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    await pause();
  }
}
