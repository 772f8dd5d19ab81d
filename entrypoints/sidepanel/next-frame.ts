/**
 * Runs `work` once before the panel's next paint: updates that arrive together (hundreds of verdicts a second on a
 * long article) are applied together. A hidden panel paints nothing, so there a short timer does instead.
 */
export function onNextFrame(work: () => void): () => void {
  if (typeof requestAnimationFrame === 'function' && document.visibilityState === 'visible') {
    const frame = requestAnimationFrame(() => work());
    return () => cancelAnimationFrame(frame);
  }
  const timer = setTimeout(work, 50);
  return () => clearTimeout(timer);
}

/**
 * Like onNextFrame, but not sooner than `gapMs` after `lastMs` (a performance.now() time): a stream of updates is
 * drawn a few times a second rather than in every frame. Each frame the panel draws costs the machine more than
 * the panel's own main thread (its compositor, the GPU process, the browser): on a small machine those compete
 * with the page the reader is on, and with the panel's next task.
 */
export function onFrameAfterGap(
  lastMs: number,
  gapMs: number,
  work: () => void,
  now: () => number = () => performance.now(),
): () => void {
  const wait = lastMs + gapMs - now();
  if (wait <= 0) return onNextFrame(work);
  let cancelFrame = () => {};
  const timer = setTimeout(() => {
    cancelFrame = onNextFrame(work);
  }, wait);
  return () => {
    clearTimeout(timer);
    cancelFrame();
  };
}

/**
 * Hands `apply` the newest value pushed, in a task of its own: what arrives in a message (the article and its
 * first 200 rows) is taken in one task and drawn in the next, so the two costs never add up to one long task. A
 * value pushed before the last one was drawn replaces it: only the newest is drawn.
 */
export function latestInNextTask<T>(apply: (value: T) => void): { push(value: T): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest: { value: T } | null = null;
  return {
    push(value) {
      latest = { value };
      timer ??= setTimeout(() => {
        timer = undefined;
        const next = latest;
        latest = null;
        if (next) apply(next.value);
      }, 0);
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
      latest = null;
    },
  };
}

/**
 * Runs each step in an idle moment of its own, in order: work the panel will need soon (formatters, say) done while
 * it waits, one short task at a time, instead of inside the task that needs it. `timeoutMs` bounds the wait for an
 * idle moment, so a busy panel still gets its steps done. Without requestIdleCallback, a timer takes its place.
 */
export function inIdleMoments(steps: readonly (() => void)[], timeoutMs = 100): () => void {
  let next = 0;
  let cancelled = false;
  let cancelWait: () => void = () => {};
  const wait = (work: () => void) => {
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(work, { timeout: timeoutMs });
      cancelWait = () => cancelIdleCallback(id);
    } else {
      const timer = setTimeout(work, 0);
      cancelWait = () => clearTimeout(timer);
    }
  };
  const runNext = () => {
    if (cancelled) return;
    const step = steps[next++];
    if (!step) return;
    step();
    if (next < steps.length) wait(runNext);
  };
  if (steps.length > 0) wait(runNext);
  return () => {
    cancelled = true;
    cancelWait();
  };
}
