import { describe, expect, it } from 'vitest';
import type { CheckResult, LinkStatus } from '../../../core/linkcheck/types';
import { openCitedDb } from '../../../core/storage/schema';
import { IndexedDbWatchStore } from '../../../core/storage/watch-store';
import type { WatchSchedule } from '../../../core/watch/schedule';
import { recheckNow, runWatches } from '../../../core/watch/watch-run';
import { newWatchedArticle } from '../../../core/watch/watched-article';
import { freshDb } from '../storage/helpers';
import { check, DAY_MS, dayAt } from './watch-helpers';

// Watched articles re-checked from IndexedDB: a worker stopped mid-run resumes without repeating or losing checks.

// One tick may take every article, so a single run covers them all.
const SCHEDULE: WatchSchedule = { intervalMs: 7 * DAY_MS, tickMs: 7 * DAY_MS };
const shared = 'https://stats.example/ferry/passengers.html';

function articles() {
  return Array.from({ length: 5 }, (_, i) =>
    newWatchedArticle({
      url: `https://news.example/${i}/story`,
      title: `Story ${i}`,
      sources: [
        `https://src${i}.example/a`,
        `https://src${i}.example/b#part`,
        shared,
        'mailto:desk@news.example',
      ],
      watchedAt: dayAt(0),
    }),
  );
}

async function watching() {
  const db = await freshDb();
  const store = new IndexedDbWatchStore(db);
  for (const watch of articles()) await store.putWatch(watch);
  return { db, store };
}

/** A checker that answers from `fates` (alive otherwise) and remembers what it was asked. */
function checker(fates: Record<string, LinkStatus> = {}) {
  const asked: string[] = [];
  return {
    asked,
    check: async (urls: string[]): Promise<CheckResult[]> => {
      asked.push(...urls);
      return urls.map((url) => ({ url, ...check(0, fates[url] ?? 'alive') }));
    },
  };
}

describe('watch runs', () => {
  it('checks each source of each due article once, even one cited by every article', async () => {
    const { store } = await watching();
    const web = checker();
    const outcome = await runWatches({ store, now: () => Date.parse(dayAt(11)), schedule: SCHEDULE, ...web });
    expect(outcome.articles).toHaveLength(5);
    expect(web.asked.filter((url) => url === shared)).toHaveLength(1);
    expect(web.asked).toHaveLength(11);
    expect(web.asked).not.toContain('mailto:desk@news.example');
    for (const watch of await store.listWatches()) expect(watch.lastCheckedAt).toBe(dayAt(11));
    expect(await store.currentRun()).toBeUndefined();
    // Not due again until its next slot.
    expect(
      (await runWatches({ store, now: () => Date.parse(dayAt(12)), schedule: SCHEDULE, ...web })).at,
    ).toBeNull();
  });

  it('a worker killed mid-run resumes where it stopped: no check repeated, none lost', async () => {
    const { db, store } = await watching();
    let calls = 0;
    const dying = checker();
    await expect(
      runWatches({
        store,
        now: () => Date.parse(dayAt(11)),
        schedule: SCHEDULE,
        check: async (urls) => {
          if (++calls === 3) throw new Error('the worker was stopped');
          return dying.check(urls);
        },
      }),
    ).rejects.toThrow('the worker was stopped');
    db.close();

    // A new worker, a new connection, and a clock that has moved on: the run keeps its date.
    const again = new IndexedDbWatchStore(await openCitedDb());
    const resumed = checker();
    const outcome = await runWatches({
      store: again,
      now: () => Date.parse(dayAt(11.5)),
      schedule: SCHEDULE,
      ...resumed,
    });
    expect(outcome.at).toBe(dayAt(11));
    expect(outcome.articles).toHaveLength(3);
    expect(resumed.asked.filter((url) => dying.asked.includes(url))).toEqual([]);
    const sources = await again.listSources();
    expect(sources).toHaveLength(11);
    for (const source of sources) expect(source.checks.map((c) => c.at)).toEqual([dayAt(11)]);
    expect(await again.currentRun()).toBeUndefined();
  });

  it('a worker killed after recording an article but before moving on does not check it again', async () => {
    const { db, store } = await watching();
    const web = checker();
    let failOnce = true;
    const stopping = Object.assign(Object.create(store), {
      finishArticle: async (key: string) => {
        if (failOnce) {
          failOnce = false;
          throw new Error('the worker was stopped');
        }
        return store.finishArticle(key);
      },
    });
    await expect(
      runWatches({ store: stopping, now: () => Date.parse(dayAt(11)), schedule: SCHEDULE, ...web }),
    ).rejects.toThrow();
    expect(web.asked).toHaveLength(3);
    const resumed = checker();
    await runWatches({ store, now: () => Date.parse(dayAt(11)), schedule: SCHEDULE, ...resumed });
    expect(resumed.asked).toHaveLength(8);
    expect(resumed.asked.filter((url) => web.asked.includes(url))).toEqual([]);
    db.close();
  });

  it('a source that breaks is an unseen change of every article citing it, until the reader looks', async () => {
    const { store } = await watching();
    const web = checker({ [shared]: 'dead' });
    const outcome = await runWatches({ store, now: () => Date.parse(dayAt(11)), schedule: SCHEDULE, ...web });
    expect(outcome.changes.map((c) => [c.url, c.kind])).toEqual([[shared, 'broke']]);
    expect(await store.unseenCount()).toBe(5);
    const first = (await store.listWatches())[0];
    expect(first?.unseen[0]?.to).toEqual({ state: 'failing', since: dayAt(11), strikes: [dayAt(11)] });
    await store.markSeen(first?.key ?? '', dayAt(12));
    expect(await store.unseenCount()).toBe(4);
    expect((await store.getSource(shared))?.checks[0]?.evidence?.httpStatus).toBe(404);
  });

  it('a source that broke and came back before the reader looked is one unseen change: recovered', async () => {
    const { store } = await watching();
    await store.recordCheck({ key: shared, url: shared }, check(11, 'dead'));
    await store.recordCheck({ key: shared, url: shared }, check(18, 'alive'));
    const watch = await store.getWatch('https://news.example/0/story');
    expect(watch?.unseen.map((c) => [c.kind, c.at])).toEqual([['recovered', dayAt(18)]]);
  });

  it('"re-check now" checks the article asked for at once, whatever the schedule says', async () => {
    const { store } = await watching();
    const web = checker();
    const now = () => Date.parse(dayAt(1));
    expect((await runWatches({ store, now, schedule: SCHEDULE, ...web })).at).toBeNull();
    const outcome = await recheckNow({ store, now, schedule: SCHEDULE, ...web }, [
      'https://news.example/2/story',
    ]);
    expect(outcome.articles).toEqual(['https://news.example/2/story']);
    expect(web.asked).toEqual(['https://src2.example/a', 'https://src2.example/b#part', shared]);
    expect((await store.getWatch('https://news.example/2/story'))?.lastCheckedAt).toBe(dayAt(1));
  });
});
