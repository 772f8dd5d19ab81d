import { describe, expect, it } from 'vitest';
import type { ArchiveLookup } from '../../../core/archive/types';
import type { CaptureResult, Citation } from '../../../core/citations/types';
import type { CheckResult } from '../../../core/linkcheck/types';
import { buildReport, reportToCsv, reportToJson, reportToMarkdown } from '../../../core/report';

const citation = (url: string, anchorText: string, sentence: string, order: number): Citation => ({
  url,
  domain: new URL(url).hostname.replace(/^www\./, ''),
  registrableDomain: new URL(url).hostname.replace(/^www\./, ''),
  relation: 'external',
  kind: 'news',
  occurrences: [{ order, anchorText, sentence, linkIndex: order + 3 }],
  quotes: [],
});

const capture: CaptureResult = {
  article: {
    metadata: {
      url: 'https://outlet.example/2017/08/04/story/',
      canonicalUrl: null,
      title: 'BKA Arrests 67 Suspects',
      byline: 'C. Aliens',
      siteName: 'Outlet',
      publishedTime: '2017-08-04',
      modifiedTime: null,
      lang: 'en',
      dir: 'ltr',
      excerpt: null,
      wordCount: 420,
    },
    isArticle: true,
    contentHtml: '<p>x</p>',
    textContent: 'x',
  },
  citations: [
    citation(
      'https://www.thelocal.example/20170720/raids',
      'the BKA arrested 67 people',
      'As reported, the BKA arrested 67 people.',
      0,
    ),
    citation(
      'http://www.newburyport.example/news/a.html',
      '=HYPERLINK("http://evil") | [x]',
      'He said "it was, in fact, a crime" | twice.',
      1,
    ),
    citation('https://unchecked.example/page', 'later', 'Not checked yet.', 2),
  ],
  source: 'article',
  capturedAt: '2026-05-01T10:00:00.000Z',
};

const evidence = (status: number, finalUrl: string): CheckResult['evidence'] => ({
  httpStatus: status,
  finalUrl,
  redirected: false,
  elapsedMs: 120,
  checkedAt: '2026-05-01T10:00:05.000Z',
  attempts: status === 404 ? 2 : 1,
  redirectMode: 'manual',
});

const results: CheckResult[] = [
  {
    url: 'https://www.thelocal.example/20170720/raids',
    status: 'alive',
    reason: 'The page answers (HTTP 200).',
    evidence: evidence(200, 'https://www.thelocal.example/20170720/raids'),
  },
  {
    url: 'http://www.newburyport.example/news/a.html',
    status: 'dead',
    reason: 'The site answers 404 Not Found: the page is gone. Confirmed by a second try.',
    evidence: evidence(404, 'https://www.newburyport.example/news/a.html'),
  },
];

const archive: ArchiveLookup = {
  url: 'http://www.newburyport.example/news/a.html',
  beforePublication: {
    url: 'https://web.archive.org/web/20170624153012/http://www.newburyport.example/news/a.html',
    timestamp: '20170624153012',
    date: '2017-06-24T15:30:12Z',
    status: '200',
    source: 'availability-api',
  },
  mostRecent: null,
  publishedAt: '2017-08-04T23:59:59Z',
  lookedUpAt: '2026-05-01T10:00:06.000Z',
};

const report = buildReport({
  capture,
  results,
  archives: [archive],
  generatedAt: '2026-05-01T10:00:07.000Z',
});

describe('JSON report', () => {
  it('is versioned and carries every citation with its verdict, evidence and archived copies', () => {
    const parsed = JSON.parse(reportToJson(report));
    expect(parsed).toMatchObject({
      schema: 'cited.report',
      version: 1,
      generatedAt: '2026-05-01T10:00:07.000Z',
    });
    expect(parsed.article).toMatchObject({
      title: 'BKA Arrests 67 Suspects',
      byline: 'C. Aliens',
      publishedTime: '2017-08-04',
    });
    expect(parsed.summary).toMatchObject({ citations: 3, broken: 1 });
    expect(parsed.summary.byStatus).toMatchObject({ alive: 1, dead: 1, 'not-checked': 1 });
    expect(parsed.citations.map((c: { status: string }) => c.status)).toEqual([
      'alive',
      'dead',
      'not-checked',
    ]);
    expect(parsed.citations[1].archive.beforePublication.timestamp).toBe('20170624153012');
    expect(parsed.citations[1].evidence.httpStatus).toBe(404);
    expect(parsed.citations[2]).toMatchObject({ reason: null, evidence: null, archive: null });
  });

  it('matches verdicts to citations whose URL carries a fragment', () => {
    const withFragment = {
      ...capture,
      citations: [citation('https://www.thelocal.example/20170720/raids#top', 'a', 'b', 0)],
    };
    expect(buildReport({ capture: withFragment, results }).citations[0]?.status).toBe('alive');
  });
});

describe('Markdown report', () => {
  const markdown = reportToMarkdown(report);

  it('summarises at a glance and lists each citation with status and reason', () => {
    expect(markdown).toContain('# Citations of “BKA Arrests 67 Suspects”');
    expect(markdown).toContain('**3 citations**, **1 no longer stands**: 1 alive, 1 dead, 1 not checked.');
    expect(markdown).toMatch(
      /\| 1 \| ✅ alive \| \[the BKA arrested 67 people\]\(https:\/\/www\.thelocal\.example\/20170720\/raids\)/,
    );
    expect(markdown).toContain(
      '[before publication, 2017-06-24](https://web.archive.org/web/20170624153012/',
    );
  });

  it('keeps hostile text from breaking the table or the link', () => {
    const row = markdown.split('\n').find((line) => line.startsWith('| 2 |')) ?? '';
    // Five cells (with the archive column) are six unescaped pipes; the anchor's own | and ] are escaped.
    expect(row.match(/(?<!\\)\|/g)).toHaveLength(6);
    expect(row).toContain(
      '[=HYPERLINK("http://evil") \\| \\[x\\]](http://www.newburyport.example/news/a.html)',
    );
  });
});

describe('CSV report', () => {
  const csv = reportToCsv(report);
  const lines = csv.split('\r\n');

  it('has a header row, CRLF line ends and one row per citation', () => {
    expect(lines[0]).toBe(
      'number,url,domain,relation,kind,anchor_text,sentence,status,reason,http_status,final_url,checked_at,archive_before_publication_url,archive_before_publication_date,archive_most_recent_url,archive_most_recent_date,quotes,quote_statuses,quote_evidence,change_status,change_evidence',
    );
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(lines.filter((line) => line !== '')).toHaveLength(4);
  });

  it('quotes fields with commas and quotes (RFC 4180) and defuses formulas', () => {
    expect(lines[2]).toContain('"\'=HYPERLINK(""http://evil"") | [x]"');
    expect(lines[2]).toContain('"He said ""it was, in fact, a crime"" | twice."');
    expect(lines[2]).toContain(',dead,');
    expect(lines[2]).toContain(',404,https://www.newburyport.example/news/a.html,');
  });
});
