import { describe, expect, it } from 'vitest';
import { citationsIn, urlsOf } from '../support/citations';
import { page } from '../support/pages';

const PROSE = 'The figures were published on Monday after months of delay, and';

describe('relation, same-page links and address resolution', () => {
  it('tells same-site (any subdomain) from external (another registrable domain)', () => {
    const doc = page(
      `<article><p>${PROSE} <a href="https://data.outlet.co.uk/x">a</a> <a href="https://outlet.co.uk/y">b</a>
       <a href="https://other.co.uk/z">c</a> <a href="https://another.blogspot.com/p">d</a></p></article>`,
      'https://www.outlet.co.uk/story',
    );
    expect(citationsIn(doc).map((c) => [c.registrableDomain, c.relation])).toEqual([
      ['outlet.co.uk', 'same-site'],
      ['outlet.co.uk', 'same-site'],
      ['other.co.uk', 'external'],
      ['another.blogspot.com', 'external'],
    ]);
  });

  it('counts two blogs on one platform as different sites', () => {
    const doc = page(
      `<article><p>${PROSE} <a href="https://other.blogspot.com/post">a post</a> here.</p></article>`,
      'https://mine.blogspot.com/2016/05/post.html',
    );
    expect(citationsIn(doc)[0]?.relation).toBe('external');
  });

  it('never lists links within the page: fragments, the page itself, its canonical address', () => {
    const doc = page(
      `<article><p>${PROSE} <a href="#notes">notes</a> <a href="https://x.example/story?ref=home#top">top</a>
        <a href="https://x.example/story-canonical">self</a> <a href="https://x.example/other">other</a></p></article>`,
      'https://x.example/story?ref=home',
      '<link rel="canonical" href="https://x.example/story-canonical">',
    );
    expect(urlsOf(citationsIn(doc))).toEqual(['https://x.example/other']);
  });

  it('resolves relative links against <base href>, and a fragment-only link stays same-page', () => {
    const doc = page(
      `<article><p>${PROSE} <a href="guide/intro.html">the guide</a>, <a href="/root.html">root</a>,
       <a href="#section-2">section 2</a>.</p></article>`,
      'https://www.site.example/articles/piece',
      '<base href="https://docs.example.org/v2/">',
    );
    expect(urlsOf(citationsIn(doc))).toEqual([
      'https://docs.example.org/v2/guide/intro.html',
      'https://docs.example.org/root.html',
    ]);
  });

  it('ignores javascript:, mailto:, tel: and data: links', () => {
    const doc = page(
      `<article><p>${PROSE} <a href="javascript:void(0)">a</a> <a href="mailto:x@y.z">b</a> <a href="tel:+123">c</a>
       <a href="data:text/html,hi">d</a> <a href="ftp://files.example/x">e</a> <a href="https://ok.example/">f</a></p></article>`,
      'https://x.example/',
    );
    expect(urlsOf(citationsIn(doc))).toEqual(['https://ok.example/']);
  });
});
