import type { Clock } from './types';

/** The real clock. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) => abortableDelay(ms, signal, (fn, delay) => setTimeout(fn, delay), clearTimeout),
};

type SetTimer = (fn: () => void, ms: number) => unknown;
type ClearTimer = (handle: never) => void;

export function abortableDelay(
  ms: number,
  signal: AbortSignal | undefined,
  setTimer: SetTimer,
  clearTimer: ClearTimer,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    const onAbort = () => {
      clearTimer(handle as never);
      reject(abortReason(signal));
    };
    const handle = setTimer(
      () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      },
      Math.max(0, ms),
    );
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function abortReason(signal: AbortSignal | undefined): unknown {
  return signal?.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

export function isAbortError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    ((error as { name?: string }).name === 'AbortError' ||
      (error as { name?: string }).name === 'TimeoutError')
  );
}
