import { describe, expect, it } from 'vitest';
import { archiveKeyOf } from '../../../core/citation-status/summary';
import type { Citation } from '../../../core/citations/types';
import { markerItems, mergeChecks, NO_CHECKS, statusOf } from '../../../entrypoints/sidepanel/check-state';
import { harbourCitations } from '../components/sample-capture';

const [tag, gazette] = harbourCitations as [Citation, Citation];

describe('the panel’s view of the checks', () => {
  it('keeps the newer state when a reply races an update', () => {
    let known = mergeChecks(NO_CHECKS, { states: [{ key: gazette.url, status: 'dead', revision: 20 }] });
    known = mergeChecks(known, { states: [{ key: gazette.url, status: 'queued', revision: 10 }] });
    expect(statusOf(known, gazette.url)).toBe('dead');
    known = mergeChecks(known, { states: [{ key: gazette.url, status: 'checking', revision: 30 }] });
    expect(statusOf(known, `${gazette.url}#section`)).toBe('checking');
    expect(statusOf(known, tag.url)).toBe('not-checked');
  });

  it('gives markers for verdicts only, with the archived copy before publication for broken ones', () => {
    const published = '2021-05-04';
    const copy = (ts: string) => ({
      url: `https://web.archive.org/web/${ts}/${gazette.url}`,
      timestamp: ts,
      date: '',
      status: '200',
      source: 'availability-api' as const,
    });
    const known = mergeChecks(NO_CHECKS, {
      states: [
        { key: gazette.url, status: 'dead', revision: 1 },
        { key: tag.url, status: 'checking', revision: 1 },
      ],
      archives: [
        {
          key: gazette.url,
          archiveKey: archiveKeyOf(gazette.url, published),
          looking: false,
          revision: 1,
          lookup: {
            url: gazette.url,
            beforePublication: copy('20210301000000'),
            mostRecent: copy('20240101000000'),
            publishedAt: null,
            lookedUpAt: '',
          },
        },
      ],
    });
    expect(markerItems(harbourCitations, known, published)).toEqual([
      {
        url: gazette.url,
        linkIndexes: [6],
        status: 'dead',
        archivedUrl: `https://web.archive.org/web/20210301000000/${gazette.url}`,
      },
    ]);
    // Another article (another date) has its own lookup.
    expect(markerItems(harbourCitations, known, '2019-01-01')[0]?.archivedUrl).toBeUndefined();
  });

  it('marks a source given in a note after its link in the note, not after the note’s markers in the text', () => {
    const given: Citation = {
      ...gazette,
      occurrences: [
        {
          order: 0,
          anchorText: '[1]',
          sentence: 'The wall failed.[1]',
          linkIndex: 3,
          noteRef: 'https://w.example/a#n1',
        },
        {
          order: 1,
          anchorText: '[1]',
          sentence: 'Boats moved.[1]',
          linkIndex: 5,
          noteRef: 'https://w.example/a#n1',
        },
        { order: 2, anchorText: 'the Gazette', sentence: 'As the Gazette said.', linkIndex: 9 },
      ],
      notes: [{ linkIndex: 40, text: 'Gazette, 3 March 2024.' }],
    };
    const known = mergeChecks(NO_CHECKS, { states: [{ key: gazette.url, status: 'alive', revision: 1 }] });
    expect(markerItems([given], known, null).map((item) => item.linkIndexes)).toEqual([[9, 40]]);
  });
});
