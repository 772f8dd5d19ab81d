import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../../core/linkcheck/types';
import { html, page, status, words } from './scripted-web';
import { PROBE, setup } from './setup';

// Bar-Yossef step 3 asks whether a folder answers addresses it has no page for with a real 404. A cited
// address of the same folder that answers 404 twice has answered that already (core/linkcheck/soft404.ts).

const FOLDER = 'https://harbour.example/news/2017';
const story = (name: string) => `${FOLDER}/${name}`;
const canonical = (url: string) => html(page('Story', words(url), `<link rel="canonical" href="${url}">`));

function byUrl(results: CheckResult[]): Map<string, CheckResult> {
  return new Map(results.map((result) => [result.url, result]));
}

describe("a cited address's confirmed 404 stands in for the probe of its folder", () => {
  it('no probe is sent; the page is alive on the evidence of the other citation, and says so', async () => {
    const { web, clock, checker } = setup({ delayMs: 100 });
    const alive = story('council-votes');
    const gone = story('ferry-timetable');
    web.on(alive, html(page('Council votes', words('council'))));
    web.on(gone, status(404, { 'content-type': 'text/html' }, page('Not found', words('nf'))));
    const results = byUrl((await clock.settle(checker.run([alive, gone]).done)).results);
    expect(results.get(gone)?.status).toBe('dead');
    expect(results.get(alive)?.status).toBe('alive');
    expect(web.callsTo(PROBE)).toHaveLength(0);
    expect(results.get(alive)?.evidence.probe).toMatchObject({
      verdict: 'honest-404',
      fromCitation: true,
      url: gone,
      httpStatus: 404,
    });
    expect(results.get(alive)?.reason).toMatch(
      /Another cited address in the same folder gets a real “not found”/,
    );
  });

  it('a probe waiting in the queue when the confirmation lands is never sent, and its pages get their verdict then', async () => {
    const { web, clock, checker } = setup({ delayMs: 100, perHostConcurrency: 1 });
    const alive = story('council-votes');
    const gone = story('ferry-timetable');
    const more = Array.from({ length: 10 }, (_, i) => story(`report-${i}`));
    web.on(alive, html(page('Council votes', words('council'))));
    web.on(gone, status(404));
    for (const url of more) web.on(url, canonical(url));
    const at = new Map<string, number>();
    await clock.settle(
      checker.run([alive, gone, ...more], { onResult: (result) => at.set(result.url, clock.now()) }).done,
    );
    expect(web.callsTo(PROBE)).toHaveLength(0);
    // The page waiting for the probe gets its verdict with the confirmation, while other citations still run:
    // 1 + 1 + 10 requests and the confirmation, one at a time, with no idle slot and no probe.
    expect(at.get(alive)).toBe(at.get(gone));
    expect(at.get(alive)).toBeLessThan(clock.now() - 300);
    expect(clock.now()).toBe(1300);
  });

  it("a folder's probe is sent after the citations' own first requests, which may make it unnecessary", async () => {
    const { web, clock, checker } = setup({ delayMs: 100, perHostConcurrency: 1 });
    const alive = story('council-votes');
    const others = [1, 2, 3].map((n) => story(`report-${n}`));
    web.on(alive, html(page('Council votes', words('council'))));
    for (const url of others) web.on(url, canonical(url));
    await clock.settle(checker.run([alive, ...others]).done);
    expect(web.callsTo(PROBE).map((call) => call.at)).toEqual([400]);
  });

  it('a probe already sent is kept: it is the better evidence, and its page does not wait for the confirmation', async () => {
    const { web, clock, checker } = setup({ delayMs: 100 });
    const alive = story('council-votes');
    const slow = story('ferry-timetable');
    web.on(alive, html(page('Council votes', words('council'))));
    // Its 404 arrives after the probe of the folder has gone out.
    web.on(slow, async () => {
      await clock.sleep(50);
      return status(404);
    });
    const at = new Map<string, number>();
    const { results } = await clock.settle(
      checker.run([alive, slow], { onResult: (result) => at.set(result.url, clock.now()) }).done,
    );
    expect(web.callsTo(PROBE)).toHaveLength(1);
    expect(byUrl(results).get(alive)?.evidence.probe?.fromCitation).toBeUndefined();
    expect(at.get(alive)).toBe(200);
    expect(at.get(slow)).toBeGreaterThan(600);
  });

  it('a 410 is not taken: the site knows that address, which says nothing about names it never had', async () => {
    const { web, clock, checker } = setup({ delayMs: 100 });
    const alive = story('council-votes');
    const removed = story('ferry-timetable');
    web.on(alive, html(page('Council votes', words('council'))));
    web.on(removed, status(410));
    const results = byUrl((await clock.settle(checker.run([alive, removed]).done)).results);
    expect(results.get(removed)?.status).toBe('dead');
    expect(web.callsTo(PROBE)).toHaveLength(1);
    expect(results.get(alive)?.evidence.probe?.fromCitation).toBeUndefined();
  });

  it('a 404 that answers on the retry is no evidence: the page waits for a real probe (and nothing hangs)', async () => {
    const { web, clock, checker } = setup({ delayMs: 100 });
    const alive = story('council-votes');
    const glitch = story('ferry-timetable');
    web.on(alive, html(page('Council votes', words('council'))));
    web.on(glitch, status(404), html(page('Ferry timetable', words('ferry'))));
    const results = byUrl((await clock.settle(checker.run([alive, glitch]).done)).results);
    expect(results.get(glitch)?.status).toBe('alive');
    expect(results.get(alive)?.status).toBe('alive');
    expect(web.callsTo(PROBE)).toHaveLength(1);
    expect(results.get(alive)?.evidence.probe?.fromCitation).toBeUndefined();
  });

  it('when the check of the 404 is cancelled before its confirmation, the waiting page sends the probe itself', async () => {
    const { web, clock, checker } = setup({ delayMs: 100 });
    const alive = story('council-votes');
    const gone = story('ferry-timetable');
    web.on(alive, html(page('Council votes', words('council'))));
    web.on(gone, status(404));
    const controller = new AbortController();
    const cancelled = checker.run([gone], { signal: controller.signal });
    const waiting = checker.run([alive]);
    await clock.settle(clock.sleep(300));
    controller.abort();
    const [{ results }, summary] = await clock.settle(Promise.all([waiting.done, cancelled.done]));
    expect(summary.cancelled).toBe(true);
    expect(results[0]?.status).toBe('alive');
    expect(web.callsTo(PROBE).map((call) => call.at)).toEqual([300]);
  });

  it('a 404 of another folder, a redirected 404 or a 404 with a query is not taken', async () => {
    const { web, clock, checker } = setup({ delayMs: 100 });
    const alive = story('council-votes');
    const otherFolder = 'https://harbour.example/sport/2017/regatta';
    const withQuery = `${FOLDER}/article?id=7`;
    const movedAway = story('old-address');
    web.on(alive, html(page('Council votes', words('council'))));
    web.on(otherFolder, status(404));
    web.on(withQuery, status(404));
    web.on(movedAway, status(301, { location: `${FOLDER}/new-address` }));
    web.on(`${FOLDER}/new-address`, status(404));
    const results = byUrl(
      (await clock.settle(checker.run([alive, otherFolder, withQuery, movedAway]).done)).results,
    );
    expect(results.get(alive)?.status).toBe('alive');
    expect(results.get(alive)?.evidence.probe?.fromCitation).toBeUndefined();
    expect(web.callsTo(PROBE)).toHaveLength(1);
  });

  it('a page that is the very not-found page the other citation got, served with 200, is still a soft 404', async () => {
    const { web, clock, checker } = setup({ delayMs: 100 });
    // A site that answers 404 for the removed article but 200, with the same notice, for the other one.
    const notice = page('Harbour News', `We looked everywhere for this story. ${words('sorry')}`);
    const soft = story('council-votes');
    const hard = story('ferry-timetable');
    web.on(soft, html(notice));
    web.on(hard, status(404, { 'content-type': 'text/html' }, notice));
    const results = byUrl((await clock.settle(checker.run([soft, hard]).done)).results);
    expect(results.get(soft)?.status).toBe('soft-404');
    expect(results.get(soft)?.evidence.probe).toMatchObject({ verdict: 'similar', fromCitation: true });
    expect(results.get(soft)?.reason).toMatch(/“not found” page of another cited address in the same folder/);
  });
});
