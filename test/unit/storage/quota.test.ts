import { beforeEach, describe, expect, it } from 'vitest';
import {
  getSnapshot,
  getSnapshotDetails,
  listSnapshots,
  saveSnapshot,
  storageUsed,
} from '../../../core/storage/library';
import type { CitedDB } from '../../../core/storage/schema';
import type { SnapshotSummary } from '../../../core/storage/types';
import { citation, freshDb, newSnapshot } from './helpers';

function quotaError(): DOMException {
  return new DOMException('The quota has been exceeded.', 'QuotaExceededError');
}

type DiskFull = 'request-error' | 'request-throws' | 'commit';

/**
 * The database as the library sees it, except that the disk fills up mid-save:
 * - `request-error`: the write of the HTML fails with QuotaExceededError (as Firefox reports it),
 * - `request-throws`: that write throws synchronously (as a put does for data it cannot store),
 * - `commit`: every write succeeds but the commit fails and the transaction is aborted (as in Chromium).
 */
function fullDisk(db: CitedDB, mode: DiskFull): CitedDB {
  return new Proxy(db, {
    get(target, prop) {
      if (prop !== 'transaction') {
        const value = Reflect.get(target, prop, target);
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return (...args: Parameters<CitedDB['transaction']>) => {
        const tx = target.transaction(...args);
        if (args[1] !== 'readwrite') return tx;
        return new Proxy(tx, {
          get(t, p) {
            if (p === 'done' && mode === 'commit') {
              // The last write has been issued: the commit is where the quota is found exceeded.
              try {
                t.abort();
              } catch {
                // Already aborted.
              }
              return t.done.then(
                () => Promise.reject(quotaError()),
                () => Promise.reject(quotaError()),
              );
            }
            if (p === 'objectStore') {
              return (name: string) => {
                const store = t.objectStore(name as never);
                return new Proxy(store, {
                  get(s, sp) {
                    const value = Reflect.get(s, sp, s);
                    const isWrite = sp === 'add' || sp === 'put';
                    if (isWrite && name === 'bodies' && mode === 'request-error') {
                      return () => Promise.reject(quotaError());
                    }
                    if (isWrite && name === 'bodies' && mode === 'request-throws') {
                      return () => {
                        throw quotaError();
                      };
                    }
                    if (isWrite && mode === 'commit') {
                      // Each request looks fine to the caller; only the commit will fail.
                      return (...a: unknown[]) =>
                        (value as (...x: unknown[]) => Promise<unknown>).apply(s, a).catch(() => undefined);
                    }
                    return typeof value === 'function' ? value.bind(s) : value;
                  },
                });
              };
            }
            const value = Reflect.get(t, p, t);
            return typeof value === 'function' ? value.bind(t) : value;
          },
        });
      };
    },
  });
}

let db: CitedDB;
let existing: SnapshotSummary;

beforeEach(async () => {
  db = await freshDb();
  existing = await saveSnapshot(
    db,
    await newSnapshot({ title: 'Already saved', citations: [citation('https://a.example/1', 'alive')] }),
  );
});

async function libraryState() {
  return {
    list: await listSnapshots(db),
    used: await storageUsed(db),
    details: await getSnapshotDetails(db, existing.id),
    search: await listSnapshots(db, { text: 'quota' }),
  };
}

describe.each(['request-error', 'request-throws', 'commit'] as const)(
  'a full disk during a save (%s)',
  (mode) => {
    it('reports storage-quota and leaves the library exactly as it was', async () => {
      const before = await libraryState();
      const attempt = saveSnapshot(
        fullDisk(db, mode),
        await newSnapshot({ title: 'Quota victim', text: 'quota words' }),
      );
      await expect(attempt).rejects.toMatchObject({
        name: 'CitedError',
        code: 'storage-quota',
        message: expect.stringMatching(
          /^Not enough storage space to save this snapshot \(.+\)\. Nothing was saved\./,
        ),
      });
      expect(await libraryState()).toEqual(before);
    });

    it('leaves the article untouched when saving one of its sources fails', async () => {
      const before = await libraryState();
      const attempt = saveSnapshot(
        fullDisk(db, mode),
        await newSnapshot({
          kind: 'source',
          parentId: existing.id,
          citedAs: 'https://a.example/1',
          url: 'https://a.example/1',
        }),
      );
      await expect(attempt).rejects.toMatchObject({ code: 'storage-quota' });
      expect((await getSnapshot(db, existing.id))?.sourceCount).toBe(0);
      expect((await getSnapshotDetails(db, existing.id))?.citations[0]?.sourceSnapshotId).toBeUndefined();
      expect(await libraryState()).toEqual(before);
    });
  },
);

it('still saves normally once space is back', async () => {
  await expect(saveSnapshot(fullDisk(db, 'request-error'), await newSnapshot())).rejects.toMatchObject({
    code: 'storage-quota',
  });
  await saveSnapshot(db, await newSnapshot({ title: 'After' }));
  expect((await listSnapshots(db)).map((s) => s.title).sort()).toEqual(['After', 'Already saved']);
});
