import { JSDOM, VirtualConsole } from 'jsdom';
import { RequestScheduler } from '../../../core/linkcheck/scheduler';
import { loadPdfJs, pdfTextReader } from '../../../core/quote-check/pdf-text';
import type { QuoteSourceDeps } from '../../../core/quote-check/source-check';
import type { TestWeb } from '../../web/server';

/**
 * How Node reads cited pages through the test web, as `npm run check` does: its own redirects, jsdom, no console,
 * pdf.js' legacy build for PDFs.
 */
export function sourceReadDeps(web: TestWeb, overrides: Partial<QuoteSourceDeps> = {}): QuoteSourceDeps {
  return {
    fetch: web.fetch,
    scheduler: new RequestScheduler(),
    mode: 'manual',
    parseHtml: (source, url) =>
      new JSDOM(source, { url, virtualConsole: new VirtualConsole() }).window.document,
    readPdfText: pdfTextReader(loadPdfJs),
    ...overrides,
  };
}
