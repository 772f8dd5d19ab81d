import type { ArchiveLookup } from '../archive/types';
import { ARCHIVE_LOOKUPS, type ChecksDb } from './checks-database';

/** Where the archive lookups made for citations are kept (see database.ts). */
export interface ArchiveStore {
  get(archiveKey: string): Promise<ArchiveLookup | undefined>;
  put(archiveKey: string, key: string, lookup: ArchiveLookup): Promise<void>;
}

export class IndexedDbArchiveStore implements ArchiveStore {
  constructor(private readonly db: ChecksDb) {}

  async get(archiveKey: string): Promise<ArchiveLookup | undefined> {
    return (await this.db.get(ARCHIVE_LOOKUPS, archiveKey))?.lookup;
  }

  async put(archiveKey: string, key: string, lookup: ArchiveLookup): Promise<void> {
    await this.db.put(ARCHIVE_LOOKUPS, { archiveKey, key, lookup });
  }
}

export class MemoryArchiveStore implements ArchiveStore {
  private readonly lookups = new Map<string, ArchiveLookup>();

  async get(archiveKey: string): Promise<ArchiveLookup | undefined> {
    return this.lookups.get(archiveKey);
  }

  async put(archiveKey: string, _key: string, lookup: ArchiveLookup): Promise<void> {
    this.lookups.set(archiveKey, lookup);
  }
}
