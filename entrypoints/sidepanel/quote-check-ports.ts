import type { Citation } from '../../core/citations/types';
import { RequestScheduler } from '../../core/linkcheck/scheduler';
import { checkArticleQuotes } from '../../core/quote-check/article-quotes';
import type { QuoteSourceDeps, SourceQuoteCheck, SourceRead } from '../../core/quote-check/source-check';

export interface QuoteCheckPorts {
  checkQuotes(
    citations: readonly Citation[],
    reads?: Map<string, Promise<SourceRead>>,
  ): Promise<SourceQuoteCheck[]>;
}

/** A fetched page as a document the panel can read, its links resolving against the page's own address. */
function parseHtml(html: string, url: string): Document {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  if (!doc.querySelector('base[href]')) {
    const base = doc.createElement('base');
    base.href = url;
    doc.head.prepend(base);
  }
  return doc;
}

/** One scheduler for every source the panel reads, so quote checks and comparisons share each host's limit. */
const scheduler = new RequestScheduler();

/** How the panel reads a cited page (the extension may fetch any http(s) page, without cookies). */
export function panelSourceReads(reads?: Map<string, Promise<SourceRead>>): QuoteSourceDeps {
  return {
    fetch: (url, init) => fetch(url, init),
    scheduler,
    mode: 'follow',
    parseHtml,
    ...(reads ? { reads } : {}),
  };
}

/**
 * The panel reads the quoted sources itself: after the link checks, so its requests never add to theirs on a
 * host. The archive is not read from here yet.
 */
export const browserQuoteChecks: QuoteCheckPorts = {
  checkQuotes: (citations, reads) => checkArticleQuotes(citations, [], panelSourceReads(reads)),
};
