import type { CheckResult } from './types';

/**
 * Where verdicts and the queue of pending checks live, so that a stopped MV3 worker or a closed panel loses
 * nothing and repeats nothing.
 *
 * Keys are `checkKey(url)` (the URL without its fragment). The engine enqueues every URL before requesting it
 * and stores its verdict with `putResult`, which also takes it off the queue in the same step; after a restart,
 * `LinkChecker.resume()` checks exactly what is still `pending()`, and everything else is answered from the
 * stored verdicts while they are fresh.
 *
 * `MemoryCheckStore` is the in-memory implementation (Node CLI, tests); the extension uses an IndexedDB one with
 * the same contract.
 */
export interface QueuedCheck {
  key: string;
  /** The URL as first asked for (may carry a fragment). */
  url: string;
  /** A "Re-check" request: ignore a fresh stored verdict. */
  force: boolean;
  /** ISO 8601. */
  enqueuedAt: string;
}

export interface CheckStore {
  getResult(key: string): Promise<CheckResult | undefined>;
  /** Store the verdict for `key` and remove `key` from the queue, atomically. */
  putResult(key: string, result: CheckResult): Promise<void>;
  /** Add to the queue; an entry already queued keeps its place (its `force` flag is OR-ed). */
  enqueue(items: QueuedCheck[]): Promise<void>;
  /** Queued entries in the order they were first enqueued. */
  pending(): Promise<QueuedCheck[]>;
  /** Drop `key` from the queue without a verdict. */
  dequeue(key: string): Promise<void>;
}

/** How long a verdict stays good enough to show without asking the site again. */
export interface CacheTtl {
  aliveMs: number;
  otherMs: number;
}

export const DEFAULT_CACHE_TTL: CacheTtl = { aliveMs: 24 * 60 * 60 * 1000, otherMs: 60 * 60 * 1000 };

export function isFresh(result: CheckResult, nowMs: number, ttl: CacheTtl = DEFAULT_CACHE_TTL): boolean {
  return isFreshSince(result.evidence.checkedAt, result.status === 'alive', nowMs, ttl);
}

/** The same rule for anything else read from a site: an answer that stood lasts a day, any other an hour. */
export function isFreshSince(
  checkedAtIso: string,
  answered: boolean,
  nowMs: number,
  ttl: CacheTtl = DEFAULT_CACHE_TTL,
): boolean {
  const checkedAt = Date.parse(checkedAtIso);
  if (Number.isNaN(checkedAt)) return false;
  const age = nowMs - checkedAt;
  return age >= 0 && age < (answered ? ttl.aliveMs : ttl.otherMs);
}

export class MemoryCheckStore implements CheckStore {
  private readonly results = new Map<string, CheckResult>();
  private readonly queue = new Map<string, QueuedCheck>();

  async getResult(key: string): Promise<CheckResult | undefined> {
    return this.results.get(key);
  }

  async putResult(key: string, result: CheckResult): Promise<void> {
    this.results.set(key, result);
    this.queue.delete(key);
  }

  async enqueue(items: QueuedCheck[]): Promise<void> {
    for (const item of items) {
      const existing = this.queue.get(item.key);
      if (existing) existing.force ||= item.force;
      else this.queue.set(item.key, { ...item });
    }
  }

  async pending(): Promise<QueuedCheck[]> {
    return [...this.queue.values()].map((item) => ({ ...item }));
  }

  async dequeue(key: string): Promise<void> {
    this.queue.delete(key);
  }
}
