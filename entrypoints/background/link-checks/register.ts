import { browser } from 'wxt/browser';
import { lookupArchivedCopies } from '../../../core/archive/wayback';
import { CheckService } from '../../../core/check-run/check-service';
import { type TabPage, TabRegistry } from '../../../core/check-run/tab-registry';
import { LinkChecker } from '../../../core/linkcheck/checker';
import { IndexedDbArchiveStore } from '../../../core/storage/archive-store';
import { IndexedDbCheckStore } from '../../../core/storage/check-store';
import { openChecksDb } from '../../../core/storage/checks-database';
import { assertFromExtensionPage, onMessage } from '../../../utils/messaging';
import { PORTS } from '../../../utils/protocol';
import { loadSettings, PER_HOST_REQUESTS, watchSettings } from '../../../utils/settings';
import { hasHostPermission } from '../host-permission';
import { createKeepAlive } from '../keep-alive';
import { setBrokenBadge } from '../toolbar-badge';
import { broadcastCheckUpdate } from './broadcast';
import { type NetworkLog, watchNetworkLog } from './network-log';

const TABS_KEY = 'cited.checkTabs';
const NOT_FROM_CITED = 'Only Cited’s panel can ask for link checks.';

/**
 * Link checking in the background worker. Listeners are registered synchronously (a woken MV3 worker must see
 * the event that woke it); the service itself (database, checker) is made once per worker, on the first need,
 * and at start so that `resume()` finishes whatever a stopped worker left queued.
 */
export function registerCheckService(): void {
  const networkLog = watchNetworkLog();
  let service: Promise<CheckService> | null = null;
  const getService = (): Promise<CheckService> => {
    service ??= createService(networkLog).catch((error: unknown) => {
      service = null;
      throw error;
    });
    return service;
  };

  onMessage('checkCitations', async ({ data, sender }) => {
    assertFromExtensionPage(sender, NOT_FROM_CITED);
    return (await getService()).checkCitations(data);
  });
  onMessage('stopChecks', async ({ data, sender }) => {
    assertFromExtensionPage(sender, NOT_FROM_CITED);
    return (await getService()).stopChecks(data);
  });
  onMessage('lookupArchive', async ({ data, sender }) => {
    assertFromExtensionPage(sender, NOT_FROM_CITED);
    return (await getService()).lookupArchive(data);
  });

  browser.tabs.onUpdated.addListener((tabId, change) => {
    const url = change.url;
    if (url === undefined) return;
    void getService().then((checks) => checks.tabNavigated(tabId, url), logFailure);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void getService().then((checks) => checks.tabClosed(tabId), logFailure);
  });
  // The panel keeps a port open only to notice when this worker stops (the port closes) and ask again.
  browser.runtime.onConnect.addListener((port) => {
    if (port.name === PORTS.checks) void getService().catch(logFailure);
  });
  // Wakes the worker when the browser starts, so a queue left by the last session is finished.
  browser.runtime.onStartup.addListener(() => {
    void getService().catch(logFailure);
  });
  watchSettings((settings) => {
    void getService().then((checks) => checks.applySettings(settings), logFailure);
  });

  void getService().catch(logFailure);
}

async function createService(networkLog: NetworkLog): Promise<CheckService> {
  const [db, settings] = await Promise.all([openChecksDb(), loadSettings()]);
  const store = new IndexedDbCheckStore(db);
  const service = new CheckService({
    createChecker: ({ globalConcurrency }) =>
      new LinkChecker({
        // The engine asks for credentials: 'omit' and no referrer itself; the browser follows redirects.
        fetch: (url, init) => fetch(url, init),
        redirectMode: 'follow',
        store,
        perHostConcurrency: PER_HOST_REQUESTS,
        globalConcurrency,
        isOnline: () => navigator.onLine,
        hasPermission: hasHostPermission,
        explainFailure: (url, sinceMs) => networkLog.explain(url, sinceMs),
      }),
    archives: new IndexedDbArchiveStore(db),
    lookupArchive: (url, options) =>
      lookupArchivedCopies(url, { fetch: (target, init) => fetch(target, init), ...options }),
    settings,
    tabs: new TabRegistry(sessionPersistence()),
    broadcast: broadcastCheckUpdate,
    setBadge: (tabId, broken) => void setBrokenBadge(tabId, broken),
    onBusy: createKeepAlive(),
    currentTabUrl: async (tabId) => {
      try {
        return (await browser.tabs.get(tabId)).url ?? null;
      } catch {
        return undefined;
      }
    },
  });
  await service.start();
  return service;
}

/** Session storage outlives a stopped worker but not the browser session, like tab ids themselves. */
function sessionPersistence() {
  const area = (browser.storage as unknown as { session?: typeof browser.storage.local }).session;
  if (!area) return undefined;
  return {
    async load() {
      return (await area.get(TABS_KEY))[TABS_KEY] as Record<string, TabPage> | undefined;
    },
    async save(pages: Record<string, TabPage>) {
      await area.set({ [TABS_KEY]: pages });
    },
  };
}

function logFailure(error: unknown): void {
  console.error('Cited: link checking is not available', error);
}
