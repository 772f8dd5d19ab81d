import { describe, expect, it } from 'vitest';
import { isoDate, parseMediaWikiCitation } from '../../../core/citations/notes/mediawiki-reference';
import { citationsIn } from '../support/citations';
import { page } from '../support/pages';

const WIKI = 'https://en.wikipedia.org/wiki/Westcombe';
const GENERATOR = '<meta name="generator" content="MediaWiki 1.43.0-wmf.1">';

/** A cite as CS1 renders it, followed by its COinS span. */
function cite(html: string, coins = ''): Element {
  const doc = page(
    `<span class="reference-text"><cite class="citation news cs1">${html}</cite><span title="${coins}" class="Z3988"></span></span>`,
    WIKI,
  );
  const element = doc.querySelector('cite');
  if (!element) throw new Error('no cite');
  return element;
}

describe('what a MediaWiki reference says', () => {
  it('reads a dead original with its archived copy (url-status=dead): the title leads to the copy', () => {
    const { reference, primaryUrl } = parseMediaWikiCitation(
      cite(
        `Smith, Jane (3 March 2019). <a rel="nofollow" class="external text" href="https://web.archive.org/web/20190305101010/https://gazette.example.com/wall">"Harbour wall gives way"</a>. <i>The Westcombe Gazette</i>. Gazette Media. Archived from <a rel="nofollow" class="external text" href="https://gazette.example.com/wall">the original</a> on 5 March 2019<span class="reference-accessdate">. Retrieved <span class="nowrap">4 March 2019</span></span>.`,
        'ctx_ver=Z39.88-2004&amp;rft.atitle=Harbour+wall+gives+way&amp;rft.jtitle=The+Westcombe+Gazette&amp;rft.date=2019-03-03&amp;rft_id=https%3A%2F%2Fgazette.example.com%2Fwall',
      ),
      WIKI,
    );
    expect(primaryUrl).toBe('https://gazette.example.com/wall');
    expect(reference).toEqual({
      title: 'Harbour wall gives way',
      work: 'The Westcombe Gazette',
      date: '2019-03-03',
      accessDate: '2019-03-04',
      archive: {
        url: 'https://web.archive.org/web/20190305101010/https://gazette.example.com/wall',
        date: '2019-03-05',
      },
      originalDead: true,
    });
  });

  it('reads a live original with an archived copy (url-status=live): “Archived” leads to the copy', () => {
    const { reference, primaryUrl } = parseMediaWikiCitation(
      cite(
        `<a rel="nofollow" class="external text" href="https://council.example.gov/survey">"Harbour wall condition survey"</a> <span class="cs1-format">(PDF)</span>. Westcombe Council. May 1, 2021. <a rel="nofollow" class="external text" href="https://archive.ph/AbC12">Archived</a> from the original on June 2, 2021<span class="reference-accessdate">. Retrieved <span class="nowrap">July 14, 2021</span></span>.`,
      ),
      WIKI,
    );
    expect(primaryUrl).toBe('https://council.example.gov/survey');
    expect(reference).toMatchObject({
      title: 'Harbour wall condition survey',
      accessDate: '2021-07-14',
      archive: { url: 'https://archive.ph/AbC12', date: '2021-06-02' },
      originalDead: false,
    });
  });

  it('gives a journal article’s DOI, PMID and ISBN with their resolver links', () => {
    const { reference } = parseMediaWikiCitation(
      cite(
        `Chanin, P. (1978). <a rel="nofollow" class="external text" href="https://journals.example.org/otter">"The decline of the otter"</a>. <i>Biological Journal</i>. <b>10</b> (3): 305–328. <a href="/wiki/Doi_(identifier)" title="Doi (identifier)">doi</a>:<a rel="nofollow" class="external text" href="https://doi.org/10.1111%2Fj.1095-8312.1978.tb00078.x">10.1111/j.1095-8312.1978.tb00078.x</a>. <a href="/wiki/PMID_(identifier)" title="PMID (identifier)">PMID</a>&nbsp;<a rel="nofollow" class="external text" href="https://pubmed.ncbi.nlm.nih.gov/12345678">12345678</a>. <a href="/wiki/ISBN_(identifier)" title="ISBN (identifier)">ISBN</a>&nbsp;<a href="/wiki/Special:BookSources/978-0-521-53927-7" title="Special:BookSources/978-0-521-53927-7"><bdi>978-0-521-53927-7</bdi></a>.`,
      ),
      WIKI,
    );
    expect(reference.identifiers).toEqual([
      {
        scheme: 'doi',
        id: '10.1111/j.1095-8312.1978.tb00078.x',
        url: 'https://doi.org/10.1111%2Fj.1095-8312.1978.tb00078.x',
      },
      { scheme: 'pmid', id: '12345678', url: 'https://pubmed.ncbi.nlm.nih.gov/12345678' },
      {
        scheme: 'isbn',
        id: '978-0-521-53927-7',
        url: 'https://en.wikipedia.org/wiki/Special:BookSources/978-0-521-53927-7',
      },
    ]);
    expect(reference.work).toBe('Biological Journal');
  });

  it('gives a DOI and PMID printed without a link, with the resolver links Cited checks for them', () => {
    const { reference } = parseMediaWikiCitation(
      cite(
        `Reed, A. (2018). <a rel="nofollow" class="external text" href="https://journal.example.org/wall">"Survey of the wall"</a>. <i>Coastal Works</i>. 12: 4–9. doi:10.5555/cw.2018.(12)4. PMID&nbsp;31415926.`,
      ),
      WIKI,
    );
    expect(reference.identifiers).toEqual([
      { scheme: 'doi', id: '10.5555/cw.2018.(12)4', url: 'https://doi.org/10.5555/cw.2018.(12)4' },
      { scheme: 'pmid', id: '31415926', url: 'https://pubmed.ncbi.nlm.nih.gov/31415926/' },
    ]);
  });

  it('reads a printed DOI as the DOI system spells it, and no DOI from other words', () => {
    const identifiers = (text: string) =>
      parseMediaWikiCitation(
        cite(`<a rel="nofollow" class="external text" href="https://journal.example.org/a">"A"</a>. ${text}`),
        WIKI,
      ).reference.identifiers ?? [];
    expect(identifiers('DOI 10.1000/a#b?c.')).toEqual([
      { scheme: 'doi', id: '10.1000/a#b?c', url: 'https://doi.org/10.1000/a%23b%3Fc' },
    ]);
    expect(identifiers('Doing 10.1000/x well; see pmids 123.')).toEqual([]);
  });

  it('reads the dates CS1 prints, and nothing vaguer than a day', () => {
    expect(['2012-08-18', 'Retrieved 1 May 2016', 'Sept. 3, 1998', 'May 2016', '2016'].map(isoDate)).toEqual([
      '2012-08-18',
      '2016-05-01',
      '1998-09-03',
      undefined,
      undefined,
    ]);
  });

  it('lists a reference once: its archived copy and DOI / PMID links are part of its source, not rows', () => {
    const doc = page(
      `<article><p>The wall failed in 2019.<sup class="reference"><a href="#cite_note-1">[1]</a></sup>
       Engineers had warned of it.<sup class="reference"><a href="#cite_note-2">[2]</a></sup></p>
       <ol class="references"><li id="cite_note-1"><span class="mw-cite-backlink"><b><a href="#cite_ref-1">^</a></b></span>
       <span class="reference-text"><cite class="citation web cs1"><a rel="nofollow" class="external text"
         href="https://web.archive.org/web/20190305101010/https://gazette.example.com/wall">"Harbour wall gives way"</a>.
         Archived from <a rel="nofollow" class="external text" href="https://gazette.example.com/wall">the original</a> on
         2019-03-05.</cite></span></li>
       <li id="cite_note-2"><span class="mw-cite-backlink"><b><a href="#cite_ref-2">^</a></b></span>
       <span class="reference-text"><cite class="citation journal cs1">Reed, A. (2018).
         <a rel="nofollow" class="external text" href="https://journal.example.org/wall-survey">"Survey of the wall"</a>.
         <i>Coastal Works</i>. <a href="/wiki/Doi_(identifier)">doi</a>:<a rel="nofollow" class="external text"
         href="https://doi.org/10.5555%2Fwall">10.5555/wall</a>. <a href="/wiki/PMID_(identifier)">PMID</a>
         <a rel="nofollow" class="external text" href="https://pubmed.ncbi.nlm.nih.gov/424242">424242</a>.</cite></span></li>
       </ol></article>`,
      WIKI,
      GENERATOR,
    );
    const citations = citationsIn(doc);
    expect(citations.map((c) => [c.url, c.reference?.title ?? null])).toEqual([
      ['https://gazette.example.com/wall', 'Harbour wall gives way'],
      ['https://journal.example.org/wall-survey', 'Survey of the wall'],
    ]);
    expect(citations[0]?.reference).toMatchObject({
      originalDead: true,
      archive: { url: 'https://web.archive.org/web/20190305101010/https://gazette.example.com/wall' },
    });
    expect(citations[1]?.reference?.identifiers?.map((id) => id.url)).toEqual([
      'https://doi.org/10.5555%2Fwall',
      'https://pubmed.ncbi.nlm.nih.gov/424242',
    ]);
  });

  it('keeps an archived copy as the source when the reference does not link its original', () => {
    const doc = page(
      `<article><p>The wall failed in 2019.<sup class="reference"><a href="#cite_note-1">[1]</a></sup></p>
       <ol class="references"><li id="cite_note-1"><span class="reference-text"><cite class="citation web cs1">
         <a rel="nofollow" class="external text"
         href="https://web.archive.org/web/20190305101010/https://gazette.example.com/wall">"Harbour wall gives way"</a>.
         Archived from the original on 2019-03-05.</cite><span class="Z3988"
         title="rft.atitle=Harbour+wall+gives+way&amp;rft_id=https%3A%2F%2Fgazette.example.com%2Fwall"></span></span></li>
       </ol></article>`,
      WIKI,
      GENERATOR,
    );
    expect(citationsIn(doc).map((c) => c.url)).toEqual([
      'https://web.archive.org/web/20190305101010/https://gazette.example.com/wall',
    ]);
  });
});
