import { describe, expect, it } from 'vitest';
import { sourcesIn } from '../support/citations';
import { page } from '../support/pages';

const ARTICLE = `<article>
  <p>The <a href="/wiki/Harbour_wall" title="Harbour wall">harbour wall</a> was rebuilt in 1911 by the
     <a href="/index.php?title=Harbour_Board&amp;action=view">Harbour Board</a>, as its
     <a class="external text" href="https://archive.example.org/board-minutes-1911">minutes</a> record.</p>
  <p>See also <a href="https://de.wikipedia.org/wiki/Hafenmauer">the German article</a> and
     <a href="https://commons.wikimedia.org/wiki/Category:Harbour_walls">pictures</a>.</p>
</article>`;

describe('links within a wiki', () => {
  it('keeps a MediaWiki site’s links to its own pages apart from its sources, once per address', () => {
    const doc = page(
      ARTICLE,
      'https://en.wikipedia.org/wiki/Westcombe',
      '<meta name="generator" content="MediaWiki 1.43.0-wmf.1">',
    );
    const { citations, siteLinks } = sourcesIn(doc);
    expect(citations.map((c) => c.url)).toEqual(['https://archive.example.org/board-minutes-1911']);
    expect(siteLinks.map((link) => [link.anchorText, link.url])).toEqual([
      ['harbour wall', 'https://en.wikipedia.org/wiki/Harbour_wall'],
      ['Harbour Board', 'https://en.wikipedia.org/index.php?title=Harbour_Board&action=view'],
      ['the German article', 'https://de.wikipedia.org/wiki/Hafenmauer'],
      ['pictures', 'https://commons.wikimedia.org/wiki/Category:Harbour_walls'],
    ]);
  });

  it('recognises a saved MediaWiki page by its markup when the generator tag is gone', () => {
    const doc = page(
      `<div class="mw-parser-output">${ARTICLE}</div>`,
      'https://wiki.example.org/wiki/Westcombe',
    );
    const { citations, siteLinks } = sourcesIn(doc);
    expect(citations.map((c) => c.url)).toEqual([
      'https://archive.example.org/board-minutes-1911',
      'https://de.wikipedia.org/wiki/Hafenmauer',
      'https://commons.wikimedia.org/wiki/Category:Harbour_walls',
    ]);
    expect(siteLinks).toHaveLength(2);
  });

  it('keeps a news article’s links to its own earlier reports as citations', () => {
    const doc = page(ARTICLE, 'https://news.example.com/2024/05/06/harbour/');
    const { citations, siteLinks } = sourcesIn(doc);
    expect(citations.map((c) => [c.url, c.relation])).toContainEqual([
      'https://news.example.com/wiki/Harbour_wall',
      'same-site',
    ]);
    expect(siteLinks).toEqual([]);
  });
});
