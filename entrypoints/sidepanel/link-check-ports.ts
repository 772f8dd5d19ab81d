import { browser } from 'wxt/browser';
import type {
  ArchiveLookupRequest,
  ArchiveState,
  CheckCitationsRequest,
  CheckSnapshot,
  MarkerUpdate,
} from '../../core/citation-status/types';
import { isPageReplacedError, isTabGoneError } from '../../utils/browser-errors';
import { onMessage, sendMessage } from '../../utils/messaging';
import { PORTS } from '../../utils/protocol';

/** The panel's link-check ties to the browser: the background worker, the page's markers, the options page. */
export interface CheckPorts {
  checkCitations(request: CheckCitationsRequest): Promise<CheckSnapshot>;
  lookupArchive(request: ArchiveLookupRequest): Promise<ArchiveState>;
  /** The reader's Stop for the checks of this tab. */
  stopChecks(tabId: number): Promise<{ stopped: number }>;
  onUpdate(listener: (update: Partial<CheckSnapshot>) => void): () => void;
  /** A port to the worker that closes when the worker stops; `onClose` runs then. Returns a disconnect function. */
  connect(onClose: () => void): () => void;
  showMarkers(tabId: number, update: MarkerUpdate): Promise<void>;
  clearMarkers(tabId: number): Promise<void>;
}

/** The page went away or was never injected: the markers went with it, nothing to do. */
function ignoreMissingPage(error: unknown): void {
  if (!isPageReplacedError(error) && !isTabGoneError(error))
    console.warn('Cited: could not update the markers on the page', error);
}

export const browserCheckPorts: CheckPorts = {
  checkCitations: (request) => sendMessage('checkCitations', request),
  lookupArchive: (request) => sendMessage('lookupArchive', request),
  stopChecks: (tabId) => sendMessage('stopChecks', { tabId }),
  onUpdate(listener) {
    return onMessage('checkUpdate', ({ data }) => {
      listener(data);
    });
  },
  connect(onClose) {
    const port = browser.runtime.connect({ name: PORTS.checks });
    let closedByUs = false;
    port.onDisconnect.addListener(() => {
      if (!closedByUs) onClose();
    });
    return () => {
      closedByUs = true;
      port.disconnect();
    };
  },
  async showMarkers(tabId, update) {
    await sendMessage('showMarkers', update, tabId).catch(ignoreMissingPage);
  },
  async clearMarkers(tabId) {
    await sendMessage('clearMarkers', undefined, tabId).catch(ignoreMissingPage);
  },
};

export function openSettingsPage(): void {
  browser.runtime.openOptionsPage().catch((error: unknown) => {
    console.error('Cited: could not open the settings', error);
  });
}
