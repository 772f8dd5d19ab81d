import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { captureArticle, captureArticleInSteps } from '../../../core/capture';
import { LINKS_PER_STEP } from '../../../core/citations/extract';
import { corpusPagesWithUrls, hasCorpus, loadCorpusPage, reportMissing } from '../support/shared-corpus';

// Issue 10: in the page, the capture of a long article runs in steps with the page free in between, so that no
// one task of the page reads Readability and 2,000 citations at once. In steps or straight through, the reader
// must get the same capture.

const fixedClock = () => new Date('2026-12-07T01:00:00Z');

/** A long article as long reads write them: ten citing sentences a paragraph, some links to the site itself. */
function longArticle(citations: number): JSDOM {
  const paragraphs: string[] = [];
  for (let start = 0; start < citations; start += 10) {
    const sentences: string[] = [];
    for (let index = start; index < Math.min(citations, start + 10); index++) {
      const url =
        index % 7 === 6
          ? `https://www.longread.example/archive/${index}.html`
          : `https://source${index % 60}.example/story/${index}.html`;
      sentences.push(
        `Finding ${index + 1} rests on <a href="${url}">report number ${index + 1}</a>, “which the desk checked”.`,
      );
    }
    paragraphs.push(`<p>${sentences.join(' ')}</p>`);
  }
  return new JSDOM(
    `<!doctype html><html lang="en"><head><title>What ${citations} reports tell us</title>
<meta property="og:site_name" content="The Long Read"></head><body><header><a href="/">Home</a></header>
<main><article><h1>What ${citations} reports tell us</h1><p>This piece walks through ${citations} published
reports, one finding at a time, and links each one.</p>${paragraphs.join('')}</article></main></body></html>`,
    { url: `https://www.longread.example/long/${citations}` },
  );
}

describe('the capture in steps', () => {
  it('gives a 2,000-citation article exactly the capture of one straight run, stopping for the page between slices', async () => {
    const doc = longArticle(2000).window.document;
    const straight = captureArticle(doc, { now: fixedClock });
    let pauses = 0;
    const inSteps = await captureArticleInSteps(
      doc,
      async () => {
        pauses++;
      },
      { now: fixedClock },
    );
    expect(straight.citations).toHaveLength(2000);
    expect(inSteps).toEqual(straight);
    // The stages (listing, clone, Readability's parse, the article's links and HTML, metadata, the sentence
    // breaker), then every slice of links and of citations' quotes.
    expect(pauses).toBeGreaterThanOrEqual(6 + 2 * (2000 / LINKS_PER_STEP - 1));
  });

  it('lets the page run its own work while a long article is being read', async () => {
    const dom = longArticle(1000);
    const ran: string[] = [];
    // The page's own timer, due as soon as the capture lets go of the page.
    dom.window.setTimeout(() => ran.push('the page'), 0);
    const capture = captureArticleInSteps(
      dom.window.document,
      () => new Promise((resolve) => dom.window.setTimeout(resolve, 0)),
    ).then((result) => {
      ran.push('the capture');
      return result;
    });
    expect((await capture).citations).toHaveLength(1000);
    expect(ran).toEqual(['the page', 'the capture']);
  });

  it('reads a short page the same way too', async () => {
    const dom = new JSDOM(
      '<!doctype html><html><head><title>Note</title></head><body><p>A short note citing <a href="https://gazette.example/a">the gazette</a>.</p></body></html>',
      { url: 'https://blog.example/note' },
    );
    const inSteps = await captureArticleInSteps(dom.window.document, async () => {}, { now: fixedClock });
    expect(inSteps).toEqual(captureArticle(dom.window.document, { now: fixedClock }));
    expect(inSteps.citations.map((citation) => citation.url)).toEqual(['https://gazette.example/a']);
  });
});

describe.skipIf(reportMissing('the capture in steps on corpus pages', hasCorpus))(
  'the capture in steps on real pages',
  () => {
    const pages = hasCorpus ? corpusPagesWithUrls().slice(0, 6) : [];
    it.each(pages)('$name: the same capture as one straight run', async (page) => {
      const doc = loadCorpusPage(page).window.document;
      const inSteps = await captureArticleInSteps(doc, async () => {}, { now: fixedClock });
      expect(inSteps).toEqual(captureArticle(doc, { now: fixedClock }));
    });
  },
);
