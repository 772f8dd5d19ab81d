import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { ArchiveLookup } from '../archive/types';
import type { QueuedCheck } from '../linkcheck/store';
import type { CheckResult } from '../linkcheck/types';
import type { SourceQuoteCheck } from '../quote-check/source-check';
import type { SourceChange } from '../source-change/types';

/**
 * Link-check data has its own IndexedDB database, apart from the snapshot library's: the engine's verdicts and
 * queue (read and written by core/storage/check-store.ts), the archive lookups made for them (archive-store.ts), and
 * what the panel found reading the quoted and compared sources (source-reading-store.ts).
 * Clearing one database never touches the other. Every table is typed here, so the stores need no casts.
 */
export const CHECKS_DB_NAME = 'cited-checks';
export const CHECKS_DB_VERSION = 2;
export const CHECK_RESULTS = 'checkResults';
export const CHECK_QUEUE = 'checkQueue';
export const ARCHIVE_LOOKUPS = 'archiveLookups';
export const QUOTE_CHECKS = 'quoteChecks';
export const SOURCE_CHANGES = 'sourceChanges';

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
  /** One source's quotations checked, by `quoteCheckId` (the address, the quotations, whether archives were read). */
  quoteChecks: { key: string; value: { id: string; check: SourceQuoteCheck } };
  /** One source compared with its archived copy, by `sourceChangeId` (the address and the moment it was cited). */
  sourceChanges: { key: string; value: { id: string; change: SourceChange } };
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
      // 2: the panel's quote checks and comparisons; verdicts, queue and lookups are kept as they are.
      if (oldVersion < 2) {
        db.createObjectStore(QUOTE_CHECKS, { keyPath: 'id' });
        db.createObjectStore(SOURCE_CHANGES, { keyPath: 'id' });
      }
    },
  });
}
