import { imageOnlyPdf, textPdf } from '../generated';
import { html, send } from '../respond';
import type { TestWeb } from '../server';
import { articlePage, notFoundPage } from '../templates';

/**
 * An article whose quoted sources are PDFs (issue 12): the harbour board's report says what the article quotes on
 * its second page, over a line break with a word hyphenated at the line's end; the survey is a scan, with no text.
 */
export const pdfDeskArticle = 'https://www.pdf-desk.example/2026/04/dredging-delay/';
export const pdfDeskReport = 'https://www.harbour-board.example/reports/2026-dredging.pdf';
export const pdfDeskScan = 'https://www.harbour-board.example/reports/1998-survey.pdf';
export const pdfDeskQuote = 'dredging of the inner channel will resume only after the autumn survey';

export function playPdfDesk(testWeb: TestWeb): void {
  const report = textPdf(
    [
      ['Harbour Board annual report 2026', 'Section 1. Finances. The accounts were approved.'],
      [
        'Section 2. Works.',
        'The Board confirmed that dredging of the inner chan-',
        'nel will resume only after the autumn survey, as the',
        'contractor requested.',
      ],
    ],
    { title: 'Harbour Board: annual report 2026' },
  );
  testWeb.addSite({
    hosts: [new URL(pdfDeskReport).hostname],
    handle(_req, res, url) {
      if (url.pathname === new URL(pdfDeskReport).pathname) {
        return send(res, 200, report, { 'content-type': 'application/pdf' });
      }
      if (url.pathname === new URL(pdfDeskScan).pathname) {
        return send(res, 200, imageOnlyPdf(), { 'content-type': 'application/pdf' });
      }
      return html(res, 404, notFoundPage('Harbour Board'));
    },
  });
  testWeb.addSite({
    hosts: [new URL(pdfDeskArticle).hostname],
    handle: (_req, res) =>
      html(
        res,
        200,
        articlePage({
          siteName: 'The PDF Desk',
          title: 'Dredging delayed',
          url: pdfDeskArticle,
          published: '2026-04-02',
          paragraphs: [
            `The board’s <a href="${pdfDeskReport}">annual report</a> says “${pdfDeskQuote}”, which pushes the work into winter.`,
            `A <a href="${pdfDeskScan}">1998 survey</a> had found the channel “silting faster than any other in the county”.`,
          ],
        }),
      ),
  });
}
