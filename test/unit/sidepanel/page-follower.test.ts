import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { restrictionFor } from '../../../core/capture/restricted';
import {
  type CaptureHead,
  type CaptureParts,
  type CitationPartRequest,
  createCaptureParts,
} from '../../../core/citations/capture-parts';
import { CitedError } from '../../../core/errors/cited-error';
import {
  createPageFollower,
  type FollowerPorts,
  type PanelState,
  type TabInfo,
} from '../../../entrypoints/sidepanel/page-follower';
import { captureResult, citation } from '../components/sample-capture';

/** A browser window with tabs, whose events the test fires by hand. */
function fakeWindow(tabs: TabInfo[]) {
  const activated = new Set<(tabId: number, windowId: number) => void>();
  const updated = new Set<(tabId: number, change: { status?: string; url?: string }) => void>();
  const replaced = new Set<(added: number, removed: number) => void>();
  let active = tabs[0]?.id;
  const captured: number[] = [];
  const failures = new Map<number, Error>();
  const pending = new Map<number, (result: CaptureHead) => void>();
  let holdCaptures = false;
  // Each tab's page keeps its capture's parts as the content script does; a navigation gives it a new page.
  const pages = new Map<number, CaptureParts>();
  const pageOf = (id: number) => {
    const page = pages.get(id) ?? createCaptureParts();
    pages.set(id, page);
    return page;
  };
  const asked: CitationPartRequest[] = [];
  let citationCount = captureResult().citations.length;
  let beforePart: ((id: number) => void) | undefined;

  const ports: FollowerPorts = {
    currentWindowId: async () => 1,
    activeTab: async () => tabs.find((tab) => tab.id === active),
    getTab: async (id) => tabs.find((tab) => tab.id === id),
    restriction: async (url) => restrictionFor(url ?? ''),
    capture: (id) => {
      captured.push(id);
      const failure = failures.get(id);
      if (failure) return Promise.reject(failure);
      const tab = tabs.find((candidate) => candidate.id === id);
      const result = captureResult();
      result.article.metadata.url = tab?.url ?? '';
      if (citationCount !== result.citations.length) result.citations = longCitations(citationCount);
      const head = pageOf(id).head(result);
      if (holdCaptures) return new Promise((resolve) => pending.set(id, resolve));
      return Promise.resolve(head);
    },
    captureCitations: async (id, request) => {
      asked.push(request);
      beforePart?.(id);
      return pageOf(id).part(request);
    },
    onActivated: (listener) => {
      activated.add(listener);
      return () => activated.delete(listener);
    },
    onUpdated: (listener) => {
      updated.add(listener);
      return () => updated.delete(listener);
    },
    onReplaced: (listener) => {
      replaced.add(listener);
      return () => replaced.delete(listener);
    },
  };

  return {
    ports,
    captured,
    failures,
    pending,
    asked,
    /** The pages' articles from now on cite this many sources. */
    cite(count: number) {
      citationCount = count;
    },
    /** Runs `then` as the panel asks the page for the `nth` part (1-based) from now on. */
    onPart(nth: number, then: (id: number) => void) {
      let count = 0;
      beforePart = (id) => {
        if (++count === nth) then(id);
      };
    },
    /** The tab's page is replaced by another (a navigation): its content script and what it held are gone. */
    navigateAway(id: number) {
      pages.set(id, createCaptureParts());
    },
    hold(value: boolean) {
      holdCaptures = value;
    },
    activate(id: number, windowId = 1) {
      active = id;
      for (const listener of activated) listener(id, windowId);
    },
    update(id: number, change: { status?: string; url?: string }) {
      const tab = tabs.find((candidate) => candidate.id === id);
      if (tab && change.url) tab.url = change.url;
      for (const listener of updated) listener(id, change);
    },
    replace(added: number, removed: number) {
      for (const listener of replaced) listener(added, removed);
    },
    listeners: () => activated.size + updated.size + replaced.size,
  };
}

/** `count` citations of one source site each, in article order. */
function longCitations(count: number) {
  return Array.from({ length: count }, (_, i) =>
    citation(`https://source.example/${i}`, 'external', [
      { anchorText: `source ${i}`, sentence: 'A sentence.', linkIndex: i },
    ]),
  );
}

const ARTICLE = 'https://news.example/2021/05/story/';
const OTHER = 'https://other.example/opinion/piece';

function start(tabs: TabInfo[]) {
  const window = fakeWindow(tabs);
  const states: PanelState[] = [];
  const follower = createPageFollower(window.ports, (state) => states.push(state), { debounceMs: 200 });
  const last = () => states.at(-1);
  const shownUrl = () => {
    const state = last();
    return state?.kind === 'ready' ? state.result.article.metadata.url : null;
  };
  return { window, follower, states, last, shownUrl };
}

async function settle(ms = 0) {
  await vi.advanceTimersByTimeAsync(ms);
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createPageFollower', () => {
  it('reads the active tab of its window when it starts', async () => {
    const { follower, window, states, shownUrl } = start([{ id: 7, windowId: 1, url: ARTICLE }]);
    await follower.start();
    expect(states.map((state) => state.kind)).toEqual(['loading', 'ready']);
    expect(shownUrl()).toBe(ARTICLE);
    expect(window.captured).toEqual([7]);
  });

  it('follows the reader to another tab, once, after a short pause', async () => {
    const { follower, window, last, shownUrl } = start([
      { id: 7, windowId: 1, url: ARTICLE },
      { id: 8, windowId: 1, url: OTHER },
      { id: 9, windowId: 1, url: ARTICLE },
    ]);
    await follower.start();
    window.activate(9);
    window.activate(8);
    expect(last()).toEqual({ kind: 'loading', tabId: 8 });
    await settle(199);
    expect(window.captured).toEqual([7]);
    await settle(1);
    expect(window.captured).toEqual([7, 8]);
    expect(shownUrl()).toBe(OTHER);
  });

  it('ignores tabs activated in other windows', async () => {
    const { follower, window, shownUrl } = start([
      { id: 7, windowId: 1, url: ARTICLE },
      { id: 20, windowId: 2, url: OTHER },
    ]);
    await follower.start();
    window.activate(20, 2);
    await settle(500);
    expect(window.captured).toEqual([7]);
    expect(shownUrl()).toBe(ARTICLE);
  });

  it('re-reads the tab when it navigates, and not for other tabs’ navigation', async () => {
    const { follower, window, last, shownUrl } = start([
      { id: 7, windowId: 1, url: ARTICLE },
      { id: 8, windowId: 1, url: OTHER },
    ]);
    await follower.start();
    window.update(8, { status: 'complete' });
    await settle(500);
    expect(window.captured).toEqual([7]);

    window.update(7, { status: 'loading', url: OTHER });
    expect(last()?.kind).toBe('loading');
    window.update(7, { status: 'complete' });
    await settle(200);
    expect(window.captured).toEqual([7, 7]);
    expect(shownUrl()).toBe(OTHER);
  });

  it('keeps the list on screen while it re-reads a page that finished loading', async () => {
    const { follower, window, states } = start([{ id: 7, windowId: 1, url: ARTICLE }]);
    await follower.start();
    const before = states.length;
    window.update(7, { status: 'complete' });
    await settle(200);
    expect(states.slice(before).map((state) => state.kind)).toEqual(['ready']);
  });

  it('shows a restricted page’s reason without trying to inject', async () => {
    const { follower, window, last } = start([
      { id: 7, windowId: 1, url: ARTICLE },
      { id: 8, windowId: 1, url: 'chrome://version/' },
      { id: 9, windowId: 1 },
    ]);
    await follower.start();
    window.activate(8);
    await settle(200);
    expect(last()).toEqual({ kind: 'restricted', tabId: 8, reason: 'browser-page' });
    window.activate(9);
    await settle(200);
    expect(last()).toEqual({ kind: 'restricted', tabId: 9, reason: 'not-web-page' });
    expect(window.captured).toEqual([7]);
  });

  it('reports a failed read with its code, and tries again on request', async () => {
    const { follower, window, last, shownUrl } = start([{ id: 7, windowId: 1, url: ARTICLE }]);
    window.failures.set(7, new CitedError('page-not-ready', 'The page changed while Cited was reading it.'));
    await follower.start();
    expect(last()).toMatchObject({ kind: 'failed', tabId: 7, code: 'page-not-ready' });
    window.failures.delete(7);
    follower.refresh();
    await settle();
    expect(shownUrl()).toBe(ARTICLE);
  });

  it('drops a slow read overtaken by a newer one', async () => {
    const { follower, window, shownUrl } = start([
      { id: 7, windowId: 1, url: ARTICLE },
      { id: 8, windowId: 1, url: OTHER },
    ]);
    window.hold(true);
    const started = follower.start();
    await settle();
    window.hold(false);
    window.activate(8);
    await settle(200);
    expect(shownUrl()).toBe(OTHER);
    // The first page's answer arrives late and must not replace the second.
    window.pending.get(7)?.(createCaptureParts().head(captureResult()));
    await started;
    expect(shownUrl()).toBe(OTHER);
  });

  it('follows a tab whose id the browser replaced', async () => {
    const { follower, window, shownUrl } = start([
      { id: 7, windowId: 1, url: ARTICLE },
      { id: 70, windowId: 1, url: OTHER },
    ]);
    await follower.start();
    window.replace(70, 7);
    await settle(200);
    expect(window.captured).toEqual([7, 70]);
    expect(shownUrl()).toBe(OTHER);
  });

  it('lists a long article’s first rows at once and the others as each part arrives, one message per part', async () => {
    const { follower, window, states, last } = start([{ id: 7, windowId: 1, url: ARTICLE }]);
    window.cite(1000);
    await follower.start();
    const shown = states.flatMap((state) =>
      state.kind === 'ready' ? [[state.result.citations.length, state.pending]] : [],
    );
    expect(shown).toEqual([
      [200, 800],
      [450, 550],
      [700, 300],
      [950, 50],
      [1000, 0],
    ]);
    expect(window.asked.map(({ from, count }) => [from, count])).toEqual([
      [200, 250],
      [450, 250],
      [700, 250],
      [950, 250],
    ]);
    const state = last();
    expect(state?.kind === 'ready' && state.result.citations.map((one) => one.url)).toEqual(
      longCitations(1000).map((one) => one.url),
    );
    expect(state).not.toHaveProperty('result.captureId');
  });

  it('keeps the whole list on screen while it re-reads a long page, until the new one is whole', async () => {
    const { follower, window, states } = start([{ id: 7, windowId: 1, url: ARTICLE }]);
    window.cite(1000);
    await follower.start();
    const before = states.length;
    window.update(7, { status: 'complete' });
    await settle(200);
    const after = states.slice(before);
    expect(
      after.map((state) => (state.kind === 'ready' ? state.result.citations.length : state.kind)),
    ).toEqual([1000]);
  });

  it('says the page changed when it navigates before every part has arrived', async () => {
    const { follower, window, last } = start([{ id: 7, windowId: 1, url: ARTICLE }]);
    window.cite(1000);
    window.onPart(2, (id) => window.navigateAway(id));
    await follower.start();
    expect(last()).toMatchObject({
      kind: 'failed',
      tabId: 7,
      code: 'page-not-ready',
      message: expect.stringMatching(/^The page changed while Cited was reading its links\./),
    });
  });

  it('stops reading parts of a page the reader left, and shows the new one', async () => {
    const { follower, window, states, shownUrl } = start([
      { id: 7, windowId: 1, url: ARTICLE },
      { id: 8, windowId: 1, url: OTHER },
    ]);
    window.cite(1000);
    window.onPart(2, () => window.activate(8));
    await follower.start();
    expect(window.asked.filter((request) => request.from === 700)).toEqual([]);
    const left = states.findIndex((state) => state.kind === 'loading' && state.tabId === 8);
    expect(states.slice(left).some((state) => 'tabId' in state && state.tabId === 7)).toBe(false);
    await settle(200);
    expect(shownUrl()).toBe(OTHER);
  });

  it('stops listening when the panel closes', async () => {
    const { follower, window } = start([{ id: 7, windowId: 1, url: ARTICLE }]);
    await follower.start();
    expect(window.listeners()).toBe(3);
    follower.stop();
    expect(window.listeners()).toBe(0);
  });
});
