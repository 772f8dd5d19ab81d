// @vitest-environment jsdom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { saveSnapshot } from '../../../core/storage/library';
import { IndexedDbWatchStore } from '../../../core/storage/watch-store';
import type { WatchArticleRequest } from '../../../core/watch/types';
import { newWatchedArticle } from '../../../core/watch/watched-article';
import type { LibraryPorts, WatchingPort } from '../../../entrypoints/library/library-ports';
import { useWatches, type Watches } from '../../../entrypoints/library/use-watches';
import { mount } from '../components/render';
import { citation, freshDb, newSnapshot } from '../storage/helpers';
import { check, dayAt } from '../watch/watch-helpers';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 20)));

describe('useWatches', () => {
  it('watching a saved article sends its citations to the worker, and the list shows each source’s history', async () => {
    const db = await freshDb();
    const saved = await saveSnapshot(
      db,
      await newSnapshot({
        title: 'Ferry cut',
        url: 'https://news.example/ferry-cut',
        citations: [
          citation('https://stats.example/a', 'alive', 0),
          citation('https://council.example/b', 'dead', 1),
        ],
      }),
    );
    const store = new IndexedDbWatchStore(db);
    const asked: WatchArticleRequest[] = [];
    const watching: WatchingPort = {
      watch: async (request) => {
        asked.push(request);
        const watch = newWatchedArticle({ ...request, watchedAt: dayAt(0) });
        await store.putWatch(watch);
        await store.recordCheck(
          { key: 'https://stats.example/a', url: 'https://stats.example/a' },
          check(1, 'alive'),
        );
        return watch;
      },
      unwatch: async (key) => store.unwatch(key),
      recheck: vi.fn(async () => ({ at: null, changes: 0 })),
      seen: vi.fn(async () => ({ unseen: 0 })),
    };
    const notices: Array<string | null> = [];
    const current: { value?: Watches } = {};
    function Probe() {
      current.value = useWatches({ openDb: async () => db, watching } as unknown as LibraryPorts, (message) =>
        notices.push(message),
      );
      return null;
    }
    const mounted = mount(<Probe />);
    cleanup = mounted.unmount;
    await settle();
    expect(current.value?.watches).toEqual([]);

    await act(async () => current.value?.watchSnapshot(saved));
    await settle();
    expect(asked).toEqual([
      expect.objectContaining({
        url: 'https://news.example/ferry-cut',
        sources: ['https://stats.example/a', 'https://council.example/b'],
        snapshotId: saved.id,
      }),
    ]);
    expect(notices).toContain('Watching “Ferry cut”: its sources will be re-checked every week.');
    expect(current.value?.watchedUrls.has('https://news.example/ferry-cut')).toBe(true);
    expect(current.value?.histories.get('https://stats.example/a')?.checks.map((c) => c.status)).toEqual([
      'alive',
    ]);

    await act(async () => current.value?.unwatch('https://news.example/ferry-cut'));
    await settle();
    expect(current.value?.watches).toEqual([]);
  });
});
