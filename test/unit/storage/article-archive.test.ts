import { strFromU8, unzipSync } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  type ArticleArchive,
  articleArchive,
  type CitationsFile,
} from '../../../core/storage/backup/article-archive';
import { keyFingerprint, publicKeyBase64, signingKey } from '../../../core/storage/backup/signature';
import { verifyPackage } from '../../../core/storage/backup/verify';
import { restoreLibrary } from '../../../core/storage/backup/wacz';
import { clearLibrary, getSnapshotRecord, listSnapshots, saveSnapshot } from '../../../core/storage/library';
import type { CitedDB } from '../../../core/storage/schema';
import { indexedDbKeyStore } from '../../../core/storage/signing-keys';
import type { SnapshotCitation } from '../../../core/storage/types';
import { citation, freshDb, newSnapshot } from './helpers';

const now = () => new Date('2024-06-02T09:30:00.000Z');

const FERRY = 'https://www.FerryCo.example/press/Winter%20timetable?page=2&lang=en';
const PLAN = 'https://council.example/transport/plan-2023';
const FIGURES = 'https://stats.example/ferry/passengers.html';
const PETITION = 'https://petitions.example/p/keep-the-ferry';

let db: CitedDB;
let articleId: string;
let sourceIds: string[];
let otherId: string;

beforeEach(async () => {
  db = await freshDb();
  const citations: SnapshotCitation[] = [
    citation(FERRY, 'alive', 0),
    citation(PLAN, 'redirected', 1),
    citation(FIGURES, 'dead', 2),
    { ...citation(PETITION, 'not-checked', 3), sourceNotSaved: 'the page answered 403' } as SnapshotCitation,
  ];
  const article = await saveSnapshot(
    db,
    await newSnapshot({
      url: 'https://News.example/2024/ferry-cut.html',
      title: 'Harbour ferry cut for the winter',
      savedAt: '2024-05-31T18:00:00.000Z',
      citations,
    }),
  );
  articleId = article.id;
  sourceIds = [];
  for (const [url, title] of [
    [FERRY, 'Winter timetable'],
    [PLAN, 'Transport plan 2023'],
  ] as const) {
    const source = await saveSnapshot(
      db,
      await newSnapshot({ kind: 'source', parentId: article.id, citedAs: url, url, title }),
    );
    sourceIds.push(source.id);
  }
  otherId = (await saveSnapshot(db, await newSnapshot({ title: 'Another article' }))).id;
});

async function made(): Promise<ArticleArchive> {
  return articleArchive(db, articleId, {
    now,
    software: 'Cited 0.1.0',
    signingKey: await signingKey(indexedDbKeyStore()),
  });
}

function json<T>(files: Record<string, Uint8Array>, path: string): T {
  return JSON.parse(strFromU8(files[path] as Uint8Array)) as T;
}

describe('one article as an archive', () => {
  it('holds the article as home and each saved source as a page, nothing else from the library', async () => {
    const archive = await made();
    expect(archive.filename).toBe('Harbour ferry cut for the winter (2024-05-31).wacz');
    expect(archive.pages).toBe(3);
    const files = unzipSync(archive.bytes);
    const manifest = json<{ home: unknown; title: string; resources: Array<{ path: string }> }>(
      files,
      'datapackage.json',
    );
    expect(manifest.home).toEqual({
      url: 'https://news.example/2024/ferry-cut.html',
      ts: '2024-05-31T18:00:00.000Z',
    });
    expect(manifest.title).toBe('Harbour ferry cut for the winter');
    expect(manifest.resources.map((r) => r.path)).toEqual([
      'archive/data.warc',
      'indexes/index.cdxj',
      'pages/pages.jsonl',
      'cited/citations.json',
      'cited/library.json',
    ]);
    const pages = strFromU8(files['pages/pages.jsonl'] as Uint8Array)
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => JSON.parse(line));
    expect(pages.map((page) => page.id)).toEqual([articleId, ...sourceIds]);
    expect(pages.map((page) => page.id)).not.toContain(otherId);
  });

  it('writes citations.json: each citation’s sentence, status, evidence and copy as they stood when saved', async () => {
    const files = unzipSync((await made()).bytes);
    const file = json<CitationsFile>(files, 'cited/citations.json');
    expect(file).toMatchObject({
      format: 'cited-citations',
      version: 1,
      article: { url: 'https://news.example/2024/ferry-cut.html', title: 'Harbour ferry cut for the winter' },
    });
    const pages = strFromU8(files['pages/pages.jsonl'] as Uint8Array);
    const [ferry, plan, figures, petition] = file.citations;
    expect(ferry).toMatchObject({
      url: FERRY,
      occurrences: [{ anchorText: 'source 0', sentence: 'It was reported (source 0).' }],
      status: 'alive',
      evidence: { reason: 'The check said alive.', checkedAt: '2024-05-01T12:00:00.000Z' },
      archivedCopies: [
        {
          url: 'https://www.ferryco.example/press/Winter%20timetable?page=2&lang=en',
          title: 'Winter timetable',
          ts: expect.any(String),
        },
      ],
    });
    // Each copy is a page of this archive, at the address and time a player looks it up by.
    for (const copy of [...(ferry?.archivedCopies ?? []), ...(plan?.archivedCopies ?? [])]) {
      expect(pages).toContain(`"url":${JSON.stringify(copy.url)},"ts":${JSON.stringify(copy.ts)}`);
    }
    expect(plan).toMatchObject({ status: 'redirected', archivedCopies: [{ title: 'Transport plan 2023' }] });
    expect(figures).toMatchObject({ status: 'dead', archivedCopies: [] });
    expect(figures?.evidence?.reason).toBe('The check said dead.');
    expect(petition).toMatchObject({
      status: 'not-checked',
      evidence: null,
      archivedCopies: [],
      notSaved: 'the page answered 403',
    });
  });

  it('is signed with this browser’s key and verifies', async () => {
    const check = await verifyPackage(unzipSync((await made()).bytes));
    expect(check.problems).toEqual([]);
    const pair = await signingKey(indexedDbKeyStore());
    expect(check.signature).toMatchObject({
      state: 'signed',
      fingerprint: await keyFingerprint(await publicKeyBase64(pair)),
    });
  });

  it('comes back into an empty library with Cited’s restore: the article and its sources, as they were', async () => {
    const ids = [articleId, ...sourceIds];
    const before = await Promise.all(ids.map((id) => getSnapshotRecord(db, id)));
    const archive = await made();
    await clearLibrary(db);
    const report = await restoreLibrary(db, archive.bytes);
    expect(report.refused).toEqual([]);
    expect(report.restored).toEqual(ids);
    expect(report.signature.state).toBe('signed');
    expect(await Promise.all(ids.map((id) => getSnapshotRecord(db, id)))).toEqual(before);
    expect((await listSnapshots(db, { kind: 'all' })).map((s) => s.id)).not.toContain(otherId);
  });

  it('is refused for a source or a snapshot no longer there, with a plain reason', async () => {
    await expect(articleArchive(db, sourceIds[0] as string, { now })).rejects.toMatchObject({
      message: 'Only an article can be downloaded as an archive, not one of its sources.',
    });
    await expect(articleArchive(db, 'gone', { now })).rejects.toMatchObject({
      code: 'not-found',
      message: 'This article is no longer in the library.',
    });
  });
});
