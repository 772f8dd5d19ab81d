import type { CapturedArticle } from '../../../core/capture/types';
import type { CaptureResult, Citation, CitationKind, CitationRelation } from '../../../core/citations/types';

/** Small hand-written citations for component tests (not taken from any real article). */
export function citation(
  url: string,
  relation: CitationRelation,
  occurrences: Array<{ anchorText: string; sentence: string; linkIndex: number }>,
  kind: CitationKind = 'other',
): Citation {
  const host = new URL(url).hostname;
  const domain = host.replace(/^www\./, '');
  return {
    url,
    domain,
    registrableDomain: domain.split('.').slice(-2).join('.'),
    relation,
    kind,
    occurrences: occurrences.map((occurrence, order) => ({ ...occurrence, order })),
    quotes: [],
  };
}

export const harbourCitations: Citation[] = [
  citation('https://harbour-news.example/tag/ferries/', 'same-site', [
    { anchorText: 'ferry cuts', sentence: 'The council announced new ferry cuts on Monday.', linkIndex: 4 },
  ]),
  citation(
    'https://www.coastal-gazette.example/2021/03/ferry-timetable',
    'external',
    [
      {
        anchorText: 'reported last spring',
        sentence: 'As the Gazette reported last spring, the timetable was already thin.',
        linkIndex: 6,
      },
    ],
    'news',
  ),
  citation(
    'https://transport.gov.example/reports/ferries-2020.html',
    'external',
    [
      {
        anchorText: 'annual report',
        sentence: 'The ministry’s annual report counts 41 crossings a day.',
        linkIndex: 7,
      },
      {
        anchorText: 'the report',
        sentence: 'Critics say the report leaves out winter closures.',
        linkIndex: 9,
      },
      {
        anchorText: 'same report',
        sentence: 'Zürich-based analysts cited the same report in May.',
        linkIndex: 12,
      },
    ],
    'government',
  ),
  citation('https://harbour-news.example/2020/11/old-pier-closes/', 'same-site', [
    {
      anchorText: 'closed the old pier',
      sentence: 'The town closed the old pier in November.',
      linkIndex: 10,
    },
  ]),
  citation(
    'https://social.example/@islander/1234',
    'external',
    [
      {
        anchorText: 'a resident wrote',
        sentence: 'A resident wrote that the last boat leaves at six.',
        linkIndex: 11,
      },
    ],
    'social',
  ),
];

export function article(
  overrides: Partial<CapturedArticle['metadata']> = {},
  isArticle = true,
): CapturedArticle {
  return {
    metadata: {
      url: 'https://harbour-news.example/2021/05/ferry-cuts/',
      canonicalUrl: null,
      title: 'Island ferry cuts leave commuters stranded',
      byline: 'Ada Quill',
      siteName: 'Harbour News',
      publishedTime: '2021-05-04',
      modifiedTime: null,
      lang: 'en',
      dir: 'ltr',
      excerpt: null,
      wordCount: 690,
      ...overrides,
    },
    isArticle,
    contentHtml: isArticle ? '<p>…</p>' : null,
    textContent: 'text',
  };
}

export function captureResult(citations: Citation[] = harbourCitations): CaptureResult {
  return { article: article(), citations, source: 'article', capturedAt: '2021-05-05T10:00:00.000Z' };
}
