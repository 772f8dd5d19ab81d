import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CitedReport, reportToCsv, reportToMarkdown } from '../../../core/report';
import { runCheckCli } from '../../../scripts/check';
import { startTestWeb, type TestWeb } from '../../web/server';
import { demoArticlePage } from '../../web/sites/demo/article';
import { demoArticleUrl, demoCitation, demoCitations } from '../../web/sites/demo/fates';
import { allSites } from '../../web/sites/index';

// `npm run check` on the demo article, through the test web: its quoted sources and the ones that no longer stand
// are compared with the local Wayback's copies from before the article was published (fates.ts says what each is).

let web: TestWeb;
let dir: string;
let report: CitedReport;
beforeAll(async () => {
  web = await startTestWeb({ sites: allSites() });
  dir = await mkdtemp(path.join(tmpdir(), 'cited-changes-'));
  const file = path.join(dir, 'article.html');
  await writeFile(file, demoArticlePage());
  let stdout = '';
  await runCheckCli([file, '--url', demoArticleUrl, '--proxy', web.proxyUrl, '--insecure', '--json'], {
    stdout: (text) => (stdout += text),
    stderr: () => {},
  });
  report = JSON.parse(stdout) as CitedReport;
}, 120_000);
afterAll(async () => {
  await web?.close();
  await rm(dir, { recursive: true, force: true });
});

const rowOf = (id: string) => report.citations.find((row) => row.url === demoCitation(id).url);

describe('npm run check: changed since cited, on the demo article', () => {
  it('gives each compared source the verdict the test web plays, and compares no other', () => {
    for (const fate of demoCitations) {
      expect(rowOf(fate.id)?.change?.status ?? null, fate.id).toBe(fate.changedSinceCited ?? null);
    }
    expect(report.summary.changes).toEqual({ unchanged: 1, edited: 1, replaced: 1, gone: 3 });
  });

  it('the laboratory’s statement: edited since the copy of 2025-09-10, with the changed words', () => {
    const change = rowOf('lab-statement-moved')?.change;
    expect(change?.copy).toMatchObject({
      url: `https://web.archive.org/web/20250910120000/${demoCitation('lab-statement-moved').url}`,
      citedAtIs: 'publication',
    });
    expect(change?.passages.map((passage) => passage.marked)).toEqual([
      'We [-will resume-]{+resumed+} weekly sampling at all…',
      '…all three harbour beaches [-as soon as the city signs a renewed contract-]{+on August 19, the day after the renewed contract was signed+}',
    ]);
    // Its quotation is still there: an edit elsewhere does not touch the quote check.
    expect(rowOf('lab-statement-moved')?.quoteCheck?.verdicts[0]?.status).toBe('found');
  });

  it('the Markdown and CSV of the same run carry the verdicts and their evidence', () => {
    const markdown = reportToMarkdown(report);
    expect(markdown).toContain(
      '**Changed since cited** (against archived copies from before): 1 unchanged, 1 edited, 1 replaced, 3 gone.',
    );
    expect(markdown).toMatch(
      /\*\*⛔ gone\*\*\. No page answers at this address any more \(The site answers 404/,
    );
    expect(markdown).toContain(
      "**🔄 replaced**. The address no longer serves the page the archived copy of 2025-10-02 shows: The address now redirects to the site's home page",
    );
    const csv = reportToCsv(report);
    expect(csv).toContain(
      `,unchanged,"The page says what the archived copy of 2025-08-23 says: no word changed.\nArchived copy: https://web.archive.org/web/20250823090000/${demoCitation('harbourmaster-post').url}"`,
    );
  });

  it('the council minutes, a PDF: the quotation split over two lines is found, on the PDF’s page', () => {
    const minutes = demoCitation('council-minutes-pdf').url;
    expect(rowOf('council-minutes-pdf')?.quoteCheck).toMatchObject({
      textOrigin: 'pdf',
      verdicts: [{ status: 'found', passage: { page: 1 }, showInSource: `${minutes}#page=1` }],
    });
    expect(reportToMarkdown(report)).toContain(`(page 1 of the PDF). [Show in source](${minutes}#page=1)`);
  });

  it('reads each quoted page once, for its quotations and its comparison alike', () => {
    const live = web.requests.filter((request) => request.url === demoCitation('harbourmaster-post').url);
    // One GET for the link check, one for the text.
    expect(live).toHaveLength(2);
  });
});
