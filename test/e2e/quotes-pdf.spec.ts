import { pdfDeskArticle, pdfDeskQuote, pdfDeskReport, pdfDeskScan, playPdfDesk } from '../web/sites/pdf-desk';
import { expect, test } from './fixtures';
import { waitForVerdicts } from './linkcheck-helpers';
import { row } from './panel-helpers';

// Issue 12: quoted sources that are PDFs. The panel reads the report's text with pdf.js and finds the quotation on
// its second page; the scan has no text to look in. Watched, the article's re-check reads the PDF again in
// Chrome's offscreen document and finds the quotation there too.

test('a quoted PDF: found on its page in the panel, and again by a watched re-check in the offscreen document', async ({
  page,
  testWeb,
  openSidePanel,
}) => {
  test.setTimeout(120_000);
  playPdfDesk(testWeb);
  await page.goto(pdfDeskArticle);
  const panel = await openSidePanel(page);
  await waitForVerdicts(panel, 2, 60_000);

  const report = row(panel, pdfDeskReport);
  await expect(report).toHaveAttribute('data-quote-status', 'found', { timeout: 30_000 });
  await report.locator('[data-action="quote-evidence"]').click();
  await expect(report.locator('li[data-quote-status="found"]')).toContainText(
    `The source says: “${pdfDeskQuote}” (page 2 of the PDF)`,
  );
  await expect(report.locator('[data-action="show-in-source"]')).toHaveAttribute(
    'href',
    `${pdfDeskReport}#page=2`,
  );

  const scan = row(panel, pdfDeskScan);
  await expect(scan).toHaveAttribute('data-quote-status', 'not-checkable');
  await scan.locator('[data-action="quote-evidence"]').click();
  await expect(scan.locator('li[data-quote-status="not-checkable"]')).toContainText(
    'There is no text in this PDF: probably a scan',
  );

  // Watched and re-checked now: the worker has no DOM, so Chrome reads the PDF in its offscreen document.
  await panel.locator('[data-action="watch-from-panel"]').click();
  const watching = panel.locator('[data-article-watch="watched"]');
  await watching.locator('[data-action="recheck-watch"]').click();
  await expect(watching.locator('[data-field="watch-message"]')).toHaveText('Re-checked: nothing changed.', {
    timeout: 30_000,
  });
  await report.locator('[data-action="details"]').click();
  await expect(report.locator('[data-watch-timeline] [data-event="quote"]')).toHaveText([
    // The timeline shortens a long quotation.
    new RegExp(`^\\d{4}-\\d\\d-\\d\\d quote “${pdfDeskQuote.slice(0, 40)}.*” found$`),
  ]);
});
