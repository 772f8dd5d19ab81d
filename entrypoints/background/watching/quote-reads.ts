import type { RequestScheduler } from '../../../core/linkcheck/scheduler';
import type { WatchRunDeps } from '../../../core/watch/watch-run';
import { sendMessage } from '../../../utils/messaging';
import { type OffscreenDocument, sharedOffscreenDocument } from '../offscreen-document';

/**
 * How a re-check reads a source's quotations, where this browser has a DOM to read a page with: Firefox's
 * background page itself, Chrome's offscreen document (its MV3 worker has none). Without either, the run does not
 * look for quotations.
 */
export function watchQuoteReader(scheduler: RequestScheduler): Pick<WatchRunDeps, 'checkQuotes'> {
  // Decided at build time: Chrome's worker carries no copy of the reading code (Readability), only the message.
  if (!import.meta.env.FIREFOX) {
    const document = sharedOffscreenDocument();
    return document ? { checkQuotes: offscreenQuoteReader(document) } : {};
  }
  if (typeof DOMParser === 'undefined') return {};
  return {
    checkQuotes: async (url, quotes) => {
      // Loaded on the first quoted source: Readability stays out of the background until a re-check needs it.
      const { watchedQuoteVerdicts } = await import('../../../utils/source-quotes');
      return watchedQuoteVerdicts(url, quotes, scheduler);
    },
  };
}

type QuoteVerdicts = NonNullable<WatchRunDeps['checkQuotes']>;

/**
 * Chrome: the source is read in the offscreen document, opened for the read and closed once idle. `ask` is the
 * message to it (a test answers it in place: the fake browser does not carry a listener's answer back).
 */
export function offscreenQuoteReader(
  document: OffscreenDocument,
  ask: (data: { url: string; quotes: string[] }) => ReturnType<QuoteVerdicts> = (data) =>
    sendMessage('offscreenQuoteVerdicts', data),
): QuoteVerdicts {
  return (url, quotes) => document.use(() => ask({ url, quotes: [...quotes] }));
}
