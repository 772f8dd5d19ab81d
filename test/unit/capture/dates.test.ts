import { describe, expect, it } from 'vitest';
import { normalizeDate } from '../../../core/capture/metadata/dates';

describe('normalizeDate', () => {
  it.each([
    ['2017-08-04', '2017-08-04'],
    ['2017-8-4', '2017-08-04'],
    ['2017/08/04', '2017-08-04'],
    ['20170804', '2017-08-04'],
    ['August 4, 2017', '2017-08-04'],
    ['Aug. 4, 2017', '2017-08-04'],
    ['Friday, August 4, 2017', '2017-08-04'],
    ['4 August 2017', '2017-08-04'],
    ['04 Aug 2017', '2017-08-04'],
  ])('gives a day for %s', (raw, expected) => {
    expect(normalizeDate(raw)).toBe(expected);
  });

  it('keeps the offset a page gives, so the day a reader sees does not move', () => {
    expect(normalizeDate('2017-08-04T00:30:00+02:00')).toBe('2017-08-04T00:30:00+02:00');
    expect(normalizeDate('2017-08-04T00:30+0200')).toBe('2017-08-04T00:30:00+02:00');
    expect(normalizeDate('2024-04-20T04:20:00.000Z')).toBe('2024-04-20T04:20:00.000Z');
    expect(normalizeDate('2017-08-04 09:15:00')).toBe('2017-08-04T09:15:00');
  });

  it('turns RFC 2822 dates and epoch seconds into UTC timestamps', () => {
    expect(normalizeDate('Fri, 04 Aug 2017 10:00:00 GMT')).toBe('2017-08-04T10:00:00.000Z');
    expect(normalizeDate('1501840800')).toBe('2017-08-04T10:00:00.000Z');
  });

  it('rejects what is not a date', () => {
    expect(normalizeDate('')).toBeNull();
    expect(normalizeDate('yesterday')).toBeNull();
    expect(normalizeDate('2017-02-30')).toBeNull();
    expect(normalizeDate('2017-13-01T10:00:00Z')).toBeNull();
    expect(normalizeDate(null)).toBeNull();
  });
});
