import { describe, expect, it } from 'vitest';
import { chooseCandidate, evaluateSizes, mediaMatches, parseSrcset } from '../../../core/snapshot/srcset';

describe('srcset parsing (HTML algorithm)', () => {
  it('keeps commas inside URLs and reads descriptors', () => {
    expect(
      parseSrcset(
        'https://i.example/c_fill,w_320/a.jpg 320w, https://i.example/c_fill,w_640/a.jpg 640w,b.jpg 2x',
      ),
    ).toEqual([
      { url: 'https://i.example/c_fill,w_320/a.jpg', descriptor: '320w', width: 320 },
      { url: 'https://i.example/c_fill,w_640/a.jpg', descriptor: '640w', width: 640 },
      { url: 'b.jpg', descriptor: '2x', density: 2 },
    ]);
  });

  it('drops candidates with invalid descriptors and tolerates stray commas and whitespace', () => {
    expect(parseSrcset(' ,a.jpg 1x, b.jpg 2q , c.jpg,\n d.jpg 1.5x ').map((c) => c.url)).toEqual([
      'a.jpg',
      'c.jpg',
      'd.jpg',
    ]);
  });
});

describe('media queries and sizes for a 1280×800 screen at DPR 1', () => {
  it('evaluates the features image markup uses', () => {
    expect(mediaMatches('(min-width: 1024px)')).toBe(true);
    expect(mediaMatches('(max-width: 600px)')).toBe(false);
    expect(mediaMatches('screen and (min-width: 40em)')).toBe(true);
    expect(mediaMatches('print')).toBe(false);
    expect(mediaMatches('(max-width: 600px), (orientation: landscape)')).toBe(true);
    expect(mediaMatches('not all and (min-width: 2000px)')).toBe(true);
    expect(mediaMatches('(width >= 1200px)')).toBe(true);
    expect(mediaMatches('(min-resolution: 2dppx)')).toBe(false);
    expect(mediaMatches('(prefers-color-scheme: dark)')).toBe(false);
  });

  it('takes the first matching sizes entry, viewport width otherwise', () => {
    expect(evaluateSizes('(max-width: 600px) 100vw, (max-width: 1400px) 50vw, 700px')).toBe(640);
    expect(evaluateSizes('calc(100vw - 80px)')).toBe(1200);
    expect(evaluateSizes(null)).toBe(1280);
    expect(evaluateSizes('auto, 300px')).toBe(300);
  });
});

describe('choosing a candidate', () => {
  it('picks the smallest density at least 1, the densest when none reaches it', () => {
    expect(chooseCandidate('a.jpg 320w, b.jpg 640w, c.jpg 1280w', '600px', null)?.url).toBe('b.jpg');
    expect(chooseCandidate('a.jpg 320w, b.jpg 640w, c.jpg 1280w', '700px', null)?.url).toBe('c.jpg');
    expect(chooseCandidate('a.jpg 320w, b.jpg 640w', '700px', null)?.url).toBe('b.jpg');
    expect(chooseCandidate('a.jpg 200w, b.jpg 300w', null, null)?.url).toBe('b.jpg');
    expect(chooseCandidate('a.jpg 1x, b.jpg 2x', null, 'c.jpg')?.url).toBe('a.jpg');
  });

  it('counts src as 1x only when the set has no 1x and no width descriptors', () => {
    expect(chooseCandidate('b.jpg 2x', null, 'a.jpg')).toEqual({
      url: 'a.jpg',
      descriptor: '',
      usesSizes: false,
    });
    expect(chooseCandidate('b.jpg 800w', '400px', 'a.jpg')?.url).toBe('b.jpg');
    expect(chooseCandidate(null, null, 'a.jpg')?.url).toBe('a.jpg');
    expect(chooseCandidate('', null, '')).toBeNull();
  });
});
