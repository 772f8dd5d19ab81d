import { beforeEach, describe, expect, it } from 'vitest';
import { verifySnapshotHash } from '../../../core/snapshot/hash';
import {
  deleteSnapshot,
  getSnapshot,
  getSnapshotDetails,
  getSnapshotHtml,
  getSources,
  listSnapshots,
  saveSnapshot,
  storageUsed,
} from '../../../core/storage/library';
import { type CitedDB, DB_NAME, DB_VERSION, MIGRATIONS, openCitedDb } from '../../../core/storage/schema';
import { citation, freshDb, newSnapshot } from './helpers';

let db: CitedDB;
beforeEach(async () => {
  db = await freshDb();
});

describe('the database', () => {
  it('is one database, versioned by its list of migrations, with the library stores', () => {
    expect(db.name).toBe(DB_NAME);
    expect(db.version).toBe(DB_VERSION);
    expect(DB_VERSION).toBe(MIGRATIONS.length);
    expect(Array.from(db.objectStoreNames)).toEqual(
      expect.arrayContaining(['bodies', 'details', 'search', 'snapshots']),
    );
  });

  it('keeps what was saved when it is opened again', async () => {
    const saved = await saveSnapshot(db, await newSnapshot({ title: 'Kept' }));
    db.close();
    const again = await openCitedDb();
    expect((await getSnapshot(again, saved.id))?.title).toBe('Kept');
    again.close();
  });
});

describe('saving a snapshot', () => {
  it('stores the summary, the HTML and the details, with status counts at capture', async () => {
    const input = await newSnapshot({
      title: 'Police arrest 67',
      url: 'https://www.news.example/2017/08/04/arrests.html',
      citations: [
        citation('https://a.example/1', 'alive', 0),
        citation('https://b.example/2', 'dead', 1),
        citation('https://c.example/3', 'soft-404', 2),
        citation('https://d.example/4', 'alive', 3),
      ],
      failures: [{ url: 'https://cdn.example/x.png', kind: 'image', reason: 'could not be fetched' }],
    });
    const summary = await saveSnapshot(db, input);
    expect(summary).toMatchObject({
      kind: 'article',
      parentId: null,
      url: 'https://www.news.example/2017/08/04/arrests.html',
      title: 'Police arrest 67',
      siteName: 'news.example',
      savedAt: input.savedAt,
      bytes: new TextEncoder().encode(input.html).length,
      sha256: input.sha256,
      citationCount: 4,
      statusCounts: { alive: 2, dead: 1, 'soft-404': 1 },
      hasBroken: true,
      sourceCount: 0,
      failureCount: 1,
    });
    expect(await getSnapshotHtml(db, summary.id)).toBe(input.html);
    const details = await getSnapshotDetails(db, summary.id);
    expect(details?.citations.map((c) => [c.url, c.status])).toEqual([
      ['https://a.example/1', 'alive'],
      ['https://b.example/2', 'dead'],
      ['https://c.example/3', 'soft-404'],
      ['https://d.example/4', 'alive'],
    ]);
    expect(details?.article?.metadata.byline).toBe('A. Reporter');
    expect(details?.failures).toEqual(input.failures);
    expect((await verifySnapshotHash((await getSnapshotHtml(db, summary.id)) ?? '')).ok).toBe(true);
  });

  it('refuses a snapshot whose HTML does not match its hash, and keeps nothing', async () => {
    const input = await newSnapshot();
    await expect(
      saveSnapshot(db, { ...input, html: input.html.replace('Body', 'B0dy') }),
    ).rejects.toMatchObject({
      code: 'storage-failed',
    });
    expect(await listSnapshots(db)).toEqual([]);
  });
});

describe('listing, sorting, filtering and searching', () => {
  beforeEach(async () => {
    await saveSnapshot(
      db,
      await newSnapshot({
        title: 'Zürich council votes',
        siteName: 'Swiss Daily',
        url: 'https://swiss.example/zurich/council',
        savedAt: '2024-03-01T10:00:00.000Z',
        text: 'The council of Zürich voted on the new budget for public transport.',
        body: `<p>${'x'.repeat(5000)}</p>`,
        citations: [citation('https://gone.example/a', 'dead')],
      }),
    );
    await saveSnapshot(
      db,
      await newSnapshot({
        title: 'apple harvest 10',
        siteName: 'Farm News',
        url: 'https://farm.example/harvest',
        savedAt: '2024-02-01T10:00:00.000Z',
        text: 'Orchards report an early harvest of apples and pears.',
        citations: [citation('https://ok.example/a', 'alive')],
      }),
    );
    await saveSnapshot(
      db,
      await newSnapshot({
        title: 'Apple harvest 9',
        siteName: 'Farm News',
        url: 'https://farm.example/harvest-9',
        savedAt: '2024-04-01T10:00:00.000Z',
        text: '東京で会議が開かれた。Budget talks in Tokyo.',
      }),
    );
  });

  const titles = (items: Array<{ title: string }>) => items.map((i) => i.title);

  it('sorts by date saved (newest first), title (natural order), size and site', async () => {
    expect(titles(await listSnapshots(db))).toEqual([
      'Apple harvest 9',
      'Zürich council votes',
      'apple harvest 10',
    ]);
    expect(titles(await listSnapshots(db, { sort: 'title' }))).toEqual([
      'Apple harvest 9',
      'apple harvest 10',
      'Zürich council votes',
    ]);
    expect(titles(await listSnapshots(db, { sort: 'size', direction: 'desc' }))[0]).toBe(
      'Zürich council votes',
    );
    expect(titles(await listSnapshots(db, { sort: 'site' }))).toEqual([
      'Apple harvest 9',
      'apple harvest 10',
      'Zürich council votes',
    ]);
  });

  it('filters by broken citations and by site', async () => {
    expect(titles(await listSnapshots(db, { onlyBroken: true }))).toEqual(['Zürich council votes']);
    expect(titles(await listSnapshots(db, { site: 'farm news' }))).toEqual([
      'Apple harvest 9',
      'apple harvest 10',
    ]);
    expect(titles(await listSnapshots(db, { site: 'farm.example' }))).toHaveLength(2);
  });

  it('finds words of the text, as prefixes, all words required, accents ignored', async () => {
    expect(titles(await listSnapshots(db, { text: 'transport' }))).toEqual(['Zürich council votes']);
    expect(titles(await listSnapshots(db, { text: 'orch' }))).toEqual(['apple harvest 10']);
    expect(titles(await listSnapshots(db, { text: 'zurich budget' }))).toEqual(['Zürich council votes']);
    expect(titles(await listSnapshots(db, { text: 'budget' }))).toEqual([
      'Apple harvest 9',
      'Zürich council votes',
    ]);
    expect(titles(await listSnapshots(db, { text: 'budget pears' }))).toEqual([]);
    expect(titles(await listSnapshots(db, { text: '会議' }))).toEqual(['Apple harvest 9']);
  });

  it('finds the title and the address', async () => {
    expect(titles(await listSnapshots(db, { text: 'harvest-9' }))).toEqual(['Apple harvest 9']);
    expect(titles(await listSnapshots(db, { text: 'swiss.example' }))).toEqual(['Zürich council votes']);
    expect(titles(await listSnapshots(db, { text: 'council vot' }))).toEqual(['Zürich council votes']);
  });

  it('adds up the storage used', async () => {
    const all = await listSnapshots(db);
    expect(await storageUsed(db)).toEqual({ snapshots: 3, bytes: all.reduce((n, s) => n + s.bytes, 0) });
    expect((await storageUsed(db)).bytes).toBeGreaterThan(5000);
  });
});

describe('an article and its sources', () => {
  it('links each saved source to its citation and counts it; deleting cleans up', async () => {
    const parent = await saveSnapshot(
      db,
      await newSnapshot({
        title: 'Article',
        citations: [citation('https://a.example/1', 'alive', 0), citation('https://b.example/2', 'dead', 1)],
      }),
    );
    const first = await saveSnapshot(
      db,
      await newSnapshot({
        kind: 'source',
        parentId: parent.id,
        citedAs: 'https://a.example/1',
        url: 'https://a.example/1',
      }),
    );
    const second = await saveSnapshot(
      db,
      await newSnapshot({
        kind: 'source',
        parentId: parent.id,
        citedAs: 'https://b.example/2',
        url: 'https://b.example/moved/2',
      }),
    );
    expect((await getSnapshot(db, parent.id))?.sourceCount).toBe(2);
    expect((await getSnapshotDetails(db, parent.id))?.citations.map((c) => c.sourceSnapshotId)).toEqual([
      first.id,
      second.id,
    ]);
    expect((await getSources(db, parent.id)).map((s) => s.id)).toEqual([first.id, second.id]);
    expect((await listSnapshots(db, { kind: 'article' })).map((s) => s.id)).toEqual([parent.id]);

    expect(await deleteSnapshot(db, first.id)).toEqual([first.id]);
    expect((await getSnapshot(db, parent.id))?.sourceCount).toBe(1);
    expect((await getSnapshotDetails(db, parent.id))?.citations.map((c) => c.sourceSnapshotId)).toEqual([
      undefined,
      second.id,
    ]);

    expect((await deleteSnapshot(db, parent.id)).sort()).toEqual([parent.id, second.id].sort());
    expect(await listSnapshots(db)).toEqual([]);
    expect(await getSnapshotHtml(db, second.id)).toBeUndefined();
    expect(await listSnapshots(db, { text: 'story' })).toEqual([]);
  });

  it('refuses a source whose article is gone, saving nothing', async () => {
    await expect(
      saveSnapshot(
        db,
        await newSnapshot({ kind: 'source', parentId: 'no-such-article', citedAs: 'https://x.example/' }),
      ),
    ).rejects.toMatchObject({ code: 'not-found' });
    expect(await listSnapshots(db)).toEqual([]);
  });

  it('says so when asked to delete what is not there', async () => {
    await expect(deleteSnapshot(db, 'missing')).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('from the snapshot builder to the library', () => {
  it('saves what buildSnapshot made, and gives it back byte for byte', async () => {
    const { buildSnapshot } = await import('../../../core/snapshot');
    const { newSnapshotFrom } = await import('../../../core/storage/library');
    const { fixtureDocument, fixtureSite, fixedNow, SITE } = await import('../snapshot/helpers');
    const result = await buildSnapshot({
      document: fixtureDocument('images.html'),
      url: `${SITE}images.html`,
      fetchResource: fixtureSite().fetchResource,
      now: fixedNow,
    });
    const summary = await saveSnapshot(
      db,
      newSnapshotFrom(result, {
        citations: [citation('https://a.example/1', 'alive')],
        text: 'Pictures in the news',
      }),
    );
    expect(summary).toMatchObject({
      title: 'Images of every kind',
      url: `${SITE}images.html`,
      savedAt: '2024-05-01T12:34:56.000Z',
      bytes: result.bytes,
      sha256: result.sha256,
      failureCount: result.failures.length,
    });
    expect(await getSnapshotHtml(db, summary.id)).toBe(result.html);
    expect((await getSnapshotDetails(db, summary.id))?.resources).toEqual({
      count: result.resources.count,
      bytes: result.resources.bytes,
    });
    expect((await listSnapshots(db, { text: 'pictures news' })).map((s) => s.id)).toEqual([summary.id]);
  });
});
