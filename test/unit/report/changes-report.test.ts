import { describe, expect, it } from 'vitest';
import { buildReport, reportToCsv, reportToJson, reportToMarkdown } from '../../../core/report';
import { compareTexts, type SourceChange } from '../../../core/source-change';
import { reportCapture, reportCitation } from '../support/report-capture';

const statement = 'https://lab.example/statement';
const story = 'https://weekly.example/stories/lapse';
const plain = 'https://city.example/notice';

const citation = (url: string, anchorText: string, order: number) =>
  reportCitation(url, anchorText, [], order);

const capture = reportCapture('Harbour tests', '2026-03-12', [
  citation(statement, 'a statement', 0),
  citation(story, 'The County Weekly', 1),
  citation(plain, 'a notice', 2),
]);

const checkedAt = '2026-05-01T10:00:09.000Z';
const copy = (url: string, date: string) => ({
  url: `https://web.archive.org/web/${date.replace(/\D/g, '').slice(0, 14)}/${url}`,
  date,
  citedAt: '2026-03-12',
  citedAtIs: 'publication' as const,
});
const edit = compareTexts(
  'We will resume weekly sampling at all three harbour beaches as soon as the city signs a renewed contract.',
  'We resumed weekly sampling at all three harbour beaches on August 19, the day after the renewed contract was signed.',
);
const changes: SourceChange[] = [
  {
    url: statement,
    status: 'edited',
    summary:
      'The page was edited since the archived copy of 2025-09-10: 40% of its words changed, in 2 passages.',
    copy: copy(statement, '2025-09-10T12:00:00Z'),
    liveUrl: statement,
    changedShare: edit.changedShare,
    passages: edit.passages,
    morePassages: 0,
    checkedAt,
  },
  {
    url: story,
    status: 'replaced',
    summary:
      "The address no longer serves the page the archived copy of 2025-10-02 shows: The address now redirects to the site's home page (https://weekly.example/): the cited page is gone.",
    copy: copy(story, '2025-10-02T14:00:00Z'),
    liveUrl: 'https://weekly.example/',
    changedShare: null,
    passages: [],
    morePassages: 0,
    checkedAt,
  },
];

const report = buildReport({ capture, results: [], changes, generatedAt: checkedAt });

describe('changed since cited in the report', () => {
  it('JSON: each compared citation carries its change with the copy and passages; the summary counts them', () => {
    const parsed = JSON.parse(reportToJson(report));
    expect(parsed.summary.changes).toEqual({ unchanged: 0, edited: 1, replaced: 1, gone: 0 });
    expect(parsed.citations[0].change).toMatchObject({
      status: 'edited',
      copy: { url: 'https://web.archive.org/web/20250910120000/https://lab.example/statement' },
      passages: [{ before: 'will resume', after: 'resumed' }, expect.anything()],
    });
    expect(parsed.citations[2].change).toBeNull();
  });

  it('Markdown: the counts, then each compared source with its verdict, its copy and the changed words', () => {
    const markdown = reportToMarkdown(report);
    expect(markdown).toContain(
      '**Changed since cited** (against archived copies from before): 1 edited, 1 replaced.',
    );
    expect(markdown).toContain('## Changed since cited');
    expect(markdown).toContain(
      '**1. [a statement](https://lab.example/statement)** (lab.example) — **✏️ edited**. The page was edited since the archived copy of 2025-09-10',
    );
    expect(markdown).toContain(
      '[Archived copy, 2025-09-10](https://web.archive.org/web/20250910120000/https://lab.example/statement), the last before publication.',
    );
    expect(markdown).toContain('- “We \\[-will resume-\\]{+resumed+} weekly sampling at all…”');
    expect(markdown).toContain(
      '**🔄 replaced**. The address no longer serves the page the archived copy of 2025-10-02 shows',
    );
    expect(markdown).not.toContain('a notice](https://city.example/notice)** (city.example) —');
  });

  it('CSV: the verdict and its evidence, one line each in the cell', () => {
    const lines = reportToCsv(report).split('\r\n');
    expect(lines[0]?.endsWith(',change_status,change_evidence')).toBe(true);
    expect(lines[1]).toContain(
      ',edited,"The page was edited since the archived copy of 2025-09-10: 40% of its words changed, in 2 passages.\nArchived copy: https://web.archive.org/web/20250910120000/https://lab.example/statement\nChanged: “We [-will resume-]{+resumed+} weekly sampling at all…”',
    );
    expect(lines[3]?.endsWith(',,')).toBe(true);
  });

  it('a report made without comparisons says nothing about changes', () => {
    const plainReport = buildReport({ capture, results: [], generatedAt: checkedAt });
    expect(plainReport.citations.map((row) => row.change)).toEqual([null, null, null]);
    expect(reportToMarkdown(plainReport)).not.toContain('Changed since cited');
  });
});
