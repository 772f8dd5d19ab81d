import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { ArchiveLookup } from '../archive/types';
import type { QueuedCheck } from '../linkcheck/store';
import type { CheckResult } from '../linkcheck/types';

/**
 * Link-check data has its own IndexedDB database, apart from the snapshot library's: the engine's verdicts and
 * queue (read and written by core/storage/check-store.ts) and the archive lookups made for them (archive-store.ts).
 * Clearing one database never touches the other. Every table is typed here, so the stores need no casts.
 */
export const CHECKS_DB_NAME = 'cited-checks';
export const CHECKS_DB_VERSION = 1;
export const CHECK_RESULTS = 'checkResults';
export const CHECK_QUEUE = 'checkQueue';
export const ARCHIVE_LOOKUPS = 'archiveLookups';

export interface StoredArchiveLookup {
  /** `archiveKeyOf(url, publishedTime)`: the URL and the publication moment "before publication" meant. */
  archiveKey: string;
  /** `checkKey(url)`. */
  key: string;
  lookup: ArchiveLookup;
}

export interface ChecksDbSchema extends DBSchema {
  /** `{ key, result }`, key = the URL without its fragment (`checkKey`). */
  checkResults: { key: string; value: { key: string; result: CheckResult } };
  /** What is still to check, read back in `seq` (first-enqueued) order. */
  checkQueue: { key: string; value: QueuedCheck & { seq: number }; indexes: { 'by-seq': number } };
  archiveLookups: { key: string; value: StoredArchiveLookup };
}

export type ChecksDb = IDBPDatabase<ChecksDbSchema>;

export function openChecksDb(name = CHECKS_DB_NAME): Promise<ChecksDb> {
  return openDB<ChecksDbSchema>(name, CHECKS_DB_VERSION, {
    upgrade(db, oldVersion) {
      // One step per version, so a profile several versions behind walks every step.
      if (oldVersion < 1) {
        db.createObjectStore(CHECK_RESULTS, { keyPath: 'key' });
        db.createObjectStore(CHECK_QUEUE, { keyPath: 'key' }).createIndex('by-seq', 'seq');
        db.createObjectStore(ARCHIVE_LOOKUPS, { keyPath: 'archiveKey' });
      }
    },
  });
}
