import { describe, expect, it } from 'vitest';
import { extractMetadata } from '../../../core/capture/metadata';
import { page } from '../support/pages';

const ld = (json: unknown) => `<script type="application/ld+json">${JSON.stringify(json)}</script>`;

describe('metadata precedence and clean-up', () => {
  it('takes the best source per field: JSON-LD, then meta tags, then in-page markup', () => {
    const doc = page(
      '<time itemprop="datePublished" datetime="2001-01-01">1 Jan 2001</time>',
      'https://x.example/a',
      `${ld({ '@type': 'NewsArticle', datePublished: '2020-05-05' })}<meta property="article:published_time" content="2019-04-04">`,
    );
    expect(extractMetadata(doc, null).metadata.publishedTime).toBe('2020-05-05');
  });

  it('skips a source whose value is not a date and asks the next one', () => {
    const doc = page(
      '',
      'https://x.example/a',
      `${ld({ '@type': 'NewsArticle', datePublished: 'TBC' })}<meta property="article:published_time" content="2019-04-04">`,
    );
    expect(extractMetadata(doc, null).metadata.publishedTime).toBe('2019-04-04');
  });

  it('falls back to the date in the address, numeric or with a month name', () => {
    expect(
      extractMetadata(page('', 'https://x.example/2017/08/04/story/'), null).metadata.publishedTime,
    ).toBe('2017-08-04');
    expect(
      extractMetadata(page('', 'https://www.theguardian.com/world/2019/jan/03/story'), null).metadata
        .publishedTime,
    ).toBe('2019-01-03');
    expect(
      extractMetadata(page('', 'https://x.example/2017/story/'), null).metadata.publishedTime,
    ).toBeNull();
  });

  it('uses the language declared on <html> before og:locale', () => {
    const doc = page('', 'https://x.example/', '<meta property="og:locale" content="en_US">');
    doc.documentElement.setAttribute('lang', 'pt-br');
    doc.documentElement.setAttribute('dir', 'RTL');
    const { metadata } = extractMetadata(doc, null);
    expect(metadata.lang).toBe('pt-BR');
    expect(metadata.dir).toBe('rtl');
  });

  it('cleans bylines and rejects what cannot be a name', () => {
    const byline = (value: string) =>
      extractMetadata(page('', 'https://x.example/', `<meta name="author" content="${value}">`), null)
        .metadata.byline;
    expect(byline('By   Jane\n Doe')).toBe('Jane Doe');
    expect(byline('Posted by: Jane Doe')).toBe('Jane Doe');
    expect(byline('Lucas Nolan22 Dec 2016651')).toBeNull();
    expect(byline('Follow Author')).toBeNull();
    expect(byline('https://x.example/jane')).toBeNull();
  });

  it('shows a site name given as an address as its host name', () => {
    const doc = page('', 'https://x.example/', '<meta property="og:site_name" content="http://www.tmz.com">');
    expect(extractMetadata(doc, null).metadata.siteName).toBe('tmz.com');
  });

  it("uses Readability's title and byline when the page declares none, then the document title", () => {
    const doc = page('<h1>Heading</h1>', 'https://x.example/', '<title>Doc title</title>');
    expect(extractMetadata(doc, { title: 'Reader title', byline: 'by Sam Roe' }).metadata).toMatchObject({
      title: 'Reader title',
      byline: 'Sam Roe',
    });
    expect(extractMetadata(doc, null).metadata.title).toBe('Doc title');
    expect(extractMetadata(page('<h1>Only a heading</h1>', 'https://x.example/'), null).metadata.title).toBe(
      'Only a heading',
    );
  });

  it('resolves a relative canonical link against the page', () => {
    const doc = page('', 'https://x.example/a/b?c=1', '<link rel="canonical" href="/a/b">');
    expect(extractMetadata(doc, null).metadata.canonicalUrl).toBe('https://x.example/a/b');
  });

  it('reads markup around the article first, so a sidebar author does not win', () => {
    const doc = page(
      `<aside><span itemprop="author">Sidebar Columnist</span></aside>
       <article><p>By <span itemprop="author">Real Author</span></p><a href="/x">x</a> <a href="/y">y</a></article>`,
      'https://x.example/',
    );
    const links = Array.from(doc.querySelectorAll('article a'));
    const root = links[0]?.parentElement ?? null;
    expect(extractMetadata(doc, null, root).metadata.byline).toBe('Real Author');
    expect(extractMetadata(doc, null).metadata.byline).toBe('Sidebar Columnist');
  });
});
