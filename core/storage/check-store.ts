import type { CheckStore, QueuedCheck } from '../linkcheck/store';
import type { CheckResult } from '../linkcheck/types';
import { CHECK_QUEUE, CHECK_RESULTS, type ChecksDb } from './checks-database';

/**
 * The link checker's verdicts and pending queue in IndexedDB (the `CheckStore` of core/linkcheck/store.ts), so an
 * MV3 worker stopped mid-run, or a panel closed and reopened, loses nothing and repeats nothing.
 *
 * Two tables of the link-check database (checks-database.ts): `checkResults` and `checkQueue`.
 *
 * `putResult` writes the verdict and removes the queue entry in one transaction: either both happen or neither.
 */

type Waiting = { resolve: (result: CheckResult | undefined) => void; reject: (error: unknown) => void }[];

export class IndexedDbCheckStore implements CheckStore {
  /** Reads asked for in the current turn, answered together by one transaction at its end. */
  private reads: Map<string, Waiting> | null = null;

  constructor(private readonly db: ChecksDb) {}

  /**
   * Each transaction costs the worker a round of messages with the browser's IndexedDB: a long article asks for
   * thousands of verdicts at once, so the reads asked for in the same turn share one transaction.
   */
  getResult(key: string): Promise<CheckResult | undefined> {
    return new Promise((resolve, reject) => {
      if (!this.reads) {
        this.reads = new Map();
        queueMicrotask(() => void this.readTogether());
      }
      const waiting = this.reads.get(key) ?? [];
      waiting.push({ resolve, reject });
      this.reads.set(key, waiting);
    });
  }

  private async readTogether(): Promise<void> {
    const reads = this.reads ?? new Map<string, Waiting>();
    this.reads = null;
    try {
      const store = this.db.transaction(CHECK_RESULTS, 'readonly').store;
      const entries = await Promise.all([...reads.keys()].map((key) => store.get(key)));
      [...reads.values()].forEach((waiting, index) => {
        for (const { resolve } of waiting) resolve(entries[index]?.result);
      });
    } catch (error) {
      for (const waiting of reads.values()) for (const { reject } of waiting) reject(error);
    }
  }

  async putResult(key: string, result: CheckResult): Promise<void> {
    const tx = this.db.transaction([CHECK_RESULTS, CHECK_QUEUE], 'readwrite');
    await Promise.all([
      tx.objectStore(CHECK_RESULTS).put({ key, result }),
      tx.objectStore(CHECK_QUEUE).delete(key),
      tx.done,
    ]);
  }

  async enqueue(items: QueuedCheck[]): Promise<void> {
    if (items.length === 0) return;
    const tx = this.db.transaction(CHECK_QUEUE, 'readwrite');
    const store = tx.store;
    const last = await store.index('by-seq').openCursor(null, 'prev');
    let seq = last?.value.seq ?? 0;
    for (const item of items) {
      const existing = await store.get(item.key);
      if (existing) {
        if (item.force && !existing.force) await store.put({ ...existing, force: true });
      } else {
        seq++;
        await store.put({
          key: item.key,
          url: item.url,
          force: item.force,
          enqueuedAt: item.enqueuedAt,
          seq,
        });
      }
    }
    await tx.done;
  }

  async pending(): Promise<QueuedCheck[]> {
    const entries = await this.db.getAllFromIndex(CHECK_QUEUE, 'by-seq');
    return entries.map(({ key, url, force, enqueuedAt }) => ({ key, url, force, enqueuedAt }));
  }

  async dequeue(key: string): Promise<void> {
    await this.db.delete(CHECK_QUEUE, key);
  }

  /** Forget every verdict (the queue is kept). */
  async clearResults(): Promise<void> {
    await this.db.clear(CHECK_RESULTS);
  }
}
