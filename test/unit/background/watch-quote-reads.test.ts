// @vitest-environment jsdom
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RequestScheduler } from '../../../core/linkcheck/scheduler';
import { IndexedDbWatchStore } from '../../../core/storage/watch-store';
import type { WatchSchedule } from '../../../core/watch/schedule';
import { recheckNow } from '../../../core/watch/watch-run';
import { newWatchedArticle } from '../../../core/watch/watched-article';
import { type OffscreenApi, offscreenDocument } from '../../../entrypoints/background/offscreen-document';
import { offscreenQuoteReader } from '../../../entrypoints/background/watching/quote-reads';
import { watchedQuoteVerdicts } from '../../../utils/source-quotes';
import { startTestWeb, type TestWeb } from '../../web/server';
import {
  playWatchDesk,
  watchDeskQuote as quote,
  watchDeskTimetable as timetable,
  watchDeskArticle,
  watchDeskFigures,
} from '../../web/sites/watch-desk';
import { freshDb } from '../storage/helpers';
import { check, DAY_MS, dayAt } from '../watch/watch-helpers';

// Chrome's MV3 worker has no DOM: a re-check reads a quoted source in the offscreen document, which Chrome lets
// an extension open one of. These tests drive that wiring; the Chromium end-to-end test runs it in the browser.

let web: TestWeb;
beforeAll(async () => {
  web = await startTestWeb({ sites: [] });
});
afterAll(async () => {
  await web.close();
});
beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const SCHEDULE: WatchSchedule = { intervalMs: 7 * DAY_MS, tickMs: 7 * DAY_MS };

describe('Chrome re-checks read quotations through the offscreen document', () => {
  it('records a quotation the source no longer says, read where a DOM exists, while the link still stands', async () => {
    const ferryline = playWatchDesk(web);
    // The offscreen document's fetch is the browser's; here, the test web's.
    vi.stubGlobal('fetch', web.fetch);
    const store = new IndexedDbWatchStore(await freshDb());
    await store.putWatch(
      newWatchedArticle({
        url: watchDeskArticle,
        title: 'Ferry timetable cut',
        sources: [timetable, watchDeskFigures],
        quotes: { [timetable]: [quote] },
        watchedAt: dayAt(0),
      }),
    );
    const reads: string[] = [];
    const document = { use: <T>(job: () => Promise<T>) => job() };
    // What the offscreen document answers the worker's message with.
    const scheduler = new RequestScheduler();
    const checkQuotes = offscreenQuoteReader(document, (data) => {
      reads.push(data.url);
      return watchedQuoteVerdicts(data.url, data.quotes, scheduler);
    });
    const run = (day: number) =>
      recheckNow({
        store,
        now: () => Date.parse(dayAt(day)),
        schedule: SCHEDULE,
        check: async (urls) => urls.map((url) => ({ url, ...check(day, 'alive') })),
        checkQuotes,
      });

    expect((await run(7)).changes).toEqual([]);
    ferryline.rewrite(['The ferry timetable for the winter is under review.']);
    const second = await run(14);

    expect(second.changes).toEqual([
      expect.objectContaining({
        url: timetable,
        kind: 'quote',
        reason: `The quotation “${quote}” is not found in it any more.`,
      }),
    ]);
    expect((await store.getSource(timetable))?.events).toEqual([
      { at: dayAt(7), kind: 'quote', quote, status: 'found', previous: null },
      { at: dayAt(14), kind: 'quote', quote, status: 'not-found', previous: 'found' },
    ]);
    // Only the quoted source is read for its text, once per run.
    expect(reads).toEqual([timetable, timetable]);
  });

  it('opens one offscreen document for jobs side by side, and closes it once no job has needed it for a while', async () => {
    vi.useFakeTimers();
    let open = false;
    const api: OffscreenApi = {
      createDocument: vi.fn(async () => {
        open = true;
      }),
      closeDocument: vi.fn(async () => {
        open = false;
      }),
    };
    vi.stubGlobal('chrome', { runtime: { getContexts: async () => (open ? [{}] : []) } });
    const document = offscreenDocument(api);

    const [saved, read] = await Promise.all([
      document.use(async () => 'saved'),
      document.use(async () => 'read'),
    ]);
    expect([saved, read]).toEqual(['saved', 'read']);
    expect(api.createDocument).toHaveBeenCalledTimes(1);
    expect(api.createDocument).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/offscreen.html', reasons: ['DOM_PARSER', 'BLOBS'] }),
    );

    // A job soon after keeps it open: the same document serves it.
    await vi.advanceTimersByTimeAsync(5_000);
    await document.use(async () => 'read again');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(api.closeDocument).not.toHaveBeenCalled();
    expect(api.createDocument).toHaveBeenCalledTimes(1);

    // Idle: closed, and opened again for the next job.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(api.closeDocument).toHaveBeenCalledTimes(1);
    await document.use(async () => 'a later re-check');
    expect(api.createDocument).toHaveBeenCalledTimes(2);
  });

  it('a job that fails still lets the document close', async () => {
    vi.useFakeTimers();
    const api: OffscreenApi = { createDocument: vi.fn(async () => {}), closeDocument: vi.fn(async () => {}) };
    vi.stubGlobal('chrome', { runtime: { getContexts: async () => [] } });
    const document = offscreenDocument(api);
    await expect(
      document.use(async () => {
        throw new Error('The page could not be read.');
      }),
    ).rejects.toThrow('The page could not be read.');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(api.closeDocument).toHaveBeenCalledTimes(1);
  });
});
