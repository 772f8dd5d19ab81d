import type { Citation } from '../../core/citations/types';
import { RequestScheduler } from '../../core/linkcheck/scheduler';
import { checkArticleQuotes } from '../../core/quote-check/article-quotes';
import type { SourceQuoteCheck } from '../../core/quote-check/source-check';
import { parseHtml } from '../../utils/parse-html';

export interface QuoteCheckPorts {
  checkQuotes(citations: readonly Citation[]): Promise<SourceQuoteCheck[]>;
}

/**
 * The panel reads the quoted sources itself (the extension may fetch any http(s) page, without cookies): after the
 * link checks, so its requests never add to theirs on a host. The archive is not read from here yet.
 */
export const browserQuoteChecks: QuoteCheckPorts = {
  checkQuotes: (citations) =>
    checkArticleQuotes(citations, [], {
      fetch: (url, init) => fetch(url, init),
      scheduler: new RequestScheduler(),
      mode: 'follow',
      parseHtml,
    }),
};
