import 'fake-indexeddb/auto';
import type { ArchiveLookup } from '../../../core/archive/types';
import { CheckService, type CheckServiceDeps } from '../../../core/check-run/check-service';
import { TabRegistry } from '../../../core/check-run/tab-registry';
import type { CheckSnapshot } from '../../../core/citation-status/types';
import { LinkChecker } from '../../../core/linkcheck/checker';
import { DEFAULT_SETTINGS, type Settings } from '../../../core/settings/settings';
import { IndexedDbArchiveStore } from '../../../core/storage/archive-store';
import { IndexedDbCheckStore } from '../../../core/storage/check-store';
import { type ChecksDb, openChecksDb } from '../../../core/storage/checks-database';
import { html, page, redirect, type ScriptedWeb, words } from '../linkcheck/scripted-web';
import { seededRandom } from '../linkcheck/setup';

let counter = 0;
const opened: ChecksDb[] = [];

/** A fresh Cited checks database in fake-indexeddb (or an existing one by name: a worker restarting). */
export async function checksDb(
  name = `cited-checks-test-${++counter}`,
): Promise<{ db: ChecksDb; name: string }> {
  const db = await openChecksDb(name);
  opened.push(db);
  return { db, name };
}

/** The engine's store over a checks database (as register.ts makes it). */
export function checkStoreOf(db: ChecksDb): IndexedDbCheckStore {
  return new IndexedDbCheckStore(db);
}

export function closeDbs(): void {
  for (const db of opened.splice(0)) db.close();
}

export const ARTICLE = 'https://gazette.example/2026/03/12/ferries/';
export const ALIVE = 'https://council.example/minutes/2026-02.html';
export const ALIVE_TOO = 'https://ferries.example/timetable/winter';
export const GONE = 'https://oldpaper.example/news/2020/ferry-cuts';
export const MOVED_HOME = 'https://weekly.example/stories/2021/pier';

/** A small web: two live pages, a 404 and a story that now redirects to the home page; probes get honest 404s. */
export function smallWeb(web: ScriptedWeb): ScriptedWeb {
  return web
    .on(ALIVE, html(page('Council minutes, February', words('minutes'))))
    .on(ALIVE_TOO, html(page('Winter timetable', words('timetable'))))
    .on(MOVED_HOME, redirect(301, 'https://weekly.example/'))
    .on('https://weekly.example/', html(page('Weekly: home', words('home'))))
    .on(GONE, html(page('Not found', 'gone'), { status: 404 }));
}

export interface ServiceHarness {
  service: CheckService;
  broadcasts: Partial<CheckSnapshot>[];
  badges: Map<number, number>;
  lookups: { url: string; publishedAt: string | null; endpoint: string }[];
  settings: Settings;
  tabs: TabRegistry;
  checkersMade: number[];
}

/** The service over `db` and `web`, as register.ts wires it, with an archive that has a copy of GONE only. */
export function makeService(
  db: ChecksDb,
  web: ScriptedWeb,
  options: {
    settings?: Partial<Settings>;
    tabs?: TabRegistry;
    lookup?: CheckServiceDeps['lookupArchive'];
  } = {},
): ServiceHarness {
  const store = new IndexedDbCheckStore(db);
  const harness: Omit<ServiceHarness, 'service'> = {
    broadcasts: [],
    badges: new Map(),
    lookups: [],
    settings: { ...DEFAULT_SETTINGS, ...options.settings },
    tabs: options.tabs ?? new TabRegistry(),
    checkersMade: [],
  };
  const service = new CheckService({
    createChecker: ({ globalConcurrency }) => {
      harness.checkersMade.push(globalConcurrency);
      return new LinkChecker({
        fetch: web.fetch,
        redirectMode: 'follow',
        store,
        globalConcurrency,
        random: seededRandom(),
        retry: { deadConfirmDelayMs: 1, backoffBaseMs: 1, unreachableAttempts: 2 },
      });
    },
    archives: new IndexedDbArchiveStore(db),
    lookupArchive:
      options.lookup ??
      (async (url, lookupOptions) => {
        harness.lookups.push({
          url,
          publishedAt: lookupOptions.publishedAt,
          endpoint: lookupOptions.endpoint,
        });
        return archiveAnswer(url, lookupOptions.publishedAt);
      }),
    settings: harness.settings,
    tabs: harness.tabs,
    broadcast: (update) => harness.broadcasts.push(update),
    setBadge: (tabId, broken) => harness.badges.set(tabId, broken),
  });
  return { service, ...harness };
}

export function archiveAnswer(url: string, publishedAt: string | null): ArchiveLookup {
  const copy =
    url === GONE
      ? {
          url: `https://web.archive.org/web/20200301101010/${GONE}`,
          timestamp: '20200301101010',
          date: '2020-03-01T10:10:10Z',
          status: '200',
          source: 'availability-api' as const,
        }
      : null;
  return {
    url,
    beforePublication: copy,
    mostRecent: copy,
    publishedAt,
    lookedUpAt: new Date().toISOString(),
  };
}

/** Requests for the cited page itself (the soft-404 probe goes to a made-up address, counted apart). */
export function requestsFor(web: ScriptedWeb, url: string): number {
  return web.callsTo(url).length;
}

export function request(urls: string[], extra: Partial<Parameters<CheckService['checkCitations']>[0]> = {}) {
  return { tabId: 1, pageUrl: ARTICLE, publishedTime: '2026-03-12', urls, start: true, ...extra };
}
