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

export async function runStepsPausing<T>(steps: Steps<T>, pause: () => Promise<void>): Promise<T> {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    await pause();
  }
}
