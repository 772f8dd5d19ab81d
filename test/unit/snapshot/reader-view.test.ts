import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { CapturedArticle } from '../../../core/capture/types';
import { buildReaderView, findActiveContent, SNAPSHOT_CSP } from '../../../core/snapshot';
import { parseSnapshot } from './helpers';

function article(
  contentHtml: string | null,
  overrides: Partial<CapturedArticle['metadata']> = {},
): CapturedArticle {
  return {
    metadata: {
      url: 'https://news.example/2017/08/04/story.html',
      canonicalUrl: null,
      title: 'Police & "partners" arrest 67 <suspects>',
      byline: 'C. Aliens',
      siteName: 'News Example',
      publishedTime: '2017-08-04',
      modifiedTime: null,
      lang: 'en',
      dir: 'ltr',
      excerpt: null,
      wordCount: 12,
      ...overrides,
    },
    isArticle: contentHtml !== null,
    contentHtml,
    textContent: 'First paragraph.\n\nSecond paragraph <b>not bold</b>.',
  };
}

const window = new JSDOM('').window as unknown as Window;

describe('reader view', () => {
  it('shows the article with its title, byline, date, site and where it came from', () => {
    const html = buildReaderView({
      article: article('<p>The <a href="/related">earlier report</a> said so.</p>'),
      savedAt: '2024-05-01T12:34:56.000Z',
      window,
    });
    const doc = parseSnapshot(html);
    expect(doc.title).toBe('Police & "partners" arrest 67 <suspects>');
    expect(doc.querySelector('h1')?.textContent).toBe('Police & "partners" arrest 67 <suspects>');
    expect(doc.querySelector('header')?.textContent).toContain('C. Aliens');
    expect(doc.querySelector('time')?.getAttribute('datetime')).toBe('2017-08-04');
    expect(doc.querySelector('header')?.textContent).toContain('News Example');
    expect(doc.querySelector('header a')?.getAttribute('href')).toBe(
      'https://news.example/2017/08/04/story.html',
    );
    expect(doc.querySelector('article a')?.getAttribute('href')).toBe('https://news.example/related');
    expect(doc.documentElement.getAttribute('lang')).toBe('en');
    expect(doc.head.firstElementChild?.getAttribute('content')).toBe(SNAPSHOT_CSP);
  });

  it('runs nothing and fetches nothing, whatever the article HTML holds', () => {
    const html = buildReaderView({
      article: article(
        '<p onclick="x()">Text<script>x()</script><img src="https://img.example/a.jpg" onerror="x()"><img src="https://img.example/b.jpg"><iframe src="https://evil.example"></iframe><a href="javascript:x()">js</a><style>p{background:url(https://t.example/x.png)}</style></p>',
      ),
      savedAt: '2024-05-01T12:34:56.000Z',
      window,
      images: new Map([['https://img.example/a.jpg', 'data:image/png;base64,iVBORw0KGgo=']]),
    });
    const doc = parseSnapshot(html);
    const report = findActiveContent(doc);
    expect(report.scripts + report.embeds + report.eventHandlers.length + report.scriptUrls.length).toBe(0);
    expect(report.externalResources).toEqual([]);
    const images = doc.querySelectorAll('article img');
    expect(images).toHaveLength(1);
    expect(images[0]?.getAttribute('src')).toBe('data:image/png;base64,iVBORw0KGgo=');
    expect(doc.querySelector('article style')).toBeNull();
    expect(doc.querySelector('article')?.textContent).toContain('Text');
  });

  it('falls back to the plain text, escaped, when there was no article', () => {
    const doc = parseSnapshot(
      buildReaderView({ article: article(null), savedAt: '2024-05-01T12:34:56.000Z', window }),
    );
    const paragraphs = Array.from(doc.querySelectorAll('article p'), (p) => p.textContent);
    expect(paragraphs).toEqual(['First paragraph.', 'Second paragraph <b>not bold</b>.']);
    expect(doc.querySelector('article b')).toBeNull();
  });
});
