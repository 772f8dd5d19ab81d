import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../../entrypoints/library/route';

describe('the library’s address', () => {
  it('opens a snapshot in the view the fragment names, and the list otherwise', () => {
    expect(parseRoute('')).toEqual({ kind: 'list' });
    expect(parseRoute('#/')).toEqual({ kind: 'list' });
    expect(parseRoute('#/snapshot/3f2a-1')).toEqual({ kind: 'snapshot', id: '3f2a-1', tab: 'page' });
    expect(parseRoute('#/snapshot/3f2a-1/reader')).toEqual({ kind: 'snapshot', id: '3f2a-1', tab: 'reader' });
    expect(parseRoute('#/snapshot/3f2a-1/details')).toEqual({
      kind: 'snapshot',
      id: '3f2a-1',
      tab: 'details',
    });
    expect(parseRoute('#/snapshot/a%20b')).toEqual({ kind: 'snapshot', id: 'a b', tab: 'page' });
    expect(parseRoute('#/snapshot/x/unknown')).toEqual({ kind: 'list' });
    expect(parseRoute('#/snapshot/%E0%A4%A')).toEqual({ kind: 'list' });
  });
});
