import { describe, expect, it } from 'vitest';
import { RATIO_LINE, selectBenches } from '../../../scripts/bench/index';
import { politenessBound } from '../../../scripts/bench/politeness-bound';

describe('the politeness lower bound printed by the link-check benchmark', () => {
  it('300 citations on 60 hosts at 8 in all: the article, then 38 rounds of 100 ms', () => {
    const bound = politenessBound({
      requestsByHost: new Array(60).fill(5),
      global: 8,
      perHost: 2,
      delayMs: 100,
      leadingRounds: 1,
    });
    expect(bound).toMatchObject({ ms: 3900, requests: 300, globalRounds: 38, hostRounds: 3 });
  });

  it('a busy host sets the bound when 2 at a time take longer than the global cap', () => {
    const bound = politenessBound({ requestsByHost: [9, 1, 1], global: 8, perHost: 2, delayMs: 100 });
    expect(bound).toMatchObject({ ms: 500, globalRounds: 2, hostRounds: 5 });
  });
});

describe('npm run bench', () => {
  it('runs every benchmark, or the ones named, in the listed order', () => {
    expect(selectBenches([]).map((bench) => bench.name)).toEqual([
      'capture',
      'linkcheck',
      'snapshot',
      'panel',
      'panel-memory',
      'watch-storage',
      'quotes',
      'changes',
      'fragments',
    ]);
    expect(selectBenches(['linkcheck']).map((bench) => bench.name)).toEqual(['linkcheck']);
  });

  it('says which names exist when asked for one that does not', () => {
    expect(() => selectBenches(['linkchek'])).toThrow(
      /Unknown benchmark "linkchek": choose from capture, linkcheck/,
    );
  });

  it('collects every closing line of each benchmark for the summary, and nothing else', () => {
    for (const line of [
      'capture/readability median ratio: 1.06',
      'cited/linkinator time ratio: 0.98',
      'cited/singlefile size ratio (median): 0.97',
      'watch storage/budget size ratio: 0.62',
      'images kept: cited 222, singlefile 144 (pages where cited keeps fewer: 0)',
      'panel longest task ms at 2000 citations: 41.3',
      'worker heap growth over 10 opens: 0.12 MB',
      'quote check found precision 0.999 recall 1.000',
      'source change verdicts correct 344/345',
      'show in source links made 422/448, longest page ms 2449.3',
    ])
      expect(line).toMatch(RATIO_LINE);
    for (const line of [
      '  cited          5637 ms  417 requests',
      'ratio of things: many',
      'panel  2000 citations: first row 2410 ms',
      'panel heap growth over 10 opens: 0.40 MB',
      'ms per page (parse, take in, generate): median 430.9, p95 1502.2, longest 2449.3 (archive-of-our-own)',
      '',
    ])
      expect(line).not.toMatch(RATIO_LINE);
  });
});
