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
 * Writes asked for within WRITE_GATHER_MS share that transaction (see `write`).
 */

type Waiting = { resolve: (result: CheckResult | undefined) => void; reject: (error: unknown) => void }[];

interface PendingWrite {
  key: string;
  /** The verdict to keep; without one, only the queue entry is removed. */
  result?: CheckResult;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * How long a verdict waits for others to share its transaction, and the most one transaction takes. A long
 * article's checks answer a hundred or more a second: one readwrite transaction each kept the browser's IndexedDB
 * busy on a thread that outranks the pages' (and the worker's round trips with it), all through the run.
 */
export const WRITE_GATHER_MS = 50;
export const WRITE_BATCH_MAX = 100;

export class IndexedDbCheckStore implements CheckStore {
  /** Reads asked for in the current turn, answered together by one transaction at its end. */
  private reads: Map<string, Waiting> | null = null;
  /** Writes asked for within WRITE_GATHER_MS, done together by one transaction (see `write`). */
  private writes: PendingWrite[] = [];
  private writeTimer: ReturnType<typeof setTimeout> | null = null;

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

  /** Resolves once the verdict is stored and its queue entry gone (never before: a caller may rely on it). */
  putResult(key: string, result: CheckResult): Promise<void> {
    return this.write(key, result);
  }

  private write(key: string, result?: CheckResult): Promise<void> {
    return new Promise((resolve, reject) => {
      this.writes.push({ key, ...(result ? { result } : {}), resolve, reject });
      if (this.writes.length >= WRITE_BATCH_MAX) void this.writeTogether();
      else this.writeTimer ??= setTimeout(() => void this.writeTogether(), WRITE_GATHER_MS);
    });
  }

  /**
   * Opens the transaction at once (IndexedDB runs transactions on the same tables in the order they were opened):
   * whatever another method opens after calling this sees these writes done.
   */
  private async writeTogether(): Promise<void> {
    if (this.writeTimer !== null) clearTimeout(this.writeTimer);
    this.writeTimer = null;
    const writes = this.writes.splice(0);
    if (writes.length === 0) return;
    try {
      const tx = this.db.transaction([CHECK_RESULTS, CHECK_QUEUE], 'readwrite');
      const results = tx.objectStore(CHECK_RESULTS);
      const queue = tx.objectStore(CHECK_QUEUE);
      await Promise.all([
        ...writes.map(({ key, result }) => (result ? results.put({ key, result }) : undefined)),
        ...writes.map(({ key }) => queue.delete(key)),
        tx.done,
      ]);
      for (const { resolve } of writes) resolve();
    } catch (error) {
      for (const { reject } of writes) reject(error);
    }
  }

  async enqueue(items: QueuedCheck[]): Promise<void> {
    if (items.length === 0) return;
    // A verdict still waiting would otherwise remove, after this, the entry a forced check of its link adds now.
    void this.writeTogether();
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
    void this.writeTogether();
    const entries = await this.db.getAllFromIndex(CHECK_QUEUE, 'by-seq');
    return entries.map(({ key, url, force, enqueuedAt }) => ({ key, url, force, enqueuedAt }));
  }

  dequeue(key: string): Promise<void> {
    return this.write(key);
  }

  /** Forget every verdict (the queue is kept). */
  async clearResults(): Promise<void> {
    void this.writeTogether();
    await this.db.clear(CHECK_RESULTS);
  }
}
