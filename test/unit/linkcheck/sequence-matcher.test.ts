import { describe, expect, it } from 'vitest';
import {
  quickRatio,
  realQuickRatio,
  sequenceRatio,
  similarityAtLeast,
} from '../../../core/linkcheck/sequence-matcher';

const split = (text: string) => (text === '' ? [] : text.split(' '));

// Expected values computed with Python 3.11: difflib.SequenceMatcher(None, a.split(), b.split()).ratio()
describe('sequenceRatio matches Python difflib', () => {
  it.each([
    ['the cat sat on the mat', 'the cat sat on a mat', 0.8333333333333334],
    ['a b c d e f g', 'g f e d c b a', 0.14285714285714285],
    ['', '', 1],
    ['one two three', '', 0],
    ['x y z x y z x y z', 'x y z', 0.5],
    [
      'private property seized by the fbi notice notice',
      'private property seized by the fbi notice',
      0.9333333333333333,
    ],
  ])('%s / %s', (a, b, expected) => {
    expect(sequenceRatio(split(a), split(b))).toBeCloseTo(expected, 12);
  });

  it('applies difflib auto-junk to tokens making up more than 1% of a 200+ token page', () => {
    const a = Array.from({ length: 300 }, (_, i) => `w${(i * 7) % 40}`);
    const b = a.map((token, i) => (i % 13 === 0 ? `zz${i}` : token));
    expect(sequenceRatio(a, b)).toBe(0);
  });

  it('finds moved and deleted blocks in long pages', () => {
    const a = Array.from({ length: 500 }, (_, i) => `t${i}`);
    const b = [
      ...a.slice(0, 100),
      ...Array.from({ length: 20 }, (_, i) => `new${i}`),
      ...a.slice(130, 400),
      ...a.slice(420),
    ];
    expect(sequenceRatio(a, b)).toBeCloseTo(0.9278350515463918, 12);
  });
});

describe('cheap upper bounds', () => {
  it('never underestimate the full ratio', () => {
    const a = split('one two three four five six seven');
    const b = split('seven six one two three eight');
    const full = sequenceRatio(a, b);
    expect(quickRatio(a, b)).toBeGreaterThanOrEqual(full);
    expect(realQuickRatio(a, b)).toBeGreaterThanOrEqual(quickRatio(a, b));
  });

  it('stop early on clearly different pages and give the exact ratio on near-identical ones', () => {
    const long = Array.from({ length: 4000 }, (_, i) => `w${i}`);
    const short = long.slice(0, 100);
    expect(similarityAtLeast(long, short, 0.95)).toBeLessThan(0.95);
    const nearly = [...long.slice(0, 3990), 'changed'];
    expect(similarityAtLeast(long, nearly, 0.95)).toBeCloseTo(sequenceRatio(long, nearly), 12);
  });
});
