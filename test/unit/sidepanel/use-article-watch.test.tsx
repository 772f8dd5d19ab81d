// @vitest-environment jsdom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CaptureResult } from '../../../core/citations/types';
import type { ArticleWatchState, WatchArticleRequest } from '../../../core/watch/types';
import { newWatchedArticle } from '../../../core/watch/watched-article';
import { type ArticleWatching, useArticleWatch } from '../../../entrypoints/sidepanel/use-article-watch';
import type { WatchPorts } from '../../../entrypoints/sidepanel/watch-ports';
import { mount } from '../components/render';
import { harbourCitations } from '../components/sample-capture';
import { dayAt } from '../watch/watch-helpers';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const articleUrl = 'https://www.harbour-gazette.example/2024/05/31/ferry/';
const quotedUrl = harbourCitations[1]?.url ?? '';
const quote = 'the ferry will sail every ninety minutes';
const result = {
  article: { metadata: { url: articleUrl, title: 'Harbour ferry cut', publishedTime: '2024-05-31' } },
  citations: harbourCitations.map((citation) => ({
    ...citation,
    quotes: citation.url === quotedUrl ? [quote] : [],
  })),
} as unknown as CaptureResult;

/** A worker that keeps one watch in memory and says when it changed, as the background does. */
function fakeWorker() {
  let state: ArticleWatchState = { watch: null, sources: [] };
  const listeners = new Set<(keys: string[]) => void>();
  const changed = (keys: string[]) => {
    for (const listener of listeners) listener(keys);
  };
  const ports: WatchPorts = {
    get: vi.fn(async () => state),
    watch: vi.fn(async (request: WatchArticleRequest) => {
      state = { watch: newWatchedArticle({ ...request, watchedAt: dayAt(0) }), sources: [] };
      changed([articleUrl]);
    }),
    unwatch: vi.fn(async () => {
      state = { watch: null, sources: [] };
      changed([articleUrl]);
    }),
    recheck: vi.fn(async () => ({ changes: 1 })),
    seen: vi.fn(async () => {}),
    onChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { ports, changed };
}

async function settle() {
  await act(async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  });
}

function harness(ports: WatchPorts) {
  let latest: ArticleWatching | undefined;
  function Probe() {
    latest = useArticleWatch(result, ports);
    return null;
  }
  const mounted = mount(<Probe />);
  cleanup = mounted.unmount;
  return () => latest as ArticleWatching;
}

describe('watching from the panel', () => {
  it('says nothing until the worker answers, then that the article is not watched', async () => {
    const { ports } = fakeWorker();
    const state = harness(ports);
    expect(state().loaded).toBe(false);
    await settle();
    expect(ports.get).toHaveBeenCalledWith(articleUrl);
    expect([state().loaded, state().watch]).toEqual([true, null]);
  });

  it('watches the article with every source it cites and their quotations, and shows it watched', async () => {
    const { ports } = fakeWorker();
    const state = harness(ports);
    await settle();
    act(() => state().start());
    expect(state().busy).toBe('watch');
    await settle();
    expect(ports.watch).toHaveBeenCalledWith({
      url: articleUrl,
      title: 'Harbour ferry cut',
      sources: harbourCitations.map((citation) => citation.url),
      // Looked for again at each re-check.
      quotes: { [quotedUrl]: [quote] },
      publishedTime: '2024-05-31',
    });
    expect(state().busy).toBeNull();
    expect(state().watch?.url).toBe(articleUrl);
  });

  it('re-checks now and says what it found; stops watching', async () => {
    const { ports } = fakeWorker();
    const state = harness(ports);
    await settle();
    act(() => state().start());
    await settle();
    act(() => state().recheck());
    await settle();
    expect(ports.recheck).toHaveBeenCalledWith(articleUrl);
    expect(state().message).toBe('Re-checked: 1 change.');
    act(() => state().stop());
    await settle();
    expect(ports.unwatch).toHaveBeenCalledWith(articleUrl);
    expect(state().watch).toBeNull();
  });

  it('reads the article again when the worker says watches changed (a background run, the save offer)', async () => {
    const { ports, changed } = fakeWorker();
    const state = harness(ports);
    await settle();
    await ports.watch({ url: articleUrl, title: 'Harbour ferry cut', sources: [] });
    await settle();
    expect(state().watch?.title).toBe('Harbour ferry cut');
    changed(['https://elsewhere.example/']);
    await settle();
    expect(ports.get).toHaveBeenCalledTimes(3);
  });

  it('says so when the worker cannot answer', async () => {
    const { ports } = fakeWorker();
    ports.get = vi.fn(async () => {
      throw new Error('The worker is gone.');
    });
    const state = harness(ports);
    await settle();
    expect(state().message).toBe('Could not read whether this article is watched: The worker is gone.');
  });
});
