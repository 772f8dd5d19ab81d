import type { ArchiveLookup } from '../archive/types';
import { accessDatesOf, isVerdict } from '../citation-status/summary';
import type { CaptureResult } from '../citations/types';
import type { CheckResult } from '../linkcheck/types';
import { checkKey } from '../linkcheck/url';
import type { Settings } from '../settings/settings';
import { MemoryArchiveStore } from '../storage/archive-store';
import { checkOrder } from './check-order';
import { CheckService, type CheckServiceDeps } from './check-service';
import { citationRequests } from './citation-requests';
import { TabRegistry } from './tab-registry';

/**
 * One article's citations checked to the end, outside the browser: `npm run check` and the benchmarks run the same
 * CheckService the background worker runs (queueing, joining, freshness, archive lookups), with in-memory stores
 * and no tabs, and wait until the service has settled: every citation has its verdict, every needed lookup is done.
 */
export interface ArticleCheckDeps extends Pick<CheckServiceDeps, 'createChecker' | 'lookupArchive' | 'now'> {
  settings: Settings;
  /** Called as verdicts come in: how many of the article's distinct addresses have one. */
  onProgress?(checked: number, total: number): void;
}

export interface ArticleCheck {
  results: CheckResult[];
  archives: ArchiveLookup[];
}

export async function checkArticle(capture: CaptureResult, deps: ArticleCheckDeps): Promise<ArticleCheck> {
  const verdicts = new Set<string>();
  const urls = checkOrder(capture.citations);
  // Counted by check key, as the service reports verdicts.
  const total = new Set(urls.map((url) => checkKey(url) ?? url)).size;
  const service = new CheckService({
    createChecker: deps.createChecker,
    lookupArchive: deps.lookupArchive,
    ...(deps.now ? { now: deps.now } : {}),
    settings: deps.settings,
    archives: new MemoryArchiveStore(),
    tabs: new TabRegistry(),
    broadcast: (update) => {
      for (const state of update.states ?? []) if (isVerdict(state.status)) verdicts.add(state.key);
      deps.onProgress?.(verdicts.size, total);
    },
    setBadge: () => {},
  });
  // The worker takes bounded requests; a long article goes in parts, as the panel sends it.
  const accessDates = accessDatesOf(capture.citations);
  const requests = citationRequests({
    tabId: 1,
    pageUrl: capture.article.metadata.url,
    publishedTime: capture.article.metadata.publishedTime,
    urls,
    // A reference's access date is what its archived copies are looked up by, as in the panel.
    ...(accessDates ? { accessDates } : {}),
    start: true,
  });
  for (const request of requests) await service.checkCitations(request);
  await service.settled();
  const snapshots = await Promise.all(
    requests.map((request) => service.checkCitations({ ...request, start: false })),
  );
  return {
    results: snapshots.flatMap((snapshot) =>
      snapshot.states.flatMap((state) => (state.result ? [state.result] : [])),
    ),
    archives: snapshots.flatMap((snapshot) =>
      snapshot.archives.flatMap((archive) => (archive.lookup ? [archive.lookup] : [])),
    ),
  };
}
