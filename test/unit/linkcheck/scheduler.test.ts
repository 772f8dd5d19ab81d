import { describe, expect, it } from 'vitest';
import { RequestScheduler, type SchedulePriority } from '../../../core/linkcheck/scheduler';
import { FakeClock, html, page, status, words } from './scripted-web';
import { setup } from './setup';

function harness(options: { perHost: number; global: number }) {
  const clock = new FakeClock();
  const scheduler = new RequestScheduler({ ...options, clock });
  const started: { name: string; at: number }[] = [];
  const request = (host: string, name: string, priority: SchedulePriority = 'normal') =>
    scheduler.run(
      host,
      async () => {
        started.push({ name, at: clock.now() });
        await clock.sleep(100);
      },
      { priority },
    );
  return { clock, scheduler, started, request };
}

describe('which request gets a free slot', () => {
  it('a host cited many times at the end of the list starts at once, so the run ends at the bound', async () => {
    const { clock, request, started } = harness({ perHost: 2, global: 4 });
    // Four requests in flight, so the rest really waits and the choice is the scheduler's.
    const busy = ['x', 'x', 'y', 'y'].map((host, i) => request(host, `busy${i}`));
    const queued = [
      ...['b', 'c', 'd', 'e'].map((host) => request(host, host)),
      ...Array.from({ length: 10 }, (_, i) => request('a', `a${i}`)),
    ];
    await clock.settle(Promise.all([...busy, ...queued]));
    expect(started.filter((s) => s.at === 100).map((s) => s.name)).toEqual(['a0', 'a1', 'b', 'c']);
    // Host a alone needs 5 rounds of 2 after the first round; in arrival order it would start a round late (700).
    expect(clock.now()).toBe(600);
  });

  it('hosts with equal backlogs take turns rather than one host going first with all of its requests', async () => {
    const { clock, request, started } = harness({ perHost: 1, global: 1 });
    const queued = [
      ...[1, 2, 3].map((n) => request('a', `a${n}`)),
      ...[1, 2, 3].map((n) => request('b', `b${n}`)),
    ];
    await clock.settle(Promise.all(queued));
    expect(started.map((s) => s.name)).toEqual(['a1', 'b1', 'a2', 'b2', 'a3', 'b3']);
  });

  it('high goes before normal and low after normal, over all hosts', async () => {
    const { clock, request, started } = harness({ perHost: 2, global: 1 });
    const all = [
      request('a', 'first'),
      request('b', 'probe', 'low'),
      request('c', 'page'),
      request('d', 'retry', 'high'),
    ];
    await clock.settle(Promise.all(all));
    expect(started.map((s) => s.name)).toEqual(['first', 'retry', 'page', 'probe']);
  });

  it('a request cancelled while waiting leaves the queue and the others still run', async () => {
    const { clock, scheduler, request, started } = harness({ perHost: 1, global: 1 });
    const controller = new AbortController();
    const first = request('a', 'a1');
    const cancelled = scheduler.run('a', async () => started.push({ name: 'never', at: 0 }), {
      signal: controller.signal,
    });
    const other = request('b', 'b1');
    controller.abort();
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
    await clock.settle(Promise.all([first, other]));
    expect(started.map((s) => s.name)).toEqual(['a1', 'b1']);
    expect(scheduler.stats.queued).toBe(0);
  });
});

describe('no slot is held while a check waits', () => {
  it('while a dead link waits for its confirming retry, other sites use the slot', async () => {
    const { web, clock, checker } = setup({ delayMs: 100, globalConcurrency: 1 });
    const dead = 'https://gone.example/news/story';
    const others = ['one', 'two', 'three'].map((host) => `https://${host}.example/news/story`);
    web.on(dead, status(404));
    web.otherwise((url) => html(page('x', words(url.href), `<link rel=canonical href="${url.href}">`)));
    const { results } = await clock.settle(checker.run([dead, ...others]).done);
    expect(results.find((r) => r.url === dead)?.status).toBe('dead');
    expect(others.map((url) => web.callsTo(url)[0]?.at)).toEqual([100, 200, 300]);
    // First try 0–100, 500 ms wait, confirmation 600–700; holding the slot through the wait would end at 1000.
    expect(web.callsTo(dead).map((call) => call.at)).toEqual([0, 600]);
    expect(clock.now()).toBe(700);
  });
});

describe('what the checker sends first', () => {
  it("a redirect's target is requested after the other citations' first requests", async () => {
    const { web, clock, checker } = setup({ delayMs: 100, perHostConcurrency: 1 });
    const moved = 'https://news.example/old/123';
    const target = 'https://news.example/2019/05/new-home';
    const others = [1, 2].map((n) => `https://news.example/2019/05/report-${n}`);
    web.on(moved, status(301, { location: target }));
    web.on(target, html(page('New home', words('moved'), `<link rel=canonical href="${target}">`)));
    for (const url of others) web.on(url, html(page('x', words(url), `<link rel=canonical href="${url}">`)));
    const { results } = await clock.settle(checker.run([moved, ...others]).done);
    expect(results.find((r) => r.url === moved)?.status).toBe('redirected');
    expect(others.map((url) => web.callsTo(url)[0]?.at)).toEqual([100, 200]);
    expect(web.callsTo(target).map((call) => call.at)).toEqual([300]);
  });
});
