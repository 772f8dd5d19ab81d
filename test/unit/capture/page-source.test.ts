import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { type ArticleReadIn, captureArticle } from '../../../core/capture';
import { pageSource, placeSourceArticle, type SourceArticle } from '../../../core/capture/page-source';
import { readArticleSource } from '../../../core/capture/read-source';
import { readArticle } from '../../../core/capture/readability';
import { listLinks } from '../../../core/citations/link-index';

// Issue 10: Readability's parse runs in the panel's worker on the page serialised to a string; the page takes its
// answer only when it can trust it, and parses itself otherwise.

const fixedClock = () => new Date('2026-12-07T01:00:00Z');
const URL_OF_PAGE = 'https://gazette.example/2026/ferries.html';
const paragraph =
  '<p>The island’s ferry runs twice a day in winter, and the people who wait on the pier every morning say it is not enough.</p>';

function ferryPage(): JSDOM {
  return new JSDOM(
    `<!doctype html><html lang="en"><head><title>Ferry cuts</title></head><body>
<nav><a href="/">Home</a> <a href="/news/">News</a></nav>
<article><h1>Ferry cuts</h1>${paragraph.repeat(4)}
<p>The council <a href="https://council.example/minutes">voted in February</a> to cut it, and the
<a href="/2025/ferry-budget.html">budget we reported on</a> gave no reason. Its <a href="https://council.example/minutes">minutes</a> say why.</p>
</article><footer><a href="/about/">About</a></footer></body></html>`,
    { url: URL_OF_PAGE },
  );
}

function fromWorker(doc: Document): SourceArticle {
  const source = pageSource(doc);
  if (source.kind !== 'source') throw new Error(`expected the page's markup, got ${source.kind}`);
  const article = readArticleSource(source.html, source.url);
  if (!article) throw new Error('expected an article');
  return article;
}

describe('pageSource', () => {
  it('hands over an article page serialised, at its address', () => {
    const doc = ferryPage().window.document;
    const source = pageSource(doc);
    expect(source).toMatchObject({ kind: 'source', url: URL_OF_PAGE });
    expect(source.kind === 'source' && source.html).toContain('voted in February');
  });

  it('hands over nothing for a page that is not an article, nor for one too big to copy around', () => {
    const list = new JSDOM('<body><ul><li><a href="/a">A</a></li></ul></body>', { url: URL_OF_PAGE });
    expect(pageSource(list.window.document)).toEqual({ kind: 'not-article' });
    const doc = ferryPage().window.document;
    expect(pageSource(doc, 1_000)).toMatchObject({ kind: 'too-big' });
  });
});

describe('readArticleSource', () => {
  it('reads the article the page would read, with the same cited links', () => {
    const doc = ferryPage().window.document;
    const links = listLinks(doc);
    const placed = placeSourceArticle(fromWorker(doc), links, doc.baseURI);
    const inPage = readArticle(doc, links);
    expect(placed?.title).toBe('Ferry cuts');
    expect(placed?.linkIndexes).toEqual([2, 3, 4]);
    expect(placed?.linkIndexes).toEqual(inPage?.linkIndexes);
    expect(placed?.textContent).toBe(inPage?.textContent);
  });

  it('refuses markup that is not well formed (what outerHTML gives) rather than read it wrong', () => {
    const html = `<html><head><title>Ferry cuts</title></head><body><article>${paragraph.repeat(4)}<p>One<br>two</p></article></body></html>`;
    expect(() => readArticleSource(html, URL_OF_PAGE)).toThrow(/could not be read/);
  });
});

describe('placeSourceArticle', () => {
  it('finds the article’s links again when the page added links before them since it was serialised', () => {
    const doc = ferryPage().window.document;
    const article = fromWorker(doc);
    doc
      .querySelector('nav')
      ?.insertAdjacentHTML('beforeend', ' <a href="/live/">Live</a> <a href="/ads/">Ads</a>');
    const links = listLinks(doc);
    const placed = placeSourceArticle(article, links, doc.baseURI);
    expect(placed?.linkIndexes).toEqual([4, 5, 6]);
    expect(placed?.linkIndexes).toEqual(readArticle(doc, links)?.linkIndexes);
    // The repeated address keeps each link's own place: the second "minutes" is the second link to them.
    expect(placed?.linkIndexes.map((index) => links[index]?.textContent)).toEqual([
      'voted in February',
      'budget we reported on',
      'minutes',
    ]);
  });

  it('gives up when an article link left the page, so that the page reads itself again', () => {
    const doc = ferryPage().window.document;
    const article = fromWorker(doc);
    doc.querySelector('a[href="/2025/ferry-budget.html"]')?.remove();
    expect(placeSourceArticle(article, listLinks(doc), doc.baseURI)).toBeNull();
  });
});

describe('captureArticle with the worker’s parse', () => {
  function capture(doc: Document, parsed?: { article: SourceArticle | null }) {
    const reads: ArticleReadIn[] = [];
    const result = captureArticle(doc, {
      now: fixedClock,
      ...(parsed ? { parsed } : {}),
      onArticleRead: (where) => reads.push(where),
    });
    return { result, reads };
  }

  it('captures exactly what the page would, without parsing in the page', () => {
    const doc = ferryPage().window.document;
    const given = capture(doc, { article: fromWorker(doc) });
    const own = capture(doc);
    expect(given.reads).toEqual(['given']);
    expect(own.reads).toEqual(['page']);
    expect(given.result.citations.map((citation) => citation.url)).toEqual([
      'https://council.example/minutes',
      'https://gazette.example/2025/ferry-budget.html',
    ]);
    expect(given.result).toEqual(own.result);
  });

  it('parses in the page when the page changed under the worker’s parse, and lists what is on the page now', () => {
    const doc = ferryPage().window.document;
    const article = fromWorker(doc);
    doc.querySelector('a[href="/2025/ferry-budget.html"]')?.remove();
    const given = capture(doc, { article });
    expect(given.reads).toEqual(['page']);
    expect(given.result).toEqual(capture(doc).result);
    expect(given.result.citations.map((citation) => citation.url)).toEqual([
      'https://council.example/minutes',
    ]);
  });

  it('takes the worker’s “no article” and lists the page’s main content', () => {
    const doc = ferryPage().window.document;
    const given = capture(doc, { article: null });
    expect(given.reads).toEqual(['given']);
    expect(given.result.source).toBe('main-content');
    expect(given.result.article.isArticle).toBe(false);
  });
});
