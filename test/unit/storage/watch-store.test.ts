import { IDBFactory } from 'fake-indexeddb';
import { strFromU8, unzipSync } from 'fflate';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { backupLibrary, restoreLibrary } from '../../../core/storage/backup/wacz';
import { getSnapshot, saveSnapshot } from '../../../core/storage/library';
import {
  type CitedDB,
  type CitedDBSchema,
  DB_NAME,
  MIGRATIONS,
  openCitedDb,
} from '../../../core/storage/schema';
import { IndexedDbWatchStore } from '../../../core/storage/watch-store';
import { articleWatchState } from '../../../core/watch/article-watch';
import { newWatchedArticle } from '../../../core/watch/watched-article';
import { check, dayAt } from '../watch/watch-helpers';
import { freshDb, newSnapshot } from './helpers';

// Watches and source histories live in the library's database (version 2) and travel with its backups.

const article = 'https://news.example/2026/03/01/ferry';
const statement = 'https://www.ferryco.example/press/winter';

async function watchOne(db: CitedDB) {
  const store = new IndexedDbWatchStore(db);
  await store.putWatch(
    newWatchedArticle({ url: article, title: 'Ferry cut', sources: [statement], watchedAt: dayAt(0) }),
  );
  await store.recordCheck({ key: statement, url: statement }, check(7, 'alive'));
  await store.recordCheck({ key: statement, url: statement }, check(14, 'dead'));
  return store;
}

describe('watch storage', () => {
  it('a library made before watching existed opens with its snapshots kept and room for watches', async () => {
    globalThis.indexedDB = new IDBFactory();
    const v1 = await openDB<CitedDBSchema>(DB_NAME, 1, {
      upgrade: (db, _old, _new, tx) => MIGRATIONS[0]?.(db, tx),
    });
    const saved = await saveSnapshot(v1 as CitedDB, await newSnapshot({ title: 'Saved before watching' }));
    v1.close();

    const db = await openCitedDb();
    expect(db.version).toBe(2);
    expect((await getSnapshot(db, saved.id))?.title).toBe('Saved before watching');
    const store = await watchOne(db);
    expect((await store.getSource(statement))?.verdict).toMatchObject({ state: 'failing', since: dayAt(14) });
    db.close();
  });

  it('a backup carries watches and histories, and restoring it into an empty profile brings them back', async () => {
    const db = await freshDb();
    await saveSnapshot(db, await newSnapshot({ title: 'Ferry cut', url: article }));
    await watchOne(db);
    const backup = await backupLibrary(db, { now: () => new Date(dayAt(15)) });
    const inside = JSON.parse(strFromU8(unzipSync(backup.bytes)['cited/watches.json'] as Uint8Array));
    expect(inside.watches.map((w: { url: string }) => w.url)).toEqual([article]);
    db.close();

    const empty = await freshDb();
    const report = await restoreLibrary(empty, backup.bytes);
    expect(report.watches).toEqual({ watches: 1, sources: 1 });
    const store = new IndexedDbWatchStore(empty);
    const watch = await store.getWatch(article);
    expect(watch?.unseen.map((c) => c.kind)).toEqual(['broke']);
    const history = await store.getSource(statement);
    expect(history?.checks.map((c) => [c.at, c.status, c.evidence?.httpStatus])).toEqual([
      [dayAt(7), 'alive', 200],
      [dayAt(14), 'dead', 404],
    ]);
    // Restoring the same backup again adds nothing.
    expect((await restoreLibrary(empty, backup.bytes)).watches).toEqual({ watches: 0, sources: 0 });
  });

  it('a library without watches backs up as before, with no watches file', async () => {
    const db = await freshDb();
    await saveSnapshot(db, await newSnapshot({ title: 'Just saved' }));
    const backup = await backupLibrary(db, { now: () => new Date(dayAt(1)) });
    expect(Object.keys(unzipSync(backup.bytes))).not.toContain('cited/watches.json');
    expect((await restoreLibrary(await freshDb(), backup.bytes)).watches).toBeUndefined();
  });
});

describe('an article as the panel reads it', () => {
  it('is its watch and its sources’ histories, found by the address the tab shows (fragment and all)', async () => {
    const store = await watchOne(await freshDb());
    const { watch, sources } = await articleWatchState(store, `${article}#comments`);
    expect(watch?.title).toBe('Ferry cut');
    expect(sources.map((source) => [source.url, source.verdict.state, source.checks.length])).toEqual([
      [statement, 'failing', 2],
    ]);
  });

  it('is null, with no histories, for an article that is not watched', async () => {
    const store = await watchOne(await freshDb());
    expect(await articleWatchState(store, 'https://news.example/another-story')).toEqual({
      watch: null,
      sources: [],
    });
  });
});
