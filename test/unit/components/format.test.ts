import { describe, expect, it } from 'vitest';
import {
  FORMAT_STEPS,
  formatPublished,
  leadIn,
  readingMinutes,
  splitAroundAnchor,
} from '../../../components/format';

describe('formatPublished', () => {
  it('keeps a calendar date on its day in every time zone', () => {
    expect(formatPublished('2017-08-04', 'en-GB')).toEqual({ datetime: '2017-08-04', text: '4 Aug 2017' });
  });

  it('formats full timestamps and refuses nonsense', () => {
    expect(formatPublished('2017-08-04T12:00:00Z', 'en-US')?.text).toBe('Aug 4, 2017');
    expect(formatPublished('yesterday', 'en-US')).toBeNull();
    expect(formatPublished(null)).toBeNull();
  });

  it('keeps calendar dates and timestamps apart once their formatters are made ahead (the panel makes them idle)', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      for (const step of FORMAT_STEPS) step('en-GB');
      // 02:00 UTC on the 4th is still the 3rd in Los Angeles; the calendar date stays the 4th.
      expect(formatPublished('2017-08-04T02:00:00Z', 'en-GB')?.text).toBe('3 Aug 2017');
      expect(formatPublished('2017-08-04', 'en-GB')?.text).toBe('4 Aug 2017');
      expect(formatPublished('2017-08-04T02:00:00Z', 'en-GB')?.text).toBe('3 Aug 2017');
    } finally {
      process.env.TZ = zone;
    }
  });
});

describe('readingMinutes', () => {
  it('rounds to whole minutes and never says zero', () => {
    expect(readingMinutes(40)).toBe(1);
    expect(readingMinutes(690)).toBe(3);
  });
});

describe('splitAroundAnchor', () => {
  it('finds the anchor text in the sentence, whatever its case and spacing', () => {
    expect(splitAroundAnchor('Read the BKA statement.', 'the  bka')).toEqual({
      before: 'Read ',
      anchor: 'the BKA',
      after: ' statement.',
    });
    expect(splitAroundAnchor('No link words here.', 'elsewhere')).toBeNull();
    expect(splitAroundAnchor('An image link.', '')).toBeNull();
  });
});

describe('leadIn', () => {
  it('keeps short lead-ins and cuts long ones at a word, from the end', () => {
    expect(leadIn('As the Gazette ')).toBe('As the Gazette ');
    const long = `${'word '.repeat(40)}and finally the council `;
    const cut = leadIn(long, 30);
    expect(cut.startsWith('…')).toBe(true);
    expect(cut.endsWith('and finally the council ')).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(31);
    expect(cut.slice(1, 2)).not.toBe(' ');
  });
});
