import { type IDBPDatabase, openDB } from 'idb';
import type { ArchiveLookup } from '../../../core/archive/types';
import { addCheckStores, type CheckStoreSchema } from '../../../core/storage/check-store';

/**
 * Link-check data has its own IndexedDB database, apart from the snapshot library's: the engine's verdicts and
 * queue (core/storage/check-store.ts) and the archive lookups made for them. Clearing one never touches the other.
 */
export const CHECKS_DB_NAME = 'cited-checks';
export const CHECKS_DB_VERSION = 1;
export const ARCHIVE_LOOKUPS = 'archiveLookups';

export interface StoredArchiveLookup {
  /** `archiveKeyOf(url, publishedTime)`: the URL and the publication moment "before publication" meant. */
  archiveKey: string;
  /** `checkKey(url)`. */
  key: string;
  lookup: ArchiveLookup;
}

export interface ChecksDbSchema extends CheckStoreSchema {
  archiveLookups: { key: string; value: StoredArchiveLookup };
}

export type ChecksDb = IDBPDatabase<ChecksDbSchema>;

export function openChecksDb(name = CHECKS_DB_NAME): Promise<ChecksDb> {
  return openDB<ChecksDbSchema>(name, CHECKS_DB_VERSION, {
    upgrade(db, oldVersion) {
      // One step per version, so a profile several versions behind walks every step.
      if (oldVersion < 1) {
        addCheckStores(db as unknown as IDBPDatabase<CheckStoreSchema>);
        db.createObjectStore(ARCHIVE_LOOKUPS, { keyPath: 'archiveKey' });
      }
    },
  });
}
