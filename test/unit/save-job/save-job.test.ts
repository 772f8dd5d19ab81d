// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { JSDOM, VirtualConsole } from 'jsdom';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { captureArticle } from '../../../core/capture';
import { CitedError } from '../../../core/errors/cited-error';
import { runSaveJob, type SaveJobDeps, type StoredCitation } from '../../../core/save-job/save-job';
import type { FetchLike } from '../../../core/save-job/source-fetch';
import type { KnownStatus, SaveJobRequest, SaveProgress } from '../../../core/save-job/types';
import { verifySnapshotHash } from '../../../core/snapshot/hash';
import type { FetchResource } from '../../../core/snapshot/types';
import * as library from '../../../core/storage/library';
import { type CitedDB, openCitedDb } from '../../../core/storage/schema';
import { makePng } from '../snapshot/helpers';

vi.mock('../../../core/storage/library', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../core/storage/library')>();
  return { ...real, saveSnapshot: vi.fn(real.saveSnapshot) };
});

const ARTICLE = 'https://harbour.example/2026/03/12/swim-tests-stopped/';
const HERALD = 'https://herald.example/2025/08/19/beach-closures/';
const GONE = 'https://gone.example/story';
const PDF = 'https://city.example/minutes.pdf';
const MOVED = 'https://moved.example/news/2024/old-story';
const WALLED = 'https://walled.example/premium/story';
const EARLIER = 'https://harbour.example/2025/09/earlier-report/';

const paragraph = (n: number) =>
  `<p>Paragraph ${n} of the report on the harbour, long enough to read as prose for the reader view and its extractor.</p>`;

const ARTICLE_HTML = `<!DOCTYPE html><html lang="en"><head><title>Swim tests stopped</title></head><body>
<article><h1>Swim tests stopped</h1>${paragraph(1)}
<p>The <a href="${HERALD}">Herald reported closures</a>, the <a href="${GONE}">Gone Gazette</a> too, the
<a href="${PDF}">council minutes</a> say so, as did <a href="${MOVED}">a moved story</a>,
<a href="${WALLED}">a walled one</a> and <a href="${EARLIER}">our earlier report</a>.</p>
<p><img src="/img/harbour.png" alt="The harbour"></p>${paragraph(2)}${paragraph(3)}${paragraph(4)}
<script>alert(1)</script></article></body></html>`;

const HERALD_HTML = `<!DOCTYPE html><html><head><title>Beach closures | Herald</title><meta property="og:site_name" content="The Herald"></head>
<body><article><h1>Beach closures</h1>${paragraph(5)}${paragraph(6)}${paragraph(7)}<img src="chart.png" alt="chart"></article></body></html>`;

function page(html: string, url: string): Document {
  return new JSDOM(html, { url, virtualConsole: new VirtualConsole() }).window.document;
}

const images: FetchResource = async () => ({ bytes: makePng(12, 8), contentType: 'image/png' });

interface Harness {
  deps: SaveJobDeps;
  progress: SaveProgress[];
  fetched: string[];
  db: () => Promise<CitedDB>;
}

function harness(overrides: Partial<SaveJobDeps> = {}): Harness {
  const progress: SaveProgress[] = [];
  const fetched: string[] = [];
  let database: Promise<CitedDB> | undefined;
  const db = () => {
    database ??= openCitedDb();
    return database;
  };
  const fetchSource: FetchLike = async (url) => {
    fetched.push(url);
    if (url === HERALD) return new Response(HERALD_HTML, { headers: { 'content-type': 'text/html' } });
    if (url === PDF) return new Response('%PDF-1.4', { headers: { 'content-type': 'application/pdf' } });
    if (url === MOVED) {
      const response = new Response('<html><title>Home</title></html>', {
        headers: { 'content-type': 'text/html' },
      });
      Object.defineProperty(response, 'url', { value: 'https://moved.example/' });
      return response;
    }
    return new Response('Not found', { status: 404 });
  };
  let id = 0;
  let clock = Date.parse('2026-03-12T10:00:00Z');
  const parser = new DOMParser();
  return {
    progress,
    fetched,
    db,
    deps: {
      openDb: db,
      parseHtml: (html) => parser.parseFromString(html, 'text/html'),
      domParser: parser,
      fetchPageResource: images,
      fetchSourceResource: images,
      fetchSource,
      now: () => {
        clock += 1000;
        return new Date(clock);
      },
      newId: () => `id-${++id}`,
      emit: (update) => progress.push(update),
      progressIntervalMs: 0,
      ...overrides,
    },
  };
}

function request(withSources: boolean, statuses: Record<string, KnownStatus> = {}): SaveJobRequest {
  const live = page(ARTICLE_HTML, ARTICLE);
  return {
    jobId: 'job-1',
    tabId: 7,
    page: { html: live.documentElement.outerHTML, url: ARTICLE, capture: captureArticle(live) },
    statuses,
    withSources,
    libraryUrl: 'chrome-extension://cited/library.html',
  };
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  vi.mocked(library.saveSnapshot).mockClear();
});

describe('runSaveJob', () => {
  it('saves the page as one verified snapshot with its article, citations and statuses, reporting progress', async () => {
    const h = harness();
    const outcome = await runSaveJob(
      request(false, {
        [GONE]: { status: 'dead', reason: 'The site answers 404.', checkedAt: '2026-03-12T09:00:00Z' },
      }),
      h.deps,
    );
    expect(outcome).toMatchObject({
      jobId: 'job-1',
      id: 'id-1',
      title: 'Swim tests stopped',
      url: ARTICLE,
      resources: { count: 1, failed: 0 },
      libraryUrl: 'chrome-extension://cited/library.html#/snapshot/id-1',
    });
    expect(outcome.sources).toBeUndefined();
    expect(h.fetched).toEqual([]);

    const db = await h.db();
    const record = await library.getSnapshotRecord(db, 'id-1');
    expect(record?.html).not.toContain('<script');
    expect((await verifySnapshotHash(record?.html ?? '')).ok).toBe(true);
    expect(record?.summary).toMatchObject({ kind: 'article', bytes: outcome.bytes, sha256: outcome.sha256 });
    const gone = record?.details.citations.find((c) => c.url === GONE);
    expect(gone).toMatchObject({
      status: 'dead',
      statusReason: 'The site answers 404.',
      checkedAt: '2026-03-12T09:00:00Z',
    });
    expect(record?.details.citations.find((c) => c.url === HERALD)?.status).toBe('not-checked');
    // The reader view keeps the article's picture, inlined.
    expect(record?.details.article?.contentHtml).toMatch(/<img[^>]+src="data:image\/png;base64,/);

    const phases = h.progress.map((p) => p.phase);
    expect(phases[0]).toBe('page');
    expect(phases.slice(-2)).toEqual(['storing', 'done']);
    expect(h.progress.at(-1)?.outcome?.id).toBe('id-1');
    const counted = h.progress.filter((p) => p.phase === 'page').at(-1)?.resources;
    expect(counted).toEqual({ done: 1, total: 1 });
  });

  it('leaves the pages it shares a thread with their turns, and saves the same snapshot', async () => {
    let turns = 0;
    const paused = harness({
      pause: async () => {
        turns++;
        await new Promise((resolve) => setTimeout(resolve, 0));
      },
    });
    const straight = harness();
    const withTurns = await runSaveJob(request(false), paused.deps);
    // A library of its own: both saves are the first, with the same id.
    globalThis.indexedDB = new IDBFactory();
    const without = await runSaveJob(request(false), straight.deps);
    // The page's parse, the build's stages, the reader view and the store each come in a task of their own.
    expect(turns).toBeGreaterThanOrEqual(8);
    expect(withTurns.sha256).toBe(without.sha256);
  });

  it('with sources: keeps each live external source, lists the others with the reason, links the article to the copies', async () => {
    const h = harness();
    const outcome = await runSaveJob(
      request(true, { [WALLED]: { status: 'blocked', reason: 'A login wall.' } }),
      h.deps,
    );
    // Same-site links and sources the checker found walled off are never requested.
    expect(h.fetched.sort()).toEqual([GONE, HERALD, MOVED, PDF].sort());
    expect(outcome.sources?.saved).toEqual([
      { url: HERALD, id: expect.any(String), title: 'Beach closures | Herald', bytes: expect.any(Number) },
    ]);
    const reasons = Object.fromEntries(outcome.sources?.failed.map((f) => [f.url, f.reason]) ?? []);
    expect(reasons).toEqual({
      [GONE]: 'the server answered 404 (Not Found)',
      [PDF]: 'a PDF document, not a web page: not saved (open the original)',
      [MOVED]: 'it now redirects to the home page of moved.example: the cited page is gone',
      [WALLED]: expect.stringContaining('would not let an automatic visit through (blocked): A login wall.'),
    });
    expect(outcome.totalBytes).toBeGreaterThan(outcome.bytes);

    const db = await h.db();
    const sourceId = outcome.sources?.saved[0]?.id as string;
    const [source] = await library.getSources(db, outcome.id);
    expect(source).toMatchObject({
      id: sourceId,
      kind: 'source',
      parentId: outcome.id,
      citedAs: HERALD,
      siteName: 'The Herald',
    });
    const article = await library.getSnapshotRecord(db, outcome.id);
    expect(article?.summary.sourceCount).toBe(1);
    const citations = article?.details.citations as StoredCitation[];
    expect(citations.find((c) => c.url === HERALD)?.sourceSnapshotId).toBe(sourceId);
    expect(citations.find((c) => c.url === GONE)?.sourceNotSaved).toBe('the server answered 404 (Not Found)');
    expect(citations.find((c) => c.url === EARLIER)?.sourceNotSaved).toBeUndefined();
    // The saved article's link to the Herald opens the local copy; the file's digest covers the new links.
    const doc = new DOMParser().parseFromString(article?.html ?? '', 'text/html');
    const link = doc.querySelector(`a[data-originalurl="${HERALD}"]`);
    expect(link?.getAttribute('href')).toBe(`chrome-extension://cited/library.html#/snapshot/${sourceId}`);
    expect((await verifySnapshotHash(article?.html ?? '')).ok).toBe(true);
    expect(article?.summary.sha256).toBe(outcome.sha256);

    const sources = h.progress.filter((p) => p.phase === 'sources').map((p) => p.sources);
    expect(sources[0]).toEqual({ done: 0, total: 5, failed: 0 });
    expect(sources.at(-1)).toEqual({ done: 5, total: 5, failed: 4 });
  });

  it('asks each cited host for at most two pages at once', async () => {
    let inFlight = 0;
    let most = 0;
    const citations = Array.from({ length: 6 }, (_, i) => `https://busy.example/story-${i}`);
    const html = `<!DOCTYPE html><html><head><title>Many</title></head><body><article>${paragraph(1)}<p>${citations
      .map((url, i) => `<a href="${url}">source ${i}</a>`)
      .join(' ')}</p>${paragraph(2)}${paragraph(3)}</article></body></html>`;
    const live = page(html, ARTICLE);
    const h = harness({
      fetchSource: async () => {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 15));
        inFlight--;
        return new Response('Not found', { status: 404 });
      },
    });
    const outcome = await runSaveJob(
      { ...request(true), page: { html, url: ARTICLE, capture: captureArticle(live) } },
      h.deps,
    );
    expect(outcome.sources?.failed).toHaveLength(6);
    expect(most).toBe(2);
  });

  it('leaves the library as it was when storage runs out while the sources are written', async () => {
    const h = harness();
    vi.mocked(library.saveSnapshot)
      .mockImplementationOnce(async (db, input) => {
        const real = await vi.importActual<typeof import('../../../core/storage/library')>(
          '../../../core/storage/library',
        );
        return real.saveSnapshot(db, input);
      })
      .mockImplementationOnce(async () => {
        throw library.storageError(
          new DOMException('Quota exceeded', 'QuotaExceededError'),
          'this source',
          3000,
        );
      });
    const error = await runSaveJob(request(true), h.deps).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CitedError);
    expect(error).toMatchObject({ code: 'storage-quota' });
    expect((error as Error).message).toContain('Nothing was saved');
    // The article had been written; it is gone again, and so is everything of this save.
    expect(vi.mocked(library.saveSnapshot)).toHaveBeenCalledTimes(2);
    expect(await library.listSnapshots(await h.db(), { kind: 'all' })).toEqual([]);
    expect(h.progress.at(-1)).toMatchObject({ phase: 'failed', error: { code: 'storage-quota' } });
  });

  it('fails plainly when the page cannot be saved at all', async () => {
    const h = harness();
    const broken = { ...request(false), page: { ...request(false).page, url: 'not a url' } };
    await expect(runSaveJob(broken, h.deps)).rejects.toMatchObject({ code: 'invalid-url' });
    expect(h.progress.at(-1)).toMatchObject({ phase: 'failed', error: { code: 'invalid-url' } });
    expect(await library.listSnapshots(await h.db())).toEqual([]);
  });
});
