import { describe, expect, it } from 'vitest';
import {
  AUTOMATIC_CHECK_LIMIT,
  automaticShare,
  besideLinks,
  checkOrder,
} from '../../../core/check-run/check-order';
import { citation } from '../components/sample-capture';

const cited = (url: string, relation: 'external' | 'same-site') =>
  citation(url, relation, [{ anchorText: url, sentence: `See ${url}.`, linkIndex: 0 }]);

describe('checkOrder', () => {
  it('checks the external sources first, in reading order, then the outlet’s own pages', () => {
    const citations = [
      cited('https://outlet.example/earlier-report', 'same-site'),
      cited('https://court.example/ruling', 'external'),
      cited('https://outlet.example/tag/courts', 'same-site'),
      cited('https://agency.example/data', 'external'),
    ];
    expect(checkOrder(citations)).toEqual([
      'https://court.example/ruling',
      'https://agency.example/data',
      'https://outlet.example/earlier-report',
      'https://outlet.example/tag/courts',
    ]);
  });

  it('checks what was on the reader’s screen first, whatever its relation', () => {
    const citations = [
      cited('https://court.example/ruling', 'external'),
      { ...cited('https://outlet.example/earlier-report', 'same-site'), onScreen: true as const },
      cited('https://agency.example/data', 'external'),
      { ...cited('https://registry.example/filing', 'external'), onScreen: true as const },
    ];
    expect(checkOrder(citations)).toEqual([
      'https://outlet.example/earlier-report',
      'https://registry.example/filing',
      'https://court.example/ruling',
      'https://agency.example/data',
    ]);
  });

  it('checks the archived copy and DOI / PMID links a reference gives right after its source, once each', () => {
    const journal = {
      ...cited('https://journal.example/article', 'external'),
      reference: {
        archive: { url: 'https://web.archive.org/web/2019/https://journal.example/article' },
        identifiers: [
          { scheme: 'doi' as const, id: '10.5555/x', url: 'https://doi.org/10.5555/x' },
          { scheme: 'pmid' as const, id: '123', url: 'https://pubmed.ncbi.nlm.nih.gov/123/' },
          {
            scheme: 'isbn' as const,
            id: '978-0',
            url: 'https://wiki.example/wiki/Special:BookSources/978-0',
          },
        ],
      },
    };
    const citations = [
      journal,
      cited('https://agency.example/data', 'external'),
      cited('https://doi.org/10.5555/x', 'external'),
    ];
    expect(checkOrder(citations)).toEqual([
      'https://journal.example/article',
      'https://web.archive.org/web/2019/https://journal.example/article',
      'https://doi.org/10.5555/x',
      'https://pubmed.ncbi.nlm.nih.gov/123/',
      'https://agency.example/data',
    ]);
    // The DOI link is also cited in the text, so it counts as a citation; the copy and the PMID link do not.
    expect(besideLinks(citations)).toEqual([
      'https://web.archive.org/web/2019/https://journal.example/article',
      'https://pubmed.ncbi.nlm.nih.gov/123/',
    ]);
  });
});

describe('automaticShare', () => {
  it('checks up to the limit at once and leaves the rest for the reader to ask for, in order', () => {
    const order = Array.from({ length: 5_000 }, (_, i) => `https://s${i}.example/`);
    const { now, onRequest } = automaticShare(order);
    expect(now).toHaveLength(AUTOMATIC_CHECK_LIMIT);
    expect(onRequest).toHaveLength(5_000 - AUTOMATIC_CHECK_LIMIT);
    expect([...now, ...onRequest]).toEqual(order);
    expect(automaticShare(order.slice(0, 10)).onRequest).toEqual([]);
  });
});
