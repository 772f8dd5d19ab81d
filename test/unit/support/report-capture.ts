import type { CaptureResult, Citation } from '../../../core/citations/types';

/** An external news citation linked once, as the report tests cite their sources. */
export function reportCitation(url: string, anchorText: string, quotes: string[], order: number): Citation {
  const host = new URL(url).hostname.replace(/^www\./, '');
  return {
    url,
    domain: host,
    registrableDomain: host,
    relation: 'external',
    kind: 'news',
    occurrences: [{ order, anchorText, sentence: `${anchorText}.`, linkIndex: order }],
    quotes,
  };
}

/** A captured article with these citations, as a report is built from. */
export function reportCapture(title: string, publishedTime: string, citations: Citation[]): CaptureResult {
  return {
    article: {
      metadata: {
        url: 'https://outlet.example/story/',
        canonicalUrl: null,
        title,
        byline: null,
        siteName: null,
        publishedTime,
        modifiedTime: null,
        lang: 'en',
        dir: 'ltr',
        excerpt: null,
        wordCount: 100,
      },
      isArticle: true,
      contentHtml: '<p>x</p>',
      textContent: 'x',
    },
    citations,
    source: 'article',
    capturedAt: '2026-05-01T10:00:00.000Z',
  };
}
