import { abortReason } from './clock';
import type { ProbeOutcome } from './soft404';

/**
 * The soft-404 evidence of each host+folder (see soft404.ts for why an honest 404 of a cited address counts):
 * one probe serves every citation of the folder, concurrent ones included (the promise is cached, not just the
 * result), and a probe is not sent at all when the folder's own citations already prove the point.
 *
 * - `expectNotFound(key)`: a cited address of the folder answered 404 and is being confirmed. Until it is, a
 *   probe of that folder waits rather than being sent (the confirmation is the likelier evidence, and cheaper:
 *   it is a request the checker makes anyway).
 * - A confirmed 404 settles the folder: pages waiting for a probe not yet sent get the 404 as their evidence at
 *   once, and the queued probe withdraws when its slot comes (no request). A probe already sent is left to
 *   finish: a made-up address is the better evidence and it is on its way.
 * - A 404 that did not hold (the retry answered) is no evidence: waiting pages send the probe after all.
 */

/** Thrown by a probe's start when it withdrew before its first request (the evidence came another way). */
export class ProbeWithdrawn extends Error {
  override readonly name = 'ProbeWithdrawn';
}

/**
 * Starts the probe of a folder. `mayStart` must be asked when the first request gets its politeness slot,
 * right before sending; false means: send nothing and throw `ProbeWithdrawn`.
 */
export type StartProbe = (signal: AbortSignal | undefined, mayStart: () => boolean) => Promise<ProbeOutcome>;

interface Entry {
  promise: Promise<ProbeOutcome>;
  at: number;
  /** Its probe sent a request: nothing replaces it any more. */
  sent: boolean;
  /** Resolved (by the probe or by a citation's confirmed 404). */
  settled: boolean;
  settle: (outcome: ProbeOutcome) => void;
}

export class ProbeCache {
  private readonly entries = new Map<string, Entry>();
  /** Per folder, the 404s of cited addresses still being confirmed. */
  private readonly pending = new Map<string, Set<Promise<void>>>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  /**
   * The evidence for `key`: a cached probe, a citation's confirmed 404, or a probe started with `start`. A probe
   * abandoned because its starter was cancelled is started again for the next caller rather than failing it.
   */
  async get(
    key: string,
    start: StartProbe,
    signal: AbortSignal | undefined,
  ): Promise<{ outcome: ProbeOutcome; cached: boolean }> {
    for (;;) {
      const existing = this.entries.get(key);
      const fresh = existing !== undefined && this.now() - existing.at < this.ttlMs;
      if (!fresh) {
        const waiting = this.pending.get(key);
        if (waiting && waiting.size > 0) {
          await untilAborted(Promise.race(waiting), signal);
          continue;
        }
      }
      const entry = fresh ? existing : this.startProbe(key, start, signal);
      try {
        const outcome = await entry.promise;
        return { outcome, cached: fresh || outcome.fromCitation === true };
      } catch (error) {
        if (this.entries.get(key) === entry) this.entries.delete(key);
        if (signal?.aborted) throw error;
      }
    }
  }

  /**
   * A cited address under `key` answered 404 and is about to be asked again. Call the returned function exactly
   * once: with the confirming answer as a probe outcome when it was a 404 again, with null otherwise.
   */
  expectNotFound(key: string): (confirmed: ProbeOutcome | null) => void {
    let done!: () => void;
    const promise = new Promise<void>((resolve) => {
      done = resolve;
    });
    const waiting = this.pending.get(key) ?? new Set();
    waiting.add(promise);
    this.pending.set(key, waiting);
    let called = false;
    return (confirmed) => {
      if (called) return;
      called = true;
      if (confirmed) this.recordNotFound(key, confirmed);
      waiting.delete(promise);
      if (waiting.size === 0 && this.pending.get(key) === waiting) this.pending.delete(key);
      done();
    };
  }

  private recordNotFound(key: string, outcome: ProbeOutcome): void {
    const existing = this.entries.get(key);
    const fresh = existing !== undefined && this.now() - existing.at < this.ttlMs;
    if (fresh && (existing.sent || existing.settled)) return;
    if (fresh) {
      existing.settle(outcome);
      return;
    }
    this.entries.set(key, {
      promise: Promise.resolve(outcome),
      at: this.now(),
      sent: false,
      settled: true,
      settle: () => {},
    });
  }

  private startProbe(key: string, start: StartProbe, signal: AbortSignal | undefined): Entry {
    const entry = { at: this.now(), sent: false, settled: false } as Entry;
    entry.promise = new Promise<ProbeOutcome>((resolve, reject) => {
      entry.settle = (outcome) => {
        entry.settled = true;
        resolve(outcome);
      };
      const mayStart = () => {
        if (entry.settled || (this.pending.get(key)?.size ?? 0) > 0) return false;
        entry.sent = true;
        return true;
      };
      start(signal, mayStart).then(entry.settle, reject);
    });
    this.entries.set(key, entry);
    return entry;
  }
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(abortReason(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
