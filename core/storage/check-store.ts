import type { DBSchema, IDBPDatabase } from 'idb';
import type { CheckStore, QueuedCheck } from '../linkcheck/store';
import type { CheckResult } from '../linkcheck/types';

/**
 * The link checker's verdicts and pending queue in IndexedDB (the `CheckStore` of core/linkcheck/store.ts), so an
 * MV3 worker stopped mid-run, or a panel closed and reopened, loses nothing and repeats nothing.
 *
 * Two stores, created by `addCheckStores` in the link-check database (entrypoints/background/checks/database.ts):
 * - `checkResults`: `{ key, result }`, key = the URL without its fragment (`checkKey`);
 * - `checkQueue`: `QueuedCheck & { seq }`, read back in `seq` (first-enqueued) order.
 *
 * `putResult` writes the verdict and removes the queue entry in one transaction: either both happen or neither.
 */

export interface CheckStoreSchema extends DBSchema {
  checkResults: { key: string; value: { key: string; result: CheckResult } };
  checkQueue: { key: string; value: QueuedCheck & { seq: number }; indexes: { 'by-seq': number } };
}

export const CHECK_RESULTS = 'checkResults';
export const CHECK_QUEUE = 'checkQueue';

/** The migration that creates the two stores. */
export function addCheckStores(db: IDBPDatabase<CheckStoreSchema>): void {
  db.createObjectStore(CHECK_RESULTS, { keyPath: 'key' });
  const queue = db.createObjectStore(CHECK_QUEUE, { keyPath: 'key' });
  queue.createIndex('by-seq', 'seq');
}

export class IndexedDbCheckStore implements CheckStore {
  private readonly db: IDBPDatabase<CheckStoreSchema>;

  /** `db` must contain the stores `addCheckStores` creates (Cited's database, or a test one). */
  constructor(db: IDBPDatabase<unknown> | IDBPDatabase<CheckStoreSchema>) {
    this.db = db as IDBPDatabase<CheckStoreSchema>;
  }

  async getResult(key: string): Promise<CheckResult | undefined> {
    return (await this.db.get(CHECK_RESULTS, key))?.result;
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
