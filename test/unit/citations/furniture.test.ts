import { describe, expect, it } from 'vitest';
import { isFurnitureName, isShareUrl } from '../../../core/citations/furniture';
import { citationsIn, urlsOf } from '../support/citations';
import { page } from '../support/pages';

const URL_ = 'https://www.outlet.example/2024/05/06/story/';
const PROSE = 'The council published the figures on Monday after months of delay and';

describe('page furniture is not a citation', () => {
  it('keeps a tag page linked in running prose, drops the same URL in the tag list', () => {
    const doc = page(
      `<article>
        <p>${PROSE} <a href="/tag/water/">the water board</a> answered within a day, as it said it would.</p>
        <div class="post-tags">Tags: <a href="/tag/water/" rel="tag">water</a> <a href="/tag/council/" rel="tag">council</a></div>
        <p><a href="/tag/budget/">budget</a> <a href="/category/local/">local</a></p>
      </article>`,
      URL_,
    );
    const citations = citationsIn(doc);
    expect(urlsOf(citations)).toEqual(['https://www.outlet.example/tag/water/']);
    expect(citations[0]?.occurrences).toHaveLength(1);
    expect(citations[0]?.occurrences[0]?.anchorText).toBe('the water board');
  });

  it('drops bylines, category links and comment counts', () => {
    const doc = page(
      `<article>
        <div class="entry-meta">By <a href="/author/ana/">Ana Ruiz</a> in <a href="/news/" rel="category tag">News</a></div>
        <p>Posted by <a href="/author/ana/">Ana Ruiz</a> · <a href="/2024/05/06/story/#comments">8 comments</a></p>
        <p class="byline"><a href="/people/ana-ruiz">Ana Ruiz</a></p>
        <p>${PROSE} <a href="https://data.example.org/table">the data</a> shows it.</p>
      </article>`,
      URL_,
    );
    expect(urlsOf(citationsIn(doc))).toEqual(['https://data.example.org/table']);
  });

  it('drops share buttons, related-posts blocks, navigation and "Read more" promotions', () => {
    const doc = page(
      `<article>
        <p>${PROSE} <a href="https://source.example.org/report">the report</a> says so.</p>
        <p>Read more: <a href="/2024/01/01/older-story/">An older story</a></p>
        <p>Related: <a href="https://elsewhere.example.net/story">An outside story</a></p>
        <div class="sharedaddy"><a href="https://example.net/some/page">Share on a network</a></div>
        <ul><li><a href="https://twitter.com/intent/tweet?text=x">Tweet</a></li>
            <li><a href="https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(URL_)}">Share</a></li>
            <li><a href="https://www.linkedin.com/shareArticle?url=x">Post</a></li>
            <li><a href="https://api.whatsapp.com/send?text=x">Send</a></li></ul>
        <div id="jp-relatedposts"><a href="/2023/12/12/similar/">Similar</a></div>
        <section class="more-stories"><a href="/2023/11/11/another/">Another</a></section>
        <nav><a href="/2024/05/05/previous/">Previous story</a></nav>
      </article>`,
      URL_,
    );
    // "Related:" promotes the outlet's own stories; an outside link after such a label is still a source.
    expect(urlsOf(citationsIn(doc))).toEqual([
      'https://source.example.org/report',
      'https://elsewhere.example.net/story',
    ]);
  });

  it('is not fooled by value classes on the article or state classes on page wrappers', () => {
    const doc = page(
      `<div class="is-showingReadNextSidebar"><article class="post tag-related category-comments author-ana">
        <p>${PROSE} <a href="https://source.example.org/a">one source</a> and more.</p>
        <p>${PROSE} <a href="https://source.example.org/b">another source</a> and more.</p>
      </article></div>`,
      URL_,
    );
    expect(urlsOf(citationsIn(doc))).toHaveLength(2);
  });

  it('drops invisible links and zoom links on photos, keeps a linked picture of a source', () => {
    const doc = page(
      `<article>
        <p>${PROSE} <noscript><a href="https://tracker.example/">x</a></noscript> <a href="https://src.example/doc"></a></p>
        <p><a href="/images/photo-large.jpg"><img src="/images/photo.jpg" alt="Photo"></a></p>
        <p><a href="https://src.example/chart"><img src="/chart.png" alt="Chart of the figures"></a></p>
      </article>`,
      URL_,
    );
    const citations = citationsIn(doc);
    expect(urlsOf(citations)).toEqual(['https://src.example/chart']);
    expect(citations[0]?.occurrences[0]?.anchorText).toBe('');
  });

  it('recognises share endpoints by address', () => {
    expect(isShareUrl(new URL('https://twitter.com/intent/tweet?url=x'))).toBe(true);
    expect(isShareUrl(new URL('https://twitter.com/someone/status/1'))).toBe(false);
    expect(isShareUrl(new URL('https://www.reddit.com/submit?url=https://x'))).toBe(true);
    expect(isShareUrl(new URL('https://share.example/share?url=https://x.example/'))).toBe(true);
  });

  it('reads container names as a whole, not word by word', () => {
    expect(isFurnitureName('post-tags')).toBe(true);
    expect(isFurnitureName('author-box')).toBe(true);
    expect(isFurnitureName('jp-relatedposts')).toBe(true);
    expect(isFurnitureName('mw-editsection')).toBe(true);
    expect(isFurnitureName('tag-bka')).toBe(false);
    expect(isFurnitureName('tag-related')).toBe(false);
    expect(isFurnitureName('tag-list')).toBe(true);
    expect(isFurnitureName('category-news')).toBe(false);
    expect(isFurnitureName('social-embed')).toBe(false);
    expect(isFurnitureName('entry-content')).toBe(false);
  });
});

describe('comment links', () => {
  it('drops links to the site’s own comment sections, keeps a comment cited on another site', () => {
    const doc = page(
      `<article>
        <p>${PROSE} <a href="/2024/05/01/other-post/#comments">readers objected</a> to the plan.</p>
        <p>${PROSE} as one reader <a href="https://blog.example.org/post/#comment-3194770754">noted</a> at the time.</p>
      </article>`,
      URL_,
    );
    expect(urlsOf(citationsIn(doc))).toEqual(['https://blog.example.org/post/#comment-3194770754']);
  });
});
