import { describe, expect, it } from 'vitest';
import { RequestScheduler } from '../../../core/linkcheck/scheduler';
import { MemoryCheckStore } from '../../../core/linkcheck/store';
import type { CheckResult } from '../../../core/linkcheck/types';
import { FakeClock, html, page, status, words } from './scripted-web';
import { PROBE, setup } from './setup';

const article = (host: string, n: number) => `https://${host}/news/story-${n}`;

describe('politeness', () => {
  it('never has more than 2 requests in flight to one host', async () => {
    const { web, clock, checker } = setup({ delayMs: 100 });
    web.otherwise((url) =>
      PROBE.test(url.pathname) ? status(404) : html(page(url.pathname, words(url.pathname))),
    );
    const urls = Array.from({ length: 10 }, (_, i) => article('one.example', i));
    const { results } = await clock.settle(checker.run(urls).done);
    expect(results).toHaveLength(10);
    expect(web.maxInFlightByHost.get('one.example')).toBe(2);
    // 10 pages + 1 probe, two at a time, 100 ms each.
    expect(clock.now()).toBe(600);
  });

  it('respects the global cap across many hosts, using it fully', async () => {
    const { web, clock, checker } = setup({ delayMs: 100, globalConcurrency: 4 });
    web.otherwise((url) =>
      PROBE.test(url.pathname)
        ? status(404)
        : html(page('x', words(url.href), `<link rel=canonical href="${url.href}">`)),
    );
    const urls = Array.from({ length: 20 }, (_, i) => article(`h${i % 10}.example`, i));
    await clock.settle(checker.run(urls).done);
    expect(web.maxInFlight).toBe(4);
    expect(web.maxInFlightPerHost).toBeLessThanOrEqual(2);
    expect(clock.now()).toBe(500);
  });

  it('a configurable per-host limit', async () => {
    const { web, clock, checker } = setup({ delayMs: 100, perHostConcurrency: 1 });
    web.otherwise((url) => html(page('x', words(url.href), `<link rel=canonical href="${url.href}">`)));
    await clock.settle(
      checker.run([article('a.example', 1), article('a.example', 2), article('a.example', 3)]).done,
    );
    expect(web.maxInFlightPerHost).toBe(1);
  });

  it('the scheduler gives a free slot to a waiting request of another host rather than idling', async () => {
    const clock = new FakeClock();
    const scheduler = new RequestScheduler({ perHost: 1, global: 2, clock });
    const order: string[] = [];
    const task = (name: string) => async () => {
      order.push(name);
      await clock.sleep(100);
    };
    const all = Promise.all([
      scheduler.run('a', task('a1')),
      scheduler.run('a', task('a2')),
      scheduler.run('b', task('b1')),
    ]);
    await clock.settle(all);
    expect(order.slice(0, 2)).toEqual(['a1', 'b1']);
    expect(clock.now()).toBe(200);
  });
});

describe('dedupe and caching', () => {
  it('the same URL asked twice in one run, or with another fragment, is requested once', async () => {
    const { web, clock, checker } = setup();
    web.on(article('d.example', 1), html(page('x', words('x'))));
    const url = article('d.example', 1);
    const { results } = await clock.settle(checker.run([url, url, `${url}#section-2`]).done);
    expect(web.callsTo(url)).toHaveLength(1);
    expect(results.map((result) => result.url).sort()).toEqual([url, `${url}#section-2`].sort());
    expect(new Set(results.map((result) => result.status))).toEqual(new Set(['alive']));
  });

  it('two runs at once (two tabs citing the same URL) share one check', async () => {
    const { web, clock, checker } = setup({ delayMs: 100 });
    const url = article('d.example', 2);
    web.on(url, html(page('x', words('x'))));
    const [a, b] = await clock.settle(Promise.all([checker.check(url), checker.check(url)]));
    expect(a.status).toBe('alive');
    expect(b.status).toBe('alive');
    expect(web.callsTo(url)).toHaveLength(1);
  });

  it('a fresh stored verdict is reused; "force" re-checks', async () => {
    const { web, clock, checker } = setup();
    const url = article('c.example', 1);
    web.on(url, html(page('x', words('x'))));
    await clock.settle(checker.check(url));
    const infos: boolean[] = [];
    await clock.settle(checker.run([url], { onResult: (_r, info) => infos.push(info.cached) }).done);
    expect(web.callsTo(url)).toHaveLength(1);
    await clock.settle(
      checker.run([url], { force: true, onResult: (_r, info) => infos.push(info.cached) }).done,
    );
    expect(web.callsTo(url)).toHaveLength(2);
    expect(infos).toEqual([true, false]);
  });

  it('alive verdicts stay fresh for a day, others for an hour', async () => {
    const { web, clock, checker } = setup({ retry: { deadConfirmDelayMs: 0 } });
    const alive = article('t.example', 1);
    const gone = article('t.example', 2);
    web.on(alive, html(page('x', words('x'), `<link rel=canonical href="${alive}">`)));
    web.on(gone, status(404));
    await clock.settle(checker.run([alive, gone]).done);
    expect(web.calls).toHaveLength(3);
    await clock.settle(clock.sleep(2 * 60 * 60 * 1000));
    await clock.settle(checker.run([alive, gone]).done);
    expect(web.callsTo(alive)).toHaveLength(1);
    expect(web.callsTo(gone)).toHaveLength(4);
    await clock.settle(clock.sleep(24 * 60 * 60 * 1000));
    await clock.settle(checker.run([alive]).done);
    expect(web.callsTo(alive)).toHaveLength(2);
  });

  it('one probe serves every citation of a folder, concurrent ones included', async () => {
    const { web, clock, checker } = setup({ delayMs: 100 });
    web.otherwise((url) =>
      PROBE.test(url.pathname) ? status(404) : html(page(url.pathname, words(url.pathname))),
    );
    const urls = [1, 2, 3, 4].map((n) => article('p.example', n));
    urls.push('https://p.example/sport/match-report');
    const { results } = await clock.settle(checker.run(urls).done);
    const probes = web.callsTo(PROBE).map((call) => new URL(call.url).pathname.replace(/[a-z]{25}/, '*'));
    expect(probes.sort()).toEqual(['/news/*', '/sport/*']);
    expect(results.filter((result) => result.evidence.probe?.cached)).toHaveLength(3);
  });
});

describe('streaming, progress and cancellation', () => {
  it('streams results as each completes, through the callback and the async iterator', async () => {
    const { web, clock, checker } = setup({ delayMs: 100 });
    web.on(article('s.example', 1), html(page('x', words('one'))));
    web.on(article('s.example', 2), status(403));
    web.on(article('s.example', 3), status(410));
    const seen: string[] = [];
    const progress: number[] = [];
    const run = checker.run([1, 2, 3].map((n) => article('s.example', n)).concat('mailto:x@example.org'), {
      onResult: (result) => seen.push(result.status),
      onProgress: (p) => progress.push(p.done),
    });
    const iterated: CheckResult[] = [];
    const consume = (async () => {
      for await (const result of run) iterated.push(result);
    })();
    const summary = await clock.settle(run.done);
    await consume;
    expect(seen).toEqual(['skipped', 'blocked', 'alive', 'dead']);
    expect(iterated.map((result) => result.status)).toEqual(seen);
    expect(summary.progress).toMatchObject({ total: 4, done: 4, checking: 0, queued: 0 });
    expect(summary.progress.byStatus).toMatchObject({ alive: 1, blocked: 1, dead: 1, skipped: 1 });
    expect(progress.at(-1)).toBe(4);
  });

  it('reports when each URL starts being checked', async () => {
    const { web, clock, checker } = setup({ delayMs: 100, perHostConcurrency: 1 });
    web.otherwise((url) => html(page('x', words(url.href), `<link rel=canonical href="${url.href}">`)));
    const checking: [string, number][] = [];
    await clock.settle(
      checker.run([article('q.example', 1), article('q.example', 2)], {
        onChecking: (url) => checking.push([url, clock.now()]),
      }).done,
    );
    expect(checking).toEqual([
      [article('q.example', 1), 0],
      [article('q.example', 2), 100],
    ]);
  });

  it('cancelling stops the run and leaves the rest on the queue; resume finishes it without repeating anything', async () => {
    const store = new MemoryCheckStore();
    const { web, clock, checker } = setup({ delayMs: 100, perHostConcurrency: 1, store });
    web.otherwise((url) => html(page('x', words(url.href), `<link rel=canonical href="${url.href}">`)));
    const urls = [1, 2, 3, 4].map((n) => article('r.example', n));
    const controller = new AbortController();
    const run = checker.run(urls, { signal: controller.signal });
    await clock.settle(clock.sleep(150));
    controller.abort();
    const summary = await clock.settle(run.done);
    expect(summary.cancelled).toBe(true);
    expect(summary.results.map((result) => result.url)).toEqual([urls[0]]);
    expect((await store.pending()).map((item) => item.url)).toEqual(urls.slice(1));

    // A new worker: same store, new checker.
    const { web: web2, clock: clock2, checker: checker2 } = setup({ delayMs: 100, store });
    web2.otherwise((url) => html(page('x', words(url.href), `<link rel=canonical href="${url.href}">`)));
    const resumed = await clock2.settle(checker2.resume().done);
    expect(resumed.results.map((result) => result.url).sort()).toEqual(urls.slice(1).sort());
    expect(web2.callsTo(urls[0] as string)).toHaveLength(0);
    expect(await store.pending()).toEqual([]);
    const again = await clock2.settle(checker2.run(urls).done);
    expect(again.progress.cached).toBe(4);
    expect(web.calls.length + web2.calls.length).toBe(4 + 1);
  });
});
