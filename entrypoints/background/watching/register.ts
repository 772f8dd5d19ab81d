import { browser } from 'wxt/browser';
import { lookupArchivedCopies } from '../../../core/archive/wayback';
import { LinkChecker } from '../../../core/linkcheck/checker';
import { hostKey } from '../../../core/linkcheck/url';
import { archiveLookupsAllowed } from '../../../core/settings/settings';
import { openCitedDb } from '../../../core/storage/schema';
import { IndexedDbWatchStore } from '../../../core/storage/watch-store';
import { articleWatchState } from '../../../core/watch/article-watch';
import { watchNotification, watchNotificationTitle } from '../../../core/watch/notification';
import { DEFAULT_WATCH_SCHEDULE, watchSchedule } from '../../../core/watch/schedule';
import type { WatchedArticle } from '../../../core/watch/types';
import type { WatchRunOutcome } from '../../../core/watch/watch-run';
import { recheckNow, runWatches, type WatchRunDeps } from '../../../core/watch/watch-run';
import { newWatchedArticle } from '../../../core/watch/watched-article';
import { assertFromExtensionPage, onMessage } from '../../../utils/messaging';
import { loadSettings, PER_HOST_REQUESTS } from '../../../utils/settings';
import { hasHostPermission } from '../host-permission';
import { createKeepAlive } from '../keep-alive';
import { setUnseenBadge } from '../toolbar-badge';
import { broadcastWatchesChanged } from './broadcast';
import { watchPauseReason } from './pause';
import { watchQuoteReader } from './quote-reads';

export const WATCH_ALARM = 'cited.watch';
const NOT_FROM_CITED = 'Only Cited’s pages can watch articles.';

/**
 * Watched articles re-checked in the background (core/watch): an alarm every tick of the schedule checks the few
 * articles that are due, and a run a stopped worker left is resumed from its cursor on the next tick (or at once
 * at start). Listeners are registered synchronously, so a worker woken by the alarm sees it.
 */
export function registerWatching(): void {
  let store: Promise<IndexedDbWatchStore> | null = null;
  const getStore = (): Promise<IndexedDbWatchStore> => {
    store ??= openCitedDb()
      .then((db) => new IndexedDbWatchStore(db))
      .catch((error: unknown) => {
        store = null;
        throw error;
      });
    return store;
  };
  // One run at a time: a tick and a "re-check now" never check the same sources side by side.
  let running: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const next = running.then(work, work);
    running = next.catch(() => {});
    return next;
  };
  const keepAlive = createKeepAlive();
  const run = async (how: (deps: WatchRunDeps) => Promise<WatchRunOutcome>) => {
    const watches = await getStore();
    const deps = await runDeps(watches);
    keepAlive(true);
    try {
      const outcome = await how(deps);
      await notify(watches, outcome);
      return outcome;
    } finally {
      keepAlive(false);
      await refreshBadge(watches);
      // Every watch may have moved (a run's articles, or sources shared with other articles).
      broadcastWatchesChanged((await watches.listWatches()).map((watch) => watch.key));
    }
  };

  onMessage('watchArticle', async ({ data, sender }) => {
    assertFromExtensionPage(sender, NOT_FROM_CITED);
    const watches = await getStore();
    const fresh = newWatchedArticle({ ...data, watchedAt: new Date().toISOString() });
    const existing = await watches.getWatch(fresh.key);
    const watch: WatchedArticle = existing
      ? {
          ...existing,
          title: fresh.title,
          sources: fresh.sources,
          sourceKeys: fresh.sourceKeys,
          snapshotId: fresh.snapshotId ?? existing.snapshotId,
        }
      : fresh;
    await watches.putWatch(watch);
    broadcastWatchesChanged([watch.key]);
    return watch;
  });
  onMessage('unwatchArticle', async ({ data, sender }) => {
    assertFromExtensionPage(sender, NOT_FROM_CITED);
    const watches = await getStore();
    await watches.unwatch(data.key);
    await refreshBadge(watches);
    broadcastWatchesChanged([data.key]);
  });
  onMessage('watchedArticles', async ({ sender }) => {
    assertFromExtensionPage(sender, NOT_FROM_CITED);
    return (await getStore()).listWatches();
  });
  onMessage('recheckWatchesNow', async ({ data, sender }) => {
    assertFromExtensionPage(sender, NOT_FROM_CITED);
    const outcome = await exclusive(() => run((deps) => recheckNow(deps, data.key ? [data.key] : undefined)));
    return { at: outcome.at, changes: outcome.changes.length };
  });
  onMessage('watchChangesSeen', async ({ data, sender }) => {
    assertFromExtensionPage(sender, NOT_FROM_CITED);
    const watches = await getStore();
    await watches.markSeen(data.key, new Date().toISOString());
    const unseen = await refreshBadge(watches);
    broadcastWatchesChanged([data.key]);
    return { unseen };
  });
  onMessage('articleWatch', async ({ data, sender }) => {
    assertFromExtensionPage(sender, NOT_FROM_CITED);
    return articleWatchState(await getStore(), data.url);
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== WATCH_ALARM) return;
    const paused = watchPauseReason(navigator as Parameters<typeof watchPauseReason>[0]);
    if (paused) return;
    void exclusive(() => run(runWatches)).catch(logFailure);
  });
  void ensureAlarm().catch(logFailure);
  void getStore().then(refreshBadge).catch(logFailure);
}

export async function ensureAlarm(): Promise<void> {
  // Creating an alarm again would restart its period: only when it is missing (first start, after an update).
  if (await browser.alarms.get(WATCH_ALARM)) return;
  await browser.alarms.create(WATCH_ALARM, { periodInMinutes: DEFAULT_WATCH_SCHEDULE.tickMs / 60_000 });
}

async function runDeps(store: IndexedDbWatchStore): Promise<WatchRunDeps> {
  const settings = await loadSettings();
  const checker = new LinkChecker({
    fetch: (url, init) => fetch(url, init),
    redirectMode: 'follow',
    perHostConcurrency: PER_HOST_REQUESTS,
    globalConcurrency: settings.maxRequests,
    isOnline: () => navigator.onLine,
    hasPermission: hasHostPermission,
  });
  return {
    store,
    now: () => Date.now(),
    // The reader's interval; the alarm's tick stays the default one.
    schedule: watchSchedule(settings.watchIntervalDays),
    check: (urls) => Promise.all(urls.map((url) => checker.check(url, { force: true }))),
    ...watchQuoteReader(checker.scheduler),
    // Only with the reader's consent: otherwise nothing but the link checks leaves the machine.
    ...(archiveLookupsAllowed(settings)
      ? {
          lookupArchive: (url: string, publishedTime: string | null) =>
            lookupArchivedCopies(url, {
              fetch: (target, init) => fetch(target, init),
              thirdPartyAllowed: true,
              endpoint: settings.archiveEndpoint,
              publishedAt: publishedTime,
              schedule: (target, task) => checker.scheduler.run(hostKey(target), task),
            }),
        }
      : {}),
  };
}

/** The reader's opt-in notification, one per article where a source broke, is now dead or lost a quotation. */
export async function notify(store: IndexedDbWatchStore, outcome: WatchRunOutcome): Promise<void> {
  if (outcome.changes.length === 0 || !(await loadSettings()).watchNotifications) return;
  for (const key of outcome.articles) {
    const watch = await store.getWatch(key);
    const message = watch ? watchNotification(watch, outcome.changes) : null;
    if (!watch || !message) continue;
    await browser.notifications.create(`cited-watch:${watch.key}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: watchNotificationTitle(watch, outcome.changes),
      message,
    });
  }
}

async function refreshBadge(store: IndexedDbWatchStore): Promise<number> {
  const unseen = await store.unseenCount();
  await setUnseenBadge(unseen);
  return unseen;
}

function logFailure(error: unknown): void {
  console.error('Cited: watching articles is not available', error);
}
