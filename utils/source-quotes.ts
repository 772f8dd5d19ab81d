import type { RequestScheduler } from '../core/linkcheck/scheduler';
import { checkSourceQuotes } from '../core/quote-check/source-check';
import type { QuoteStatus } from '../core/quote-check/types';
import { parseHtml } from './parse-html';
import { readPdfText } from './pdf-text';

/**
 * A watched source's quotations looked for again, where a DOM exists (Firefox's background page, Chrome's
 * offscreen document): the quote check's own reading of the page (core/quote-check), its verdicts only.
 */
export async function watchedQuoteVerdicts(
  url: string,
  quotes: readonly string[],
  scheduler: RequestScheduler,
): Promise<{ quote: string; status: QuoteStatus }[]> {
  const check = await checkSourceQuotes(url, quotes, {
    fetch: (target, init) => fetch(target, init),
    scheduler,
    mode: 'follow',
    parseHtml,
    readPdfText,
  });
  return check.verdicts.map(({ quote, status }) => ({ quote, status }));
}
