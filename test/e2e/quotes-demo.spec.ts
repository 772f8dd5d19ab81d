import type { Page } from '@playwright/test';
import { demoArticleUrl, demoCitation, demoCitations } from '../web/sites/demo/fates';
import { expect, test } from './fixtures';
import { keptSourceReadings, sourceReads, waitForVerdicts } from './linkcheck-helpers';
import { row } from './panel-helpers';

// Issue 12 end to end on the demo article: once the links are checked, the panel looks for each quotation in the
// page its paragraph cites, as the test web plays those pages (test/web/sites/demo/source-pages.ts).

const quoteStatus = (panel: Page, id: string) => row(panel, demoCitation(id).url);

test('the demo article: each quoted source says whether it has the quotation', async ({
  page,
  openSidePanel,
}) => {
  // The slow, rate-limited and unreachable sources take their retries and waits before quotes are looked for.
  test.setTimeout(180_000);
  await page.goto(demoArticleUrl);
  const panel = await openSidePanel(page);
  // The PDF is parsed in pdf.js' own worker, shipped in the extension, off the panel's thread.
  const pdfWorker = panel.waitForEvent('worker', {
    predicate: (worker) => worker.url().endsWith('/pdfjs/pdf.worker.min.mjs'),
    timeout: 120_000,
  });
  await waitForVerdicts(panel, demoCitations.length, 90_000);

  // The laboratory's statement has its quotation; the harbourmaster's post has the other one of that paragraph.
  await expect(quoteStatus(panel, 'lab-statement-moved')).toHaveAttribute('data-quote-status', 'found', {
    timeout: 30_000,
  });
  await expect(quoteStatus(panel, 'harbourmaster-post')).toHaveAttribute('data-quote-status', 'found');
  // The council minutes are a PDF, read with pdf.js: the quotation runs over a line break hyphenated mid-word.
  // The swim club's notice does not quote Ms Whitlock.
  await expect(quoteStatus(panel, 'council-minutes-pdf')).toHaveAttribute('data-quote-status', 'found');
  expect((await pdfWorker).url()).toMatch(/^chrome-extension:\/\//);
  await expect(quoteStatus(panel, 'swim-club-notice')).toHaveAttribute('data-quote-status', 'not-found');
  // Citations without a quotation in their paragraph have no quote status.
  await expect(quoteStatus(panel, 'state-guidance')).not.toHaveAttribute('data-quote-status', /.+/);

  const lab = quoteStatus(panel, 'lab-statement-moved');
  await lab.locator('[data-action="quote-evidence"]').click();
  await expect(lab.locator('li[data-quote-status="found"]')).toContainText(
    'The source says: “sent three renewal notices between April and June and received no reply”',
  );
  await expect(panel.locator('[data-quote-summary]')).toContainText('found');

  const minutes = quoteStatus(panel, 'council-minutes-pdf');
  await minutes.locator('[data-action="quote-evidence"]').click();
  await expect(minutes.locator('li[data-quote-status="found"]')).toContainText(/\(page 1 of the PDF\)/);
  await expect(minutes.locator('[data-action="show-in-source"]')).toHaveAttribute(
    'href',
    `${demoCitation('council-minutes-pdf').url}#page=1`,
  );
});

test('the demo article: the panel reopened shows the quote verdicts without reading the quoted sources again', async ({
  page,
  openSidePanel,
  serviceWorker,
  testWeb,
}) => {
  test.setTimeout(180_000);
  await page.goto(demoArticleUrl);
  let panel = await openSidePanel(page);
  await waitForVerdicts(panel, demoCitations.length, 90_000);
  await expect(quoteStatus(panel, 'lab-statement-moved')).toHaveAttribute('data-quote-status', 'found', {
    timeout: 30_000,
  });
  const quoted = await panel.locator('[role="row"][data-quote-status]').count();
  expect(sourceReads(testWeb.requests).length).toBeGreaterThan(0);
  // The worker has kept one quote check per quoted source before the reader closes the panel.
  await expect.poll(() => keptSourceReadings(serviceWorker, 'quoteChecks')).toBe(quoted);
  await panel.close();
  testWeb.resetLog();

  panel = await openSidePanel(page);
  await waitForVerdicts(panel, demoCitations.length);
  await expect(quoteStatus(panel, 'lab-statement-moved')).toHaveAttribute('data-quote-status', 'found');
  await expect(quoteStatus(panel, 'harbourmaster-post')).toHaveAttribute('data-quote-status', 'found');
  await expect(quoteStatus(panel, 'council-minutes-pdf')).toHaveAttribute('data-quote-status', 'found');
  await expect(quoteStatus(panel, 'swim-club-notice')).toHaveAttribute('data-quote-status', 'not-found');
  await expect(panel.locator('[role="row"][data-quote-status]')).toHaveCount(quoted);
  expect(sourceReads(testWeb.requests)).toEqual([]);

  // The reader's re-check of one quoted source reads that source again, and only it.
  const harbourmaster = demoCitation('harbourmaster-post').url;
  await quoteStatus(panel, 'harbourmaster-post').locator('[data-action="details"]').click();
  await quoteStatus(panel, 'harbourmaster-post').locator('[data-action="recheck"]').click();
  await expect.poll(() => sourceReads(testWeb.requests)).toEqual([harbourmaster]);
  await expect(quoteStatus(panel, 'harbourmaster-post')).toHaveAttribute('data-quote-status', 'found');
});
