import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { captureArticle } from '../../../core/capture';
import { listLinks } from '../../../core/citations/link-index';
import { buildReaderView } from '../../../core/snapshot/reader-view';
import { fixturePage } from '../support/pages';

const STORY_URL = 'https://www.riversidecourier.example/2021/03/09/flood-maps-audit/';

describe('captureArticle on an article', () => {
  const doc = fixturePage('story.html', STORY_URL);
  const before = doc.documentElement.outerHTML;
  const result = captureArticle(doc, { now: () => new Date('2024-01-02T03:04:05Z') });

  it('leaves the live page exactly as it was', () => {
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('finds the article and what a reader expects to know about it', () => {
    expect(result.source).toBe('article');
    expect(result.capturedAt).toBe('2024-01-02T03:04:05.000Z');
    expect(result.article.isArticle).toBe(true);
    expect(result.article.metadata).toMatchObject({
      url: STORY_URL,
      canonicalUrl: STORY_URL,
      title: 'Flood maps were ten years out of date, audit finds',
      byline: 'Maya Okafor',
      siteName: 'The Riverside Courier',
      publishedTime: '2021-03-09T07:30:00+00:00',
      lang: 'en-GB',
    });
    expect(result.article.metadata.wordCount).toBeGreaterThan(250);
    expect(result.article.metadata.wordCount).toBeLessThan(400);
    expect(result.article.textContent).toContain('The flood maps used to approve new homes');
  });

  it('lists the sources of the text, in order, with relation and kind, and nothing of the page frame', () => {
    expect(result.citations.map((c) => [c.domain, c.relation, c.kind])).toEqual([
      ['audit.example.gov', 'external', 'document'],
      ['bbc.co.uk', 'external', 'news'],
      ['doi.org', 'external', 'academic'],
      ['riversidecourier.example', 'same-site', 'other'],
      ['twitter.com', 'external', 'social'],
      ['web.archive.org', 'external', 'archive'],
    ]);
  });

  it('points every occurrence at the live link, by its index among the page’s links', () => {
    const links = listLinks(doc);
    for (const citation of result.citations) {
      const link = links[citation.occurrences[0]?.linkIndex ?? -1];
      expect(new URL(link?.getAttribute('href') ?? '', STORY_URL).href).toBe(citation.url);
    }
  });

  it('keeps the reader view, and nothing in it can run once it is shown', () => {
    const html = result.article.contentHtml ?? '';
    expect(html).toContain('an audit published on Monday');
    // Capture hands over Readability's HTML as is; the reader view sanitises it where it is shown.
    const window = new JSDOM('').window as unknown as Window;
    const shown = buildReaderView({ article: result.article, savedAt: '2024-01-02T03:04:05Z', window });
    expect(shown).toContain('an audit published on Monday');
    expect(shown).not.toMatch(/onmouseover|onerror|steal\(\)/);
  });
});

describe('captureArticle on a page that is not an article', () => {
  const doc = fixturePage('front-page.html', 'https://www.harbourside.example/');
  const result = captureArticle(doc);

  it('says so plainly and lists the links of the main content instead', () => {
    expect(result.source).toBe('main-content');
    expect(result.article.isArticle).toBe(false);
    expect(result.article.contentHtml).toBeNull();
    expect(result.article.metadata.title).toBe('Harbourside Weekly – local news');
    expect(result.citations.map((c) => c.url)).toEqual([
      'https://www.harbourside.example/2024/05/06/ferry-strike/',
      'https://www.harbourside.example/2024/05/05/market-hall/',
      'https://www.metoffice.example.gov/forecast',
    ]);
    expect(result.article.textContent).toContain('Ferry strike called off');
    expect(result.article.textContent).not.toContain('Privacy');
  });
});

describe('captureArticle when Readability has to start over', () => {
  // Readability first drops the "sidebar" block, finds too little text, and re-parses the page
  // from HTML: its links are new elements, matched back to the live ones by address and text.
  const doc = fixturePage('hidden-article.html', 'https://allotments.example.org/notes/');
  const result = captureArticle(doc);

  it('still finds the article’s links and the live links they came from', () => {
    const links = listLinks(doc);
    expect(result.source).toBe('article');
    expect(result.citations.map((c) => [c.url, c.occurrences[0]?.linkIndex])).toEqual([
      ['https://allotments.example.org/frost-advice', 0],
      ['https://council.example.gov/allotments/water', 1],
    ]);
    expect(links[1]?.textContent).toBe('council page on water use');
  });
});

describe('captureArticle on an empty page', () => {
  it('returns an empty, well-formed result rather than failing', () => {
    const doc = new JSDOM('', { url: 'https://empty.example/' }).window.document;
    const result = captureArticle(doc);
    expect(result.citations).toEqual([]);
    expect(result.source).toBe('main-content');
    expect(result.article.metadata.title).toBe('');
    expect(result.article.metadata.wordCount).toBe(0);
  });
});
