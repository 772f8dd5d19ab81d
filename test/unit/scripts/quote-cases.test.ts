import { describe, expect, it } from 'vitest';
import { generateQuoteCases, type PageText, quotableSentences } from '../../../scripts/bench/quote-cases';
import { scoresFor } from '../../../scripts/bench/quotes';

// Two small pages written for this test; the benchmark itself reads ../shared/corpus/readability.
const pages: PageText[] = [
  {
    page: 'harbour',
    text: `The harbour board said on Tuesday that it would not raise the mooring fees for local fishermen this year.
Board member Alice Martin told reporters the decision was “well-considered” and had been taken after 14 months of talks.
The fishermen's association welcomed the news — its chair, Tom Reilly, called it a fair outcome for everyone involved.
Work on the new pier is expected to begin in March and should be finished before the summer season starts.`,
  },
  {
    page: 'library',
    text: `The city library will open on Sundays from next month, the council announced in a statement on Friday.
Librarian Grace Okafor said the longer hours were "the most requested change" in a survey of 2,300 readers.
The extra opening day will be paid for by savings from the new heating system installed in 2023.
Volunteers from the Friends of the Library group will run a reading hour for children every Sunday morning.`,
  },
];

describe('the quote benchmark’s cases', () => {
  it('are the same for the same seed, and others for another', () => {
    expect(generateQuoteCases(pages, 12)).toEqual(generateQuoteCases(pages, 12));
    expect(generateQuoteCases(pages, 13)).not.toEqual(generateQuoteCases(pages, 12));
  });

  it('quote each page as writers do, misquote it, and borrow another page’s sentence', () => {
    const cases = generateQuoteCases(pages, 12);
    const harbour = cases.filter((item) => item.page === 'harbour');
    expect(new Set(harbour.map((item) => item.edit))).toEqual(
      new Set([
        'verbatim part',
        'curly/straight quotes',
        'elision',
        'insertion',
        'capitalisation',
        'trailing punctuation',
        'hyphen/dash',
        'several of these',
        'number changed',
        'name changed',
        'negation changed',
        'other page',
      ]),
    );
    const sentences = quotableSentences(pages[0]?.text ?? '');
    for (const item of harbour.filter((each) => each.label === 'differs')) {
      expect(sentences).not.toContain(item.quote);
    }
    const other = harbour.find((item) => item.edit === 'other page');
    expect(other?.label).toBe('not-found');
    expect(quotableSentences(pages[1]?.text ?? '')).toContain(other?.quote);
  });

  it('are scored per verdict: precision over what was said, recall over what was labelled', () => {
    const labels = ['found', 'found', 'differs', 'not-found'] as const;
    const said = ['found', 'not-found', 'found', 'not-found'] as const;
    expect(scoresFor('found', labels, said)).toEqual({
      precision: 0.5,
      recall: 0.5,
      predicted: 2,
      labelled: 2,
    });
    expect(scoresFor('not-found', labels, said)).toEqual({
      precision: 0.5,
      recall: 1,
      predicted: 2,
      labelled: 1,
    });
  });
});
