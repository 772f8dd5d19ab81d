import { describe, expect, it } from 'vitest';
import { listLinks } from '../../../core/citations/link-index';
import { placeCount, placesOf } from '../../../core/citations/places';
import { citationsIn } from '../support/citations';
import { page } from '../support/pages';

describe('the places a row click steps through', () => {
  it('goes to each marker of a note in the text, then to the note itself', () => {
    const doc = page(
      `<article>
         <p>The sea wall failed in March.<sup class="reference"><a href="#cite_note-1">[1]</a></sup>
            Repairs were promised by June.<sup class="reference"><a href="#cite_note-1">[1]</a></sup></p>
         <p>They were not finished.<sup class="reference"><a href="#cite_note-1">[1]</a></sup></p>
         <ol class="references"><li id="cite_note-1"><a href="#cite_ref-1">^</a>
           <a class="external text" href="https://gazette.example.com/wall">Harbour wall gives way</a>.</li></ol>
       </article>`,
    );
    const [wall] = citationsIn(doc);
    const links = listLinks(doc);
    const places = placesOf(wall as NonNullable<typeof wall>);
    expect(places.map((place) => place.kind)).toEqual(['text', 'text', 'text', 'note']);
    expect(places.slice(0, 3).map((place) => links[place.linkIndex]?.getAttribute('href'))).toEqual([
      '#cite_note-1',
      '#cite_note-1',
      '#cite_note-1',
    ]);
    // What each place's link points to, so the page can tell the marker (or note) is still there.
    expect(places.map((place) => place.href)).toEqual([
      ...Array(3).fill(new URL('#cite_note-1', doc.URL).href),
      'https://gazette.example.com/wall',
    ]);
    const note = links[places[3]?.linkIndex ?? -1];
    expect(note?.textContent).toBe('Harbour wall gives way');
    expect(note?.closest('li')?.id).toBe('cite_note-1');
  });

  it('is just the links in the text for a source cited there', () => {
    const doc = page(
      `<article><p>See <a href="https://report.example.org/">the report</a> and
         <a href="https://report.example.org/">again</a>.</p></article>`,
    );
    const [report] = citationsIn(doc);
    expect(placesOf(report as NonNullable<typeof report>).map((place) => place.kind)).toEqual([
      'text',
      'text',
    ]);
  });

  it('ends with the archived copy and DOI link its reference gives, which a click does not step to', () => {
    const doc = page(
      `<article><p>The wall failed in 2019.<sup class="reference"><a href="#cite_note-1">[1]</a></sup></p>
       <ol class="references"><li id="cite_note-1"><span class="reference-text"><cite class="citation journal cs1">
         <a rel="nofollow" class="external text" href="https://journal.example.org/wall">"Survey of the wall"</a>.
         <a href="/wiki/Doi_(identifier)">doi</a>:<a rel="nofollow" class="external text"
         href="https://doi.org/10.5555/wall">10.5555/wall</a>. <a rel="nofollow" class="external text"
         href="https://web.archive.org/web/2019/https://journal.example.org/wall">Archived</a> from the original on
         2019-03-05.</cite></span></li></ol></article>`,
      'https://en.wikipedia.org/wiki/Westcombe',
      '<meta name="generator" content="MediaWiki 1.43.0-wmf.1">',
    );
    const citations = citationsIn(doc);
    expect(citations.map((c) => c.url)).toEqual(['https://journal.example.org/wall']);
    const wall = citations[0] as NonNullable<(typeof citations)[0]>;
    const places = placesOf(wall);
    expect(places.map((place) => place.kind)).toEqual(['text', 'note', 'reference', 'reference']);
    expect(placeCount(wall)).toBe(2);
    const links = listLinks(doc);
    // Each reference place is the page's own link to that address, so the page scrolls to it.
    expect(
      places.slice(2).map((place) => [place.href, links[place.linkIndex]?.getAttribute('href')]),
    ).toEqual([
      [
        'https://web.archive.org/web/2019/https://journal.example.org/wall',
        'https://web.archive.org/web/2019/https://journal.example.org/wall',
      ],
      ['https://doi.org/10.5555/wall', 'https://doi.org/10.5555/wall'],
    ]);
  });
});
