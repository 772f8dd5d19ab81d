import { type DBSchema, type IDBPDatabase, type IDBPTransaction, openDB, type StoreNames } from 'idb';
import type { SourceHistory, WatchedArticle, WatchRun } from '../watch/types';
import type { SnapshotBody, SnapshotDetails, SnapshotSearchEntry, SnapshotSummary } from './types';

/**
 * The library's IndexedDB database: snapshots and what a reader needs to find them. Link-check verdicts are a
 * cache with a life of their own and live in a database of their own (entrypoints/background/checks/database.ts).
 * A change here is a new migration appended to `MIGRATIONS` and a new entry in `CitedDBSchema`; `DB_VERSION`
 * follows. Never edit a migration that has shipped: a browser that already ran it will not run it again.
 */
export const DB_NAME = 'cited';

export interface CitedDBSchema extends DBSchema {
  /** One small record per snapshot: what the library lists and sorts. */
  snapshots: {
    key: string;
    value: SnapshotSummary;
    indexes: { 'by-savedAt': string; 'by-parent': string; 'by-url': string };
  };
  /** The snapshot HTML, apart, so that listing never reads megabytes. */
  bodies: { key: string; value: SnapshotBody };
  /** Article, citations as they stood, failures. */
  details: { key: string; value: SnapshotDetails };
  /** Full-text search: each snapshot's unique tokens, indexed token by token. */
  search: { key: string; value: SnapshotSearchEntry; indexes: { 'by-token': string } };
  /** Watched articles; `by-source` finds the watches a source's change concerns. */
  watches: { key: string; value: WatchedArticle; indexes: { 'by-source': string } };
  /** Each watched source's verdict over time and its bounded history, shared by every article citing it. */
  sourceHistory: { key: string; value: SourceHistory };
  /** The watch run in progress (one record, id "current"): the cursor a stopped worker resumes from. */
  watchRuns: { key: string; value: WatchRun };
}

export type CitedDB = IDBPDatabase<CitedDBSchema>;
export type UpgradeTransaction = IDBPTransaction<CitedDBSchema, StoreNames<CitedDBSchema>[], 'versionchange'>;
/** Upgrades the database by one version. */
export type Migration = (db: CitedDB, transaction: UpgradeTransaction) => void;

/** `MIGRATIONS[i]` takes the database from version i to version i + 1. Append only. */
export const MIGRATIONS: readonly Migration[] = [
  // 1: the snapshot library.
  (db) => {
    const snapshots = db.createObjectStore('snapshots', { keyPath: 'id' });
    snapshots.createIndex('by-savedAt', 'savedAt');
    // parentId is null for articles; null is not a key, so only sources are in this index.
    snapshots.createIndex('by-parent', 'parentId');
    snapshots.createIndex('by-url', 'url');
    db.createObjectStore('bodies', { keyPath: 'id' });
    db.createObjectStore('details', { keyPath: 'id' });
    const search = db.createObjectStore('search', { keyPath: 'id' });
    search.createIndex('by-token', 'tokens', { multiEntry: true });
  },
  // 2: watched articles, their sources' histories, the run cursor. The library's stores are left as they are.
  (db) => {
    db.createObjectStore('watches', { keyPath: 'key' }).createIndex('by-source', 'sourceKeys', {
      multiEntry: true,
    });
    db.createObjectStore('sourceHistory', { keyPath: 'key' });
    db.createObjectStore('watchRuns', { keyPath: 'id' });
  },
];

export const DB_VERSION = MIGRATIONS.length;

/** The stores one snapshot lives in; every write of a snapshot spans all of them in one transaction. */
export const LIBRARY_STORES = ['snapshots', 'bodies', 'details', 'search'] as const;

export interface OpenCitedDbOptions {
  /** Another name (tests, a throwaway profile). */
  name?: string;
  /**
   * Another context is upgrading the database: this connection has been closed so it can proceed.
   * Reopen to continue.
   */
  onClosedForUpgrade?: () => void;
}

/** Opens (creating or upgrading as needed) the database. */
export async function openCitedDb(options: OpenCitedDbOptions = {}): Promise<CitedDB> {
  const db: CitedDB = await openDB<CitedDBSchema>(options.name ?? DB_NAME, DB_VERSION, {
    upgrade(database, oldVersion, newVersion, transaction) {
      for (let version = oldVersion; version < (newVersion ?? DB_VERSION); version++) {
        MIGRATIONS[version]?.(database, transaction);
      }
    },
    blocking() {
      db.close();
      options.onClosedForUpgrade?.();
    },
  });
  return db;
}
