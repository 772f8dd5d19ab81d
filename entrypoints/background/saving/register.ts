import { browser } from 'wxt/browser';
import { formatBytes } from '../../../core/format/bytes';
import { storedStatuses } from '../../../core/save-job/known-statuses';
import { createSaveTab } from '../../../core/save-job/save-tab';
import type { PreparedPage, SaveProgress, SnapshotWorker } from '../../../core/save-job/types';
import { isNoReceiverError } from '../../../utils/browser-errors';
import { EXTENSION_PAGE } from '../../../utils/extension-pages';
import { assertFromExtensionPage, onMessage, sendMessage } from '../../../utils/messaging';
import { askCaptureScript, pageRestriction } from '../../../utils/page-access';
import { flashSaveResult } from './save-result-badge';
import { registerSnapshotTriggers } from './save-triggers';
import { snapshotWorker } from './snapshot-worker';

/** Preparing a very large page (thousands of elements, big canvases) takes a while; a frozen tab never answers. */
const READ_PAGE_TIMEOUT_MS = 60_000;

function emitProgress(progress: SaveProgress): void {
  sendMessage('snapshotProgress', progress).catch((error: unknown) => {
    if (!isNoReceiverError(error)) console.warn('Cited: could not report a save’s progress', error);
  });
}

function readPreparedPage(tabId: number): Promise<PreparedPage> {
  return askCaptureScript(tabId, () => sendMessage('snapshotPage', undefined, tabId), READ_PAGE_TIMEOUT_MS);
}

const NOT_FROM_CITED = 'Only Cited’s own pages can save snapshots.';

function openLibrary(): void {
  browser.tabs.create({ url: browser.runtime.getURL(EXTENSION_PAGE.library) }).catch((error: unknown) => {
    console.error('Cited: could not open the library', error);
  });
}

/** Saving snapshots: the panel's buttons, the shortcut and the context menus all end in `saveTab`. */
export function registerSnapshots(): void {
  let worker: SnapshotWorker | undefined;
  // Firefox: the job runs here and reports through this; Chrome: the offscreen document reports to every page.
  const reportHere = (progress: SaveProgress) => {
    saveTab.track(progress);
    emitProgress(progress);
  };
  const saveTab = createSaveTab({
    worker: () => {
      worker ??= snapshotWorker(reportHere);
      return worker;
    },
    tabUrl: async (tabId) => (await browser.tabs.get(tabId).catch(() => undefined))?.url,
    restriction: pageRestriction,
    readPage: readPreparedPage,
    knownStatuses: storedStatuses,
    emit: emitProgress,
    libraryUrl: browser.runtime.getURL(EXTENSION_PAGE.library),
    newId: () => crypto.randomUUID(),
    finished(tabId, result) {
      const flash =
        'outcome' in result
          ? flashSaveResult(
              tabId,
              'saved',
              `Cited: saved “${result.outcome.title}” (${formatBytes(result.outcome.totalBytes)})`,
            )
          : flashSaveResult(tabId, 'failed', `Cited could not save this page: ${result.error.message}`);
      flash.catch(() => {
        // The tab closed in the meantime: nothing left to label.
      });
    },
  });

  onMessage('saveTabSnapshot', ({ data, sender }) => {
    assertFromExtensionPage(sender, NOT_FROM_CITED);
    return saveTab(data);
  });
  onMessage('snapshotJobs', ({ sender }) => {
    assertFromExtensionPage(sender, NOT_FROM_CITED);
    return saveTab.jobs();
  });
  onMessage('snapshotProgress', ({ data }) => saveTab.track(data));
  registerSnapshotTriggers((tabId, withSources) => {
    saveTab({ tabId, withSources }).catch((error: unknown) => {
      // The badge and the library say what happened; the console keeps the detail.
      console.warn('Cited: a snapshot could not be saved', error);
    });
  }, openLibrary);
}
