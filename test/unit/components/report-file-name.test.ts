import { describe, expect, it } from 'vitest';
import { reportFileName, titleSlug } from '../../../components/report-file-name';

const day = new Date(2026, 2, 12, 23, 30);

describe('report file names', () => {
  it('name the file after the article and the day', () => {
    expect(
      reportFileName(
        { title: 'BKA Arrests 67 Suspects in a Child Porn Bust', url: 'https://x.example/' },
        day,
        'json',
      ),
    ).toBe('cited-report-bka-arrests-67-suspects-in-a-child-porn-bust-2026-03-12.json');
  });

  it('keep letters of any language and drop accents and reserved characters', () => {
    expect(titleSlug('Zürich: “Fähren” <fallen> aus / 50%?')).toBe('zurich-fahren-fallen-aus-50');
    expect(titleSlug('東京の渡し船、運休へ')).toBe('東京の渡し船-運休へ');
    expect(titleSlug('...')).toBe('');
  });

  it('cut long titles at a word, within 60 characters', () => {
    const slug = titleSlug(
      'Harbour swim tests stopped for seven weeks while the county lab contract lapsed, records show',
    );
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toBe('harbour-swim-tests-stopped-for-seven-weeks-while-the-county');
  });

  it('fall back to the site when the title gives nothing', () => {
    expect(reportFileName({ title: '', url: 'https://www.gazette.example/story' }, day, 'csv')).toBe(
      'cited-report-gazette-example-2026-03-12.csv',
    );
    expect(reportFileName({ title: '', url: 'not a url' }, day, 'md')).toBe(
      'cited-report-article-2026-03-12.md',
    );
  });
});
