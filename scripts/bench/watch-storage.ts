/**
 * Watch storage (issue 13): how much IndexedDB a reader's watches take after a year. 1,000 watched articles x 30
 * sources each (30,000 distinct sources, none shared: the worst case for sharing), re-checked every week for 52
 * weeks with the rule and the history compaction of core/watch, the reader never looking at the changes (so each
 * article's unseen list is as long as it gets). The final records are written into the library database schema
 * (fake-indexeddb, in memory), read back, and measured as V8's structured-clone serialisation, the form Chromium's
 * IndexedDB stores values in (before its own compression).
 *
 *   npm run bench -- watch-storage          or          npx tsx scripts/bench/watch-storage.ts
 *
 * Two mixes: a plausible one (most sources stand, some move, break for good, are blocked or flaky) and the worst
 * case, every source flapping between alive and unreachable every week (the history is then as long as the
 * compaction allows). No time is measured: the figure is bytes.
 */
import 'fake-indexeddb/auto';
import { pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import { IDBFactory } from 'fake-indexeddb';
import type { CheckEvidence, LinkStatus } from '../../core/linkcheck/types';
import { openCitedDb } from '../../core/storage/schema';
import { newSourceHistory, recordCheck } from '../../core/watch/history';
import type { SourceFindings } from '../../core/watch/source-events';
import { outcomeOf } from '../../core/watch/three-strikes';
import type { SourceHistory, WatchedArticle } from '../../core/watch/types';
import { withUnseen } from '../../core/watch/watch-store';
import { newWatchedArticle } from '../../core/watch/watched-article';

const ARTICLES = 1000;
const SOURCES = 30;
const WEEKS = 52;
const DAY_MS = 24 * 60 * 60 * 1000;
const START = Date.parse('2026-01-05T06:00:00Z');
/**
 * What "fits comfortably" is held to: 100 MB for a year of the plausible mix, the size of a few dozen snapshots
 * saved with their sources (Cited asks for unlimitedStorage, so this is a goal of ours, not a browser limit).
 */
export const BUDGET_BYTES = 100 * 1024 * 1024;

type Fate = (week: number) => LinkStatus;

/** A small deterministic generator (mulberry32), so every run measures the same library. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function plausibleFate(next: () => number): Fate {
  const roll = next();
  if (roll < 0.75) return () => 'alive';
  if (roll < 0.83) return () => 'redirected';
  if (roll < 0.9) {
    const breaks = Math.floor(next() * WEEKS);
    return (week) => (week < breaks ? 'alive' : 'dead');
  }
  if (roll < 0.95) {
    const flaky = Array.from({ length: WEEKS }, () => next() < 0.1);
    return (week) => (flaky[week] ? 'unreachable' : 'alive');
  }
  if (roll < 0.98) return () => 'blocked';
  return (week) => (week % 2 === 0 ? 'alive' : 'unreachable');
}

const flapping: Fate = (week) => (week % 2 === 0 ? 'alive' : 'unreachable');

const REASONS: Record<LinkStatus, string> = {
  alive: 'The page answers (HTTP 200). It names this address as its own (canonical link).',
  redirected: 'It now lives at another address, a real page: https://www.example-outlet.com/2026/new-home/',
  dead: 'The site answers 404 Not Found: the page is gone. Confirmed by a second try.',
  'soft-404': 'The site sends this address to its home page, as it does a made-up one.',
  blocked: 'The site refused the automatic check (HTTP 403 Forbidden): Cited could not verify the page.',
  'rate-limited': 'The site kept answering 429 Too Many Requests, even after waiting as it asked.',
  unreachable: 'The server answered 503 Service Unavailable on three tries: probably temporary.',
  skipped: 'Not a web address Cited checks.',
};

/** Evidence as the engine records it, with addresses and titles of realistic length. */
function evidence(url: string, status: LinkStatus, at: string): CheckEvidence {
  const base: CheckEvidence = {
    redirected: false,
    elapsedMs: 412,
    checkedAt: at,
    attempts: 1,
    redirectMode: 'follow',
    contentType: 'text/html; charset=utf-8',
  };
  switch (status) {
    case 'alive':
      return {
        ...base,
        httpStatus: 200,
        finalUrl: url,
        pageTitle: 'Council confirms ferry subsidy until 2026 | Port Quay News',
        canonicalUrl: url,
      };
    case 'redirected':
      return {
        ...base,
        httpStatus: 200,
        redirected: true,
        finalUrl: `${url}/moved-to-new-section/`,
        pageTitle: 'Ferry subsidy, explained | Port Quay News',
      };
    case 'dead':
      return {
        ...base,
        httpStatus: 404,
        finalUrl: url,
        attempts: 2,
        pageTitle: 'Page not found | Port Quay News',
        probe: {
          url: `${url.replace(/[^/]*$/, '')}qwertyuiopasdfghjklzxcvbn`,
          httpStatus: 404,
          redirected: false,
          verdict: 'honest-404',
          cached: true,
        },
      };
    case 'blocked':
      return { ...base, httpStatus: 403, finalUrl: url, pageTitle: 'Just a moment...' };
    default:
      return { ...base, httpStatus: 503, finalUrl: url, attempts: 3 };
  }
}

/** A quotation of realistic length: the article quotes every third source (every source in the worst case). */
const QUOTE =
  'the council will keep the hourly crossing for as long as the subsidy lasts, and the subsidy runs until the end of 2026 at the earliest';

/**
 * What a week's re-check finds besides the link status: the quotation's verdict when the source answers, and the
 * archive's copy when it fails (as if third-party lookups were on).
 */
type Findings = (
  article: number,
  source: number,
  week: number,
  status: LinkStatus,
) => SourceFindings | undefined;

function archiveOf(url: string, week: number): SourceFindings['archive'] {
  const timestamp = `2025${String(1 + (week % 12)).padStart(2, '0')}15083000`;
  return {
    url,
    beforePublication: null,
    mostRecent: {
      url: `https://web.archive.org/web/${timestamp}/${url}`,
      timestamp,
      date: '2025-06-15T08:30:00Z',
      status: '200',
      source: 'availability-api',
    },
    publishedAt: '2025-12-01T07:30:00Z',
    lookedUpAt: '2026-06-01T06:00:00Z',
  };
}

/** A tenth of the quoted sources change their words late in the year; a failing source's archive has one copy. */
const plausibleFindings: Findings = (article, source, week, status) => {
  if (outcomeOf(status) === 'fail') return { archive: archiveOf(`${article}-${source}`, 0) };
  if (source % 3 !== 0 || outcomeOf(status) !== 'pass') return undefined;
  return { quotes: [{ quote: QUOTE, status: article % 10 === 0 && week >= 40 ? 'differs' : 'found' }] };
};

/** Every source quoted, its quotation turning every time it answers, and a new archived copy every failure. */
const worstFindings: Findings = (article, source, week, status) =>
  outcomeOf(status) === 'fail'
    ? { archive: archiveOf(`${article}-${source}`, week) }
    : { quotes: [{ quote: QUOTE, status: week % 4 === 0 ? 'found' : 'differs' }] };

interface Library {
  watches: WatchedArticle[];
  sources: SourceHistory[];
  checks: number;
}

function buildLibrary(fateOf: (next: () => number) => Fate, findingsOf: Findings): Library {
  const next = random(13);
  const watches: WatchedArticle[] = [];
  const sources: SourceHistory[] = [];
  let checks = 0;
  for (let a = 0; a < ARTICLES; a++) {
    const urls = Array.from(
      { length: SOURCES },
      (_, s) =>
        `https://www.source-${a}-${s}.example.org/news/2025/11/${a}/council-confirms-ferry-subsidy-${s}`,
    );
    const watch = newWatchedArticle({
      url: `https://www.harbour-gazette.example/2025/12/${a}/ferry-subsidy-explained/`,
      title: `Ferry subsidy: what the council promised, and what it kept (${a})`,
      sources: urls,
      watchedAt: new Date(START).toISOString(),
      publishedTime: '2025-12-01T07:30:00Z',
      snapshotId: `snapshot-${a}`,
      quotes: Object.fromEntries(urls.map((url) => [url, [QUOTE]])),
    });
    for (const [s, url] of urls.entries()) {
      const fate = fateOf(next);
      let history = newSourceHistory(url, url);
      for (let week = 0; week < WEEKS; week++) {
        const at = new Date(START + week * 7 * DAY_MS).toISOString();
        const status = fate(week);
        const findings = findingsOf(a, s, week, status);
        const recorded = recordCheck(
          history,
          { at, status, reason: REASONS[status], evidence: evidence(url, status, at) },
          findings ? { findings } : {},
        );
        history = recorded.history;
        checks++;
        if (recorded.change) watch.unseen = withUnseen(watch.unseen, recorded.change);
      }
      sources.push(history);
    }
    watches.push(watch);
  }
  return { watches, sources, checks };
}

async function measure(library: Library): Promise<{ watches: number; sources: number; total: number }> {
  globalThis.indexedDB = new IDBFactory();
  const db = await openCitedDb({ name: 'cited-watch-storage-bench' });
  for (let i = 0; i < library.watches.length; i += 100) {
    const tx = db.transaction(['watches', 'sourceHistory'], 'readwrite');
    for (const watch of library.watches.slice(i, i + 100)) void tx.objectStore('watches').put(watch);
    for (const source of library.sources.slice(i * SOURCES, (i + 100) * SOURCES)) {
      void tx.objectStore('sourceHistory').put(source);
    }
    await tx.done;
  }
  const bytesOf = (values: unknown[]) =>
    values.reduce<number>((sum, value) => sum + v8.serialize(value).byteLength, 0);
  const watches = bytesOf(await db.getAll('watches'));
  const sources = bytesOf(await db.getAll('sourceHistory'));
  db.close();
  return { watches, sources, total: watches + sources };
}

const MB = 1024 * 1024;

export async function benchWatchStorage(): Promise<void> {
  console.log(`${ARTICLES} watched articles x ${SOURCES} sources, ${WEEKS} weekly checks each`);
  let plausibleTotal = 0;
  for (const [name, fateOf, findingsOf] of [
    ['plausible mix', plausibleFate, plausibleFindings],
    ['every source flapping', () => flapping, worstFindings],
  ] as const) {
    const library = buildLibrary(fateOf, findingsOf);
    const kept = library.sources.reduce((sum, source) => sum + source.checks.length, 0);
    const unseen = library.watches.reduce((sum, watch) => sum + watch.unseen.length, 0);
    const events = library.sources.reduce((sum, source) => sum + (source.events?.length ?? 0), 0);
    const size = await measure(library);
    if (name === 'plausible mix') plausibleTotal = size.total;
    console.log(
      `  ${name.padEnd(22)} ${(size.total / MB).toFixed(1)} MB (histories ${(size.sources / MB).toFixed(1)} MB, watches ${(size.watches / MB).toFixed(1)} MB); ` +
        `${library.checks} checks made, ${kept} kept (${(kept / library.sources.length).toFixed(1)} a source), ${unseen} unseen changes, ${events} timeline events kept; ` +
        `${Math.round(size.total / ARTICLES / 1024)} KB an article`,
    );
  }
  console.log(`watch storage/budget size ratio: ${(plausibleTotal / BUDGET_BYTES).toFixed(2)}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchWatchStorage();
