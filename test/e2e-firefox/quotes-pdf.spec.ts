import { pdfDeskArticle, pdfDeskQuote, pdfDeskReport, pdfDeskScan, playPdfDesk } from '../web/sites/pdf-desk';
import { expect, test } from './fixtures';
import { clickOn, textOf } from './pages';
import { rowStatuses, verdicts } from './panel';

// Issue 12 in Firefox: the panel reads a quoted PDF with pdf.js (shipped in the add-on, its worker started from
// the sidebar page), and a watched re-check reads it again in Firefox's background page.

test.describe.configure({ timeout: 120_000 });

const rowOf = (url: string) => `[role="row"][data-citation-url="${url}"]`;

test('a quoted PDF: found on its page in the panel, and again by a watched re-check in the background page', async ({
  firefox,
  openTab,
  openExtensionPage,
}) => {
  playPdfDesk(firefox.testWeb);
  const article = await openTab(pdfDeskArticle);
  const panel = await openExtensionPage('sidepanel.html');
  await article.bringToFront();
  await verdicts(() => rowStatuses(panel), 2);

  const quoteStatus = (url: string) =>
    panel.evaluate(
      (sel) => document.querySelector(sel)?.getAttribute('data-quote-status') ?? null,
      rowOf(url),
    );
  await expect.poll(() => quoteStatus(pdfDeskReport), { timeout: 30_000 }).toBe('found');
  await expect.poll(() => quoteStatus(pdfDeskScan)).toBe('not-checkable');
  await clickOn(panel, `${rowOf(pdfDeskReport)} [data-action="quote-evidence"]`);
  expect(await textOf(panel, `${rowOf(pdfDeskReport)} li[data-quote-status="found"]`)).toContain(
    '(page 2 of the PDF)',
  );

  await clickOn(panel, '[data-action="watch-from-panel"]');
  await expect
    .poll(() => panel.evaluate(() => document.querySelector('[data-article-watch="watched"]') !== null))
    .toBe(true);
  await clickOn(panel, '[data-action="recheck-watch"]');
  await expect
    .poll(() => textOf(panel, '[data-field="watch-message"]'), { timeout: 30_000 })
    .toBe('Re-checked: nothing changed.');
  await clickOn(panel, `${rowOf(pdfDeskReport)} [data-action="details"]`);
  await expect
    .poll(() => textOf(panel, `${rowOf(pdfDeskReport)} [data-watch-timeline] [data-event="quote"]`))
    .toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\d quote “${pdfDeskQuote.slice(0, 40)}.*” found$`));
});
