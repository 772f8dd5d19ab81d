import { afterEach, describe, expect, it, vi } from 'vitest';
import { TabRegistry } from '../../../core/check-run/tab-registry';
import type { CheckSnapshot } from '../../../core/citation-status/types';
import { checkKey } from '../../../core/linkcheck/url';
import { html, page, ScriptedWeb, words } from '../linkcheck/scripted-web';
import { PROBE } from '../linkcheck/setup';
import {
  ALIVE,
  ALIVE_TOO,
  ARTICLE,
  checkStoreOf,
  checksDb,
  closeDbs,
  GONE,
  MOVED_HOME,
  makeService,
  request,
  requestsFor,
  smallWeb,
} from './service-helpers';

afterEach(closeDbs);

/** A web where `urls` answer only when their request is aborted: checks still under way when the reader stops. */
function answeringOnlyWhenAborted(urls: readonly string[]): ScriptedWeb {
  const web = smallWeb(new ScriptedWeb());
  for (const url of urls)
    web.on(
      url,
      (_url, init) =>
        new Promise<Response>((_resolve, reject) =>
          init.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
        ),
    );
  return web;
}

function statusesIn(broadcasts: Partial<CheckSnapshot>[], url: string): string[] {
  const key = checkKey(url);
  return broadcasts.flatMap((update) =>
    (update.states ?? []).filter((s) => s.key === key).map((s) => s.status),
  );
}

describe('CheckService', () => {
  it('checks exactly the citations the panel sends, streams each verdict and counts the broken ones on the badge', async () => {
    const web = smallWeb(new ScriptedWeb());
    const { db } = await checksDb();
    const { service, broadcasts, badges } = makeService(db, web);

    const first = await service.checkCitations(request([ALIVE, GONE, MOVED_HOME]));
    expect(first.states.map((state) => state.status)).toEqual(['queued', 'queued', 'queued']);

    await vi.waitFor(() => expect(badges.get(1)).toBe(2));
    expect(statusesIn(broadcasts, ALIVE).at(-1)).toBe('alive');
    expect(statusesIn(broadcasts, GONE).at(-1)).toBe('dead');
    expect(statusesIn(broadcasts, MOVED_HOME).at(-1)).toBe('soft-404');
    expect(statusesIn(broadcasts, GONE)).toContain('checking');

    // Nothing but the cited pages, their redirects and the soft-404 probes of their folders was requested.
    const requested = web.calls.map((call) => call.url);
    const allowed = (url: string) =>
      [ALIVE, GONE, MOVED_HOME, 'https://weekly.example/'].includes(url) || PROBE.test(url);
    expect(requested.filter((url) => !allowed(url))).toEqual([]);
    expect(requested).not.toContain(ALIVE_TOO);
    expect(requested).not.toContain(ARTICLE);
  });

  it('reuses fresh verdicts: asking again (panel closed and reopened) sends no request; Re-check does', async () => {
    const web = smallWeb(new ScriptedWeb());
    const { db } = await checksDb();
    const { service, badges } = makeService(db, web);
    await service.checkCitations(request([ALIVE, GONE]));
    await vi.waitFor(() => expect(badges.get(1)).toBe(1));
    const callsAfterFirstRun = web.calls.length;

    const again = await service.checkCitations(request([ALIVE, GONE]));
    expect(again.states.map((state) => state.status)).toEqual(['alive', 'dead']);
    expect(again.states[1]?.result?.evidence.httpStatus).toBe(404);
    // Everything the service started has finished: a request made by mistake would be on record now.
    await service.settled();
    expect(web.calls.length).toBe(callsAfterFirstRun);

    const forced = await service.checkCitations(request([GONE], { force: true }));
    expect(forced.states[0]?.status).toBe('queued');
    await vi.waitFor(() => expect(requestsFor(web, GONE)).toBe(4));
  });

  it('checks a URL open in two tabs once', async () => {
    const web = smallWeb(new ScriptedWeb());
    const { db } = await checksDb();
    const { service, badges } = makeService(db, web);
    await Promise.all([
      service.checkCitations(request([ALIVE, GONE], { tabId: 1 })),
      service.checkCitations(
        request([`${GONE}#section`, ALIVE], { tabId: 2, pageUrl: 'https://other.example/a' }),
      ),
    ]);
    await vi.waitFor(() => {
      expect(badges.get(1)).toBe(1);
      expect(badges.get(2)).toBe(1);
    });
    expect(requestsFor(web, ALIVE)).toBe(1);
    // A 404 is confirmed by one more request, and that is all: two, not four.
    expect(requestsFor(web, GONE)).toBe(2);
  });

  it('finishes the queue a stopped worker left, repeating nothing it had finished', async () => {
    const { db, name } = await checksDb();
    // The first worker gets an answer from one site; the others hang until the worker is stopped.
    const hanging = new ScriptedWeb()
      .on(ALIVE, html(page('Council minutes, February', words('minutes'))))
      .on(PROBE, html(page('Not found', 'nothing here'), { status: 404 }))
      .otherwise(() => () => new Promise<Response>(() => {}));
    const first = makeService(db, hanging);
    await first.service.checkCitations(request([ALIVE, ALIVE_TOO, GONE]));
    const store = checkStoreOf(db);
    await vi.waitFor(async () => expect(await store.getResult(checkKey(ALIVE) as string)).toBeDefined());
    expect((await store.pending()).map((item) => item.url)).toEqual([ALIVE_TOO, GONE]);

    // The worker stops. A new one opens the same database and starts.
    const { db: reopened } = await checksDb(name);
    const web = smallWeb(new ScriptedWeb());
    const second = makeService(reopened, web);
    await second.service.start();
    await vi.waitFor(async () => expect(await checkStoreOf(reopened).pending()).toEqual([]));
    expect(requestsFor(web, ALIVE)).toBe(0);
    expect(requestsFor(web, ALIVE_TOO)).toBe(1);
    expect(requestsFor(web, GONE)).toBe(2);

    // The panel asks again after the restart: everything is known, nothing is requested.
    const callsBefore = web.calls.length;
    const snapshot = await second.service.checkCitations(request([ALIVE, ALIVE_TOO, GONE]));
    expect(snapshot.states.map((state) => state.status)).toEqual(['alive', 'alive', 'dead']);
    // Everything the service started has finished: a request made by mistake would be on record now.
    await second.service.settled();
    expect(web.calls.length).toBe(callsBefore);
  });

  it('updates the badge of a tab remembered by a stopped worker when the resumed queue finishes', async () => {
    const { db, name } = await checksDb();
    const saved: Record<string, unknown> = {};
    const persistence = {
      load: async () => saved.pages as never,
      save: async (pages: unknown) => {
        saved.pages = structuredClone(pages);
      },
    };
    const hanging = new ScriptedWeb().otherwise(() => () => new Promise<Response>(() => {}));
    const firstTabs = new TabRegistry(persistence);
    const first = makeService(db, hanging, { tabs: firstTabs });
    await first.service.checkCitations(request([GONE], { tabId: 7 }));
    await firstTabs.flushed();

    const { db: reopened } = await checksDb(name);
    const second = makeService(reopened, smallWeb(new ScriptedWeb()), { tabs: new TabRegistry(persistence) });
    await second.service.start();
    await vi.waitFor(() => expect(second.badges.get(7)).toBe(1));
  });

  it('clears a tab’s badge when it navigates to another page, not when it jumps within the article', async () => {
    const web = smallWeb(new ScriptedWeb());
    const { db } = await checksDb();
    const { service, badges } = makeService(db, web);
    await service.checkCitations(request([GONE]));
    await vi.waitFor(() => expect(badges.get(1)).toBe(1));
    service.tabNavigated(1, `${ARTICLE}#comments`);
    expect(badges.get(1)).toBe(1);
    service.tabNavigated(1, 'https://gazette.example/');
    expect(badges.get(1)).toBe(0);
  });

  it('only reports what it knows when automatic checks are off', async () => {
    const web = smallWeb(new ScriptedWeb());
    const { db } = await checksDb();
    const { service } = makeService(db, web);
    const snapshot = await service.checkCitations(request([ALIVE, GONE], { start: false }));
    expect(snapshot.states.map((state) => state.status)).toEqual(['not-checked', 'not-checked']);
    // Everything the service started has finished: a request made by mistake would be on record now.
    await service.settled();
    expect(web.calls).toEqual([]);
  });

  it('takes a long article in parts: later parts add to the tab, so the badge counts every part', async () => {
    const web = smallWeb(new ScriptedWeb());
    const { db } = await checksDb();
    const { service, badges } = makeService(db, web);
    await service.checkCitations(request([GONE]));
    await service.checkCitations(request([MOVED_HOME, ALIVE], { addToTab: true }));
    await service.settled();
    expect(badges.get(1)).toBe(2);

    // A first part (no addToTab) starts the tab afresh: the article was read again.
    await service.checkCitations(request([ALIVE]));
    await service.settled();
    expect(badges.get(1)).toBe(0);
  });

  it('checks the links a reference gives beside its source but counts only citations on the badge', async () => {
    const web = smallWeb(new ScriptedWeb());
    const { db } = await checksDb();
    const { service, broadcasts, badges } = makeService(db, web);
    // GONE stands for a reference's dead archived copy, sent in a later part: checked, not a citation of its own.
    await service.checkCitations(request([ALIVE, MOVED_HOME]));
    await service.checkCitations(request([GONE], { addToTab: true, beside: [GONE] }));
    await service.settled();
    expect(statusesIn(broadcasts, GONE).at(-1)).toBe('dead');
    expect(badges.get(1)).toBe(1);
  });

  it('Stop ends the checks the tab asked for: nothing more is requested, and what was left is not checked', async () => {
    const hanging = Array.from({ length: 6 }, (_, i) => `https://slow${i}.example/report.html`);
    const web = answeringOnlyWhenAborted(hanging);
    const { db } = await checksDb();
    const { service, broadcasts } = makeService(db, web);
    await service.checkCitations(request([ALIVE, ...hanging]));
    await vi.waitFor(() => expect(statusesIn(broadcasts, ALIVE).at(-1)).toBe('alive'));

    const { stopped } = await service.stopChecks({ tabId: 1 });
    expect(stopped).toBe(hanging.length);
    for (const url of hanging) expect(statusesIn(broadcasts, url).at(-1)).toBe('not-checked');
    expect(statusesIn(broadcasts, ALIVE).at(-1)).toBe('alive');
    // Nothing is left for a restarted worker to finish, and nothing more goes out.
    expect(await checkStoreOf(db).pending()).toEqual([]);
    const calls = web.calls.length;
    await service.settled();
    expect(web.calls.length).toBe(calls);
    const again = await service.checkCitations(request([ALIVE, ...hanging], { start: false }));
    expect(again.states.map((state) => state.status)).toEqual(['alive', ...hanging.map(() => 'not-checked')]);
  });

  it('Stop on a long article takes what was left out of the queue together, not one transaction per link', async () => {
    const waiting = Array.from({ length: 300 }, (_, i) => `https://slow${i % 30}.example/report-${i}.html`);
    const web = answeringOnlyWhenAborted(waiting);
    const { db } = await checksDb();
    const { service, broadcasts } = makeService(db, web);
    await service.checkCitations(request(waiting));
    await vi.waitFor(() => expect(web.calls.length).toBeGreaterThan(0));
    const transaction = vi.spyOn(db, 'transaction');

    const { stopped } = await service.stopChecks({ tabId: 1 });

    expect(stopped).toBe(waiting.length);
    expect(transaction.mock.calls.length).toBeLessThanOrEqual(5);
    expect(await checkStoreOf(db).pending()).toEqual([]);
    for (const url of waiting) expect(statusesIn(broadcasts, url).at(-1)).toBe('not-checked');
  });

  it('refuses requests that are not lists of addresses', async () => {
    const { db } = await checksDb();
    const { service } = makeService(db, new ScriptedWeb());
    await expect(
      service.checkCitations({ ...request([]), urls: 'https://x.example' as unknown as string[] }),
    ).rejects.toMatchObject({ code: 'internal', message: expect.stringContaining('list of addresses') });
  });
});

describe('CheckService archive lookups', () => {
  it('asks nothing of the archive until the reader allows it', async () => {
    const web = smallWeb(new ScriptedWeb());
    const { db } = await checksDb();
    const { service, lookups, badges } = makeService(db, web);
    await service.checkCitations(request([ALIVE, GONE]));
    await vi.waitFor(() => expect(badges.get(1)).toBe(1));
    // Everything the service started has finished: a request made by mistake would be on record now.
    await service.settled();
    expect(lookups).toEqual([]);
    await expect(service.lookupArchive({ url: GONE, publishedTime: '2026-03-12' })).rejects.toMatchObject({
      code: 'third-party-disabled',
    });
  });

  it('looks up every citation that is not alive once allowed, with the article’s date and the endpoint set', async () => {
    const web = smallWeb(new ScriptedWeb());
    const { db } = await checksDb();
    const harness = makeService(db, web);
    await harness.service.checkCitations(request([ALIVE, GONE, MOVED_HOME]));
    await vi.waitFor(() => expect(harness.badges.get(1)).toBe(2));

    // The reader agrees (the panel's button saves the setting; the worker hears of it).
    harness.service.applySettings({
      ...harness.settings,
      archiveLookups: true,
      archiveEndpoint: 'https://archive.example/wb',
    });
    await vi.waitFor(() => expect(harness.lookups).toHaveLength(2));
    expect(harness.lookups.map((lookup) => lookup.url).sort()).toEqual([GONE, MOVED_HOME].sort());
    expect(harness.lookups.every((lookup) => lookup.publishedAt === '2026-03-12')).toBe(true);
    expect(harness.lookups.every((lookup) => lookup.endpoint === 'https://archive.example/wb')).toBe(true);

    // Stored with the result: asking again answers from the store.
    const snapshot = await harness.service.checkCitations(request([ALIVE, GONE, MOVED_HOME]));
    const gone = snapshot.archives.find((archive) => archive.key === checkKey(GONE));
    expect(gone?.lookup?.beforePublication?.url).toBe(`https://web.archive.org/web/20200301101010/${GONE}`);
    // Everything the service started has finished: a request made by mistake would be on record now.
    await harness.service.settled();
    expect(harness.lookups).toHaveLength(2);
  });

  it('looks for the copy before a reference’s access date, not the article’s date, where the reference gives one', async () => {
    const web = smallWeb(new ScriptedWeb());
    const { db } = await checksDb();
    const harness = makeService(db, web, { settings: { archiveLookups: true } });
    const first = request([GONE, MOVED_HOME], { accessDates: { [`${GONE}#p4`]: '2021-02-01' } });
    first.urls = [`${GONE}#p4`, MOVED_HOME];
    await harness.service.checkCitations(first);
    await vi.waitFor(() => expect(harness.lookups).toHaveLength(2));
    const by = Object.fromEntries(harness.lookups.map((lookup) => [lookup.url, lookup.publishedAt]));
    expect(by).toEqual({ [GONE]: '2021-02-01', [MOVED_HOME]: '2026-03-12' });

    // The panel opened again finds the copy under the reference's date, without asking the archive again.
    const again = await harness.service.checkCitations(first);
    const gone = again.archives.find((archive) => archive.key === checkKey(GONE));
    expect(gone?.archiveKey).toBe(`${checkKey(GONE)} @20210201235959`);
    expect(gone?.lookup?.publishedAt).toBe('2021-02-01');
    await harness.service.settled();
    expect(harness.lookups).toHaveLength(2);
  });

  it('refuses access dates that are not dates', async () => {
    const { db } = await checksDb();
    const { service } = makeService(db, smallWeb(new ScriptedWeb()));
    await expect(
      service.checkCitations(request([GONE], { accessDates: { [GONE]: 'last Tuesday' } })),
    ).rejects.toMatchObject({
      message:
        'Cited could not check these citations: the references’ access dates were not dates (YYYY-MM-DD).',
    });
  });

  it('looks up an alive citation on request, and never when third parties are forbidden', async () => {
    const web = smallWeb(new ScriptedWeb());
    const { db } = await checksDb();
    const harness = makeService(db, web, { settings: { archiveLookups: true } });
    const state = await harness.service.lookupArchive({ url: ALIVE, publishedTime: null });
    expect(state.lookup?.mostRecent).toBeNull();
    expect(harness.lookups).toEqual([{ url: ALIVE, publishedAt: null, endpoint: 'https://archive.org' }]);

    harness.service.applySettings({
      ...harness.settings,
      archiveLookups: true,
      neverContactThirdParties: true,
    });
    await expect(harness.service.lookupArchive({ url: GONE, publishedTime: null })).rejects.toMatchObject({
      code: 'third-party-disabled',
      message: expect.stringContaining('never contacts third-party services'),
    });
    expect(harness.lookups).toHaveLength(1);
  });
});

describe('CheckService politeness setting', () => {
  it('applies a new global cap with a new checker only once the running checks are done', async () => {
    const { db } = await checksDb();
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const web = new ScriptedWeb().otherwise(() => async () => {
      await gate;
      return html(page('A page', words('page')));
    });
    const harness = makeService(db, web);
    await harness.service.checkCitations(request([ALIVE]));
    const before = harness.service.currentChecker;
    harness.service.applySettings({ ...harness.settings, maxRequests: 3 });
    expect(harness.service.currentChecker).toBe(before);
    release();
    await vi.waitFor(() => expect(harness.service.currentChecker).not.toBe(before));
    expect(harness.checkersMade).toEqual([8, 3]);
    expect(harness.service.currentChecker.scheduler.global).toBe(3);
  });
});
