import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { IndexedDbWatchStore } from '../../../core/storage/watch-store';
import { newWatchedArticle } from '../../../core/watch/watched-article';
import { watchPauseReason } from '../../../entrypoints/background/watching/pause';
import { ensureAlarm, notify, WATCH_ALARM } from '../../../entrypoints/background/watching/register';
import { saveSettings } from '../../../utils/settings';
import { freshDb } from '../storage/helpers';
import { check } from '../watch/watch-helpers';

beforeEach(() => fakeBrowser.reset());

/** A store watching "Ferry cut", which cites `source` (quoting it, when `quotes` are given). */
async function watchingFerryCut(source: string, quotes?: string[]): Promise<IndexedDbWatchStore> {
  const store = new IndexedDbWatchStore(await freshDb());
  await store.putWatch(
    newWatchedArticle({
      url: 'https://news.example/s',
      title: 'Ferry cut',
      sources: [source],
      ...(quotes ? { quotes: { [source]: quotes } } : {}),
      watchedAt: check(0, 'alive').at,
    }),
  );
  return store;
}

describe('watching in the background', () => {
  it('waits when the browser says it is offline or saving data, and runs otherwise', () => {
    expect(watchPauseReason({ onLine: false })).toBe('offline');
    expect(watchPauseReason({ onLine: true, connection: { saveData: true } })).toBe(
      'the browser is saving data',
    );
    expect(watchPauseReason({ onLine: true, connection: { type: 'cellular' } })).toBe(
      'on a mobile connection',
    );
    expect(watchPauseReason({ onLine: true, connection: { saveData: false, type: 'wifi' } })).toBeNull();
    expect(watchPauseReason({})).toBeNull();
  });

  it('sets a re-check alarm every 15 minutes once, keeping its period when the worker starts again', async () => {
    await ensureAlarm();
    const first = await fakeBrowser.alarms.get(WATCH_ALARM);
    expect(first?.periodInMinutes).toBe(15);
    await ensureAlarm();
    expect(await fakeBrowser.alarms.getAll()).toEqual([first]);
  });

  it('notifies only when the reader turned notifications on, with what broke in which article', async () => {
    const source = 'https://stats.example/a';
    const store = await watchingFerryCut(source);
    const change = await store.recordCheck({ key: source, url: source }, check(1, 'dead'));
    const outcome = {
      at: check(1, 'dead').at,
      articles: ['https://news.example/s'],
      changes: change ? [change] : [],
    };
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await notify(store, outcome);
    expect(create).not.toHaveBeenCalled();
    await saveSettings({ watchNotifications: true });
    await notify(store, outcome);
    expect(create).toHaveBeenCalledWith(
      'cited-watch:https://news.example/s',
      expect.objectContaining({ message: '1 source of “Ferry cut” broke.' }),
    );
  });

  it('notifies a lost quotation too, as a change rather than a break', async () => {
    const source = 'https://www.ferryline.example/press/winter-timetable';
    const quote = 'from April the ferry sails every ninety minutes';
    const store = await watchingFerryCut(source, [quote]);
    const target = { key: source, url: source };
    await store.recordCheck(target, check(1, 'alive'), {
      findings: { quotes: [{ quote, status: 'found' }] },
    });
    const change = await store.recordCheck(target, check(8, 'alive'), {
      findings: { quotes: [{ quote, status: 'not-found' }] },
    });
    await saveSettings({ watchNotifications: true });
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await notify(store, {
      at: check(8, 'alive').at,
      articles: ['https://news.example/s'],
      changes: change ? [change] : [],
    });
    expect(create).toHaveBeenCalledWith(
      'cited-watch:https://news.example/s',
      expect.objectContaining({
        title: 'Cited: a watched source changed',
        message: '1 source of “Ferry cut” no longer says what the article quotes.',
      }),
    );
  });
});
