import { browser } from 'wxt/browser';
import type { CaptureHead, CitationPartRequest } from '../../core/citations/capture-parts';
import { placesOf } from '../../core/citations/places';
import type { Citation } from '../../core/citations/types';
import { CitedError } from '../../core/errors/cited-error';
import { sendMessage } from '../../utils/messaging';
import { askCaptureScript, askInstalledCaptureScript, pageRestriction } from '../../utils/page-access';
import { openArticleParse, type ParseWorker } from './article-parse';
import { captureWithPanelParse } from './capture-in-panel';
import type { FollowerPorts, TabInfo } from './page-follower';

/** A page that never answers (a frozen tab) must not leave the panel spinning for ever. */
const CAPTURE_TIMEOUT_MS = 20_000;

function tabInfo(tab: {
  id?: number;
  windowId?: number;
  url?: string;
  status?: string;
}): TabInfo | undefined {
  if (tab.id === undefined || tab.windowId === undefined) return undefined;
  return {
    id: tab.id,
    windowId: tab.windowId,
    ...(tab.url ? { url: tab.url } : {}),
    ...(tab.status ? { status: tab.status } : {}),
  };
}

/** The page's capture, with Readability's parse in the panel's worker (see capture-in-panel.ts). */
export function captureTab(tabId: number): Promise<CaptureHead> {
  return captureWithPanelParse({
    openParse: () =>
      openArticleParse(
        () =>
          new Worker(new URL('./readability-worker.ts', import.meta.url), { type: 'module' }) as ParseWorker,
      ),
    pageSource: () =>
      askCaptureScript(tabId, () => sendMessage('pageSource', undefined, tabId), CAPTURE_TIMEOUT_MS),
    capture: (parsed, scriptReady) => {
      const ask = () => sendMessage('capturePage', parsed ? { parsed } : {}, tabId);
      return scriptReady
        ? askInstalledCaptureScript(ask, CAPTURE_TIMEOUT_MS)
        : askCaptureScript(tabId, ask, CAPTURE_TIMEOUT_MS);
    },
  });
}

export function captureCitations(tabId: number, request: CitationPartRequest): Promise<Citation[]> {
  return askInstalledCaptureScript(() => sendMessage('captureCitations', request, tabId), CAPTURE_TIMEOUT_MS);
}

export async function highlightInTab(
  tabId: number,
  citation: Citation,
  placeIndex: number,
): Promise<{ found: boolean }> {
  const places = placesOf(citation);
  const place = places[placeIndex] ?? places[0];
  if (!place) return { found: false };
  return askCaptureScript(
    tabId,
    () => sendMessage('highlightLink', { linkIndex: place.linkIndex, url: place.href }, tabId),
    CAPTURE_TIMEOUT_MS,
  );
}

/** The keys the browser has for one of Cited's commands ("Alt+Shift+S"), or undefined when none is set. */
export async function commandShortcut(name: string): Promise<string | undefined> {
  const commands = (await browser.commands?.getAll()) ?? [];
  return commands.find((command) => command.name === name)?.shortcut || undefined;
}

export async function openInNewTab(url: string, openerTabId: number | null): Promise<void> {
  await browser.tabs.create({ url, active: true, ...(openerTabId !== null ? { openerTabId } : {}) });
}

export const browserPorts: FollowerPorts = {
  async currentWindowId() {
    const window = await browser.windows.getCurrent();
    if (window.id === undefined) throw new CitedError('internal', 'The panel is not attached to a window.');
    return window.id;
  },
  async activeTab(windowId) {
    const [tab] = await browser.tabs.query({ active: true, windowId });
    return tab ? tabInfo(tab) : undefined;
  },
  async getTab(tabId) {
    try {
      return tabInfo(await browser.tabs.get(tabId));
    } catch {
      return undefined;
    }
  },
  restriction: pageRestriction,
  capture: captureTab,
  captureCitations,
  onActivated(listener) {
    const handler = (info: { tabId: number; windowId: number }) => listener(info.tabId, info.windowId);
    browser.tabs.onActivated.addListener(handler);
    return () => browser.tabs.onActivated.removeListener(handler);
  },
  onUpdated(listener) {
    const handler = (tabId: number, change: { status?: string; url?: string }) => listener(tabId, change);
    browser.tabs.onUpdated.addListener(handler);
    return () => browser.tabs.onUpdated.removeListener(handler);
  },
  onReplaced(listener) {
    const handler = (added: number, removed: number) => listener(added, removed);
    browser.tabs.onReplaced.addListener(handler);
    return () => browser.tabs.onReplaced.removeListener(handler);
  },
};
