import { describe, expect, it } from 'vitest';
import { selectBenches } from '../../../scripts/bench/index';
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
    expect(selectBenches([]).map((bench) => bench.name)).toEqual(['capture', 'linkcheck', 'snapshot']);
    expect(selectBenches(['linkcheck']).map((bench) => bench.name)).toEqual(['linkcheck']);
  });

  it('says which names exist when asked for one that does not', () => {
    expect(() => selectBenches(['linkchek'])).toThrow(
      /Unknown benchmark "linkchek": choose from capture, linkcheck/,
    );
  });
});
