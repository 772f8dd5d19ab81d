import type { RestrictedReason } from '../../core/capture/restricted';
import {
  type CaptureHead,
  type CitationPartRequest,
  headResult,
  readCaptureParts,
} from '../../core/citations/capture-parts';
import type { CaptureResult, Citation } from '../../core/citations/types';
import { type CitedErrorCode, serializeError } from '../../core/errors/cited-error';

/** What the panel shows for the tab it follows. */
export type PanelState =
  | { kind: 'starting' }
  | { kind: 'no-tab' }
  | { kind: 'loading'; tabId: number }
  | { kind: 'restricted'; tabId: number; reason: RestrictedReason }
  | { kind: 'failed'; tabId: number; code: CitedErrorCode; message: string; detail?: string }
  /** `pending`: citations still on their way from the page (0 once `result` has them all). */
  | { kind: 'ready'; tabId: number; result: CaptureResult; pending: number };

export interface TabInfo {
  id: number;
  windowId: number;
  /** Undefined when the browser hides the address from Cited (pages outside its host permissions). */
  url?: string;
  status?: string;
}

/** The browser as the follower needs it; the panel passes real APIs, tests pass fakes. */
export interface FollowerPorts {
  currentWindowId(): Promise<number>;
  activeTab(windowId: number): Promise<TabInfo | undefined>;
  getTab(tabId: number): Promise<TabInfo | undefined>;
  restriction(url: string | undefined): Promise<RestrictedReason | null>;
  /** The article and its first citations. */
  capture(tabId: number): Promise<CaptureHead>;
  /** The next part of the citations of the capture `capture` began. */
  captureCitations(tabId: number, request: CitationPartRequest): Promise<Citation[]>;
  onActivated(listener: (tabId: number, windowId: number) => void): () => void;
  onUpdated(listener: (tabId: number, change: { status?: string; url?: string }) => void): () => void;
  /** Chrome swaps a tab's id when a prerendered page takes its place. */
  onReplaced(listener: (addedTabId: number, removedTabId: number) => void): () => void;
}

export interface PageFollower {
  start(): Promise<void>;
  /** Read the followed tab again now (the "Try again" button). */
  refresh(): void;
  stop(): void;
}

/**
 * Keeps the panel on the active tab of its own window: switching tabs or navigating re-reads the page after a
 * short pause (so flicking through tabs does not inject into each), and only the newest read wins.
 */
export function createPageFollower(
  ports: FollowerPorts,
  onState: (state: PanelState) => void,
  options: { debounceMs?: number } = {},
): PageFollower {
  const debounceMs = options.debounceMs ?? 250;
  let windowId: number | null = null;
  let tabId: number | null = null;
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const unsubscribe: Array<() => void> = [];
  let last: PanelState = { kind: 'starting' };

  function emit(state: PanelState) {
    last = state;
    onState(state);
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(() => void read(), debounceMs);
  }

  function showLoading() {
    // A newer event makes any read in flight stale.
    generation += 1;
    if (tabId !== null) emit({ kind: 'loading', tabId });
  }

  async function read(): Promise<void> {
    clearTimeout(timer);
    const current = ++generation;
    const stale = () => stopped || current !== generation;
    if (tabId === null) {
      const tab = windowId === null ? undefined : await ports.activeTab(windowId);
      if (stale()) return;
      if (!tab) return emit({ kind: 'no-tab' });
      tabId = tab.id;
    }
    const id = tabId;
    // Re-reading the page already shown (it finished loading, or the reader asked) keeps the list until the
    // new one is ready, so the panel does not flicker.
    if (!(last.kind === 'ready' && last.tabId === id)) emit({ kind: 'loading', tabId: id });
    try {
      const tab = await ports.getTab(id);
      if (stale()) return;
      if (!tab) {
        tabId = null;
        return emit({ kind: 'no-tab' });
      }
      const reason = await ports.restriction(tab.url);
      if (stale()) return;
      if (reason) return emit({ kind: 'restricted', tabId: id, reason });
      const head = await ports.capture(id);
      if (stale()) return;
      // A page first shown lists its first rows at once, the others as they arrive; a page read again keeps its
      // list until the new one is whole.
      const firstRead = !(last.kind === 'ready' && last.tabId === id);
      const show = (sofar: CaptureResult) =>
        emit({
          kind: 'ready',
          tabId: id,
          result: sofar,
          pending: head.citationTotal - sofar.citations.length,
        });
      if (firstRead && head.citationTotal > head.citations.length) show(headResult(head));
      const result = await readCaptureParts(head, (request) => ports.captureCitations(id, request), {
        stale,
        ...(firstRead ? { onPart: show } : {}),
      });
      if (!result) return;
      show(result);
    } catch (error) {
      if (stale()) return;
      emit({ kind: 'failed', tabId: id, ...errorFields(error) });
    }
  }

  return {
    async start() {
      windowId = await ports.currentWindowId();
      if (stopped) return;
      unsubscribe.push(
        ports.onActivated((activated, inWindow) => {
          if (inWindow !== windowId) return;
          if (activated !== tabId) {
            tabId = activated;
            showLoading();
          }
          schedule();
        }),
        ports.onUpdated((updated, change) => {
          if (updated !== tabId) return;
          if (change.url !== undefined || change.status === 'loading') {
            showLoading();
            schedule();
          } else if (change.status === 'complete') {
            schedule();
          }
        }),
        ports.onReplaced((added, removed) => {
          if (removed !== tabId) return;
          tabId = added;
          showLoading();
          schedule();
        }),
      );
      await read();
    },
    refresh() {
      void read();
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      for (const off of unsubscribe.splice(0)) off();
    },
  };
}

function errorFields(error: unknown): { code: CitedErrorCode; message: string; detail?: string } {
  const { code, message, detail } = serializeError(error);
  return { code, message, ...(detail !== undefined ? { detail } : {}) };
}
