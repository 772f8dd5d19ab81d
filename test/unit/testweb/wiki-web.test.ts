import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { captureArticle } from '../../../core/capture';
import type { CaptureResult } from '../../../core/citations/types';
import { startTestWeb, type TestWeb } from '../../web/server';
import { WIKI_HOST, wikiArticleUrl, wikiOwnPages, wikiSites, wikiSources } from '../../web/sites/wiki';

let web: TestWeb;
let result: CaptureResult;

beforeAll(async () => {
  web = await startTestWeb({ sites: wikiSites() });
  const { document } = new JSDOM(await (await web.fetch(wikiArticleUrl)).text(), { url: wikiArticleUrl })
    .window;
  result = captureArticle(document);
});
afterAll(() => web.close());

describe('Harbourpedia’s article, as Cited reads it', () => {
  test('lists its references and its external link, and none of the wiki’s own articles', () => {
    const bySection = result.citations.map((c) => [c.url, c.section ?? 'text']);
    // One row per reference: the archived copies and the DOI link the references give are part of their sources.
    expect(bySection).toEqual([
      [wikiSources.gazette, 'notes'],
      [wikiSources.survey, 'notes'],
      [wikiSources.coastwatch, 'notes'],
      [wikiSources.study, 'notes'],
      [wikiSources.bathing, 'notes'],
      [wikiSources.official, 'external-links'],
    ]);
    const siteLinks = result.siteLinks?.map((link) => link.url) ?? [];
    // The text's links first; then the reference's maintenance category and the category box Readability keeps.
    expect(siteLinks.slice(0, wikiOwnPages.length)).toEqual(wikiOwnPages);
    expect(siteLinks.every((url) => url.startsWith(`https://${WIKI_HOST}/wiki/`))).toBe(true);
  });

  test('a note marked three times gives three occurrences, each with its sentence, and the note', () => {
    const gazette = result.citations.find((c) => c.url === wikiSources.gazette);
    expect(gazette?.occurrences.map((o) => [o.anchorText, o.sentence])).toEqual([
      [
        '[1]',
        expect.stringMatching(/^Built in 1894, it failed along forty metres during a storm in March 2024\./),
      ],
      ['[1]', 'When the wall failed, the harbour master closed the inner harbour for six weeks.[1]'],
      ['[1]', expect.stringMatching(/^Fishing boats moved to the outer breakwater/)],
    ]);
    expect(gazette?.notes?.[0]?.text).toMatch(/Harbour wall gives way after night of storms/);
    expect(gazette?.reference).toMatchObject({
      title: 'Harbour wall gives way after night of storms',
      work: 'The Westcombe Gazette',
      publisher: 'Gazette Media',
      accessDate: '2024-04-12',
      archive: { url: wikiSources.gazetteCopy, date: '2024-03-05' },
      originalDead: false,
    });
    const study = result.citations.find((c) => c.url === wikiSources.study);
    expect(study?.reference?.identifiers).toEqual([
      { scheme: 'doi', id: '10.5555/hwq.2024.0173', url: wikiSources.doi, linkIndex: expect.any(Number) },
      {
        scheme: 'isbn',
        id: wikiSources.isbn,
        url: `https://${WIKI_HOST}/wiki/Special:BookSources/${wikiSources.isbn}`,
        linkIndex: expect.any(Number),
      },
    ]);
    // Printed without links: shown, with the resolver links Cited checks for them (nothing on the page to go to).
    const bathing = result.citations.find((c) => c.url === wikiSources.bathing);
    expect(bathing?.reference?.identifiers).toEqual([
      { scheme: 'doi', id: '10.5555/cw.2023.0042', url: wikiSources.bathingDoi },
      { scheme: 'pmid', id: '31415926', url: wikiSources.bathingPmid },
    ]);
    const survey = result.citations.find((c) => c.url === wikiSources.survey);
    expect(survey?.reference).toMatchObject({
      archive: { url: wikiSources.surveyCopy },
      originalDead: true,
      accessDate: '2021-02-01',
    });
  });
});
