import { describe, expect, it } from 'vitest';
import { markerSignature } from '../../../core/citation-status/summary';
import type { MarkerItem } from '../../../core/citation-status/types';
import { markerUpdate } from '../../../entrypoints/sidepanel/check-state';

// Issue 10: the page is sent only the markers that changed, not thousands at every verdict.

const item = (n: number, status: MarkerItem['status'] = 'alive'): MarkerItem => ({
  url: `https://s${n}.example/`,
  linkIndexes: [n],
  status,
});
const sentFor = (items: MarkerItem[]) => new Map(items.map((one) => [one.url, markerSignature(one)]));

describe('markerUpdate', () => {
  it('sends everything, replacing, the first time', () => {
    const items = [item(1), item(2)];
    expect(markerUpdate(null, items)).toEqual({ items, replace: true });
  });

  it('then only what changed and what is gone', () => {
    const before = [item(1), item(2), item(3)];
    const after = [item(1), item(2, 'dead'), item(4)];
    expect(markerUpdate(sentFor(before), after)).toEqual({
      items: [item(2, 'dead'), item(4)],
      remove: ['https://s3.example/'],
    });
  });

  it('nothing when nothing changed', () => {
    const items = Array.from({ length: 2000 }, (_, n) => item(n));
    expect(markerUpdate(sentFor(items), items)).toBeNull();
  });
});
