import type { ArchiveLookup } from '../../core/archive/types';
import type { Citation } from '../../core/citations/types';
import type { SourceQuoteCheck } from '../../core/quote-check/source-check';
import type { Settings } from '../../core/settings/settings';
import { loadLater } from './load-later';
import type { PanelSourceRun } from './source-run';

/** What the panel knows when it starts its quote checks. */
export interface QuoteCheckContext {
  run: PanelSourceRun;
  settings: Settings;
  publishedTime: string | null;
  /** The link checks' archive lookups. */
  archives: readonly ArchiveLookup[];
  /** Sources (by `keyOf`) the reader asked to check again: what was kept of them is not reused. */
  force?: ReadonlySet<string>;
}

export interface QuoteCheckPorts {
  checkQuotes(citations: readonly Citation[], context?: QuoteCheckContext): Promise<SourceQuoteCheck[]>;
}

// Readability, the PDF reader and the matching are loaded once the link checks are done, not with the panel.
const loadQuoteChecks = () =>
  loadLater('quote checks', async () => ({
    ...(await import('../../core/quote-check/article-quotes')),
    ...(await import('./panel-sources')),
  }));

/**
 * The panel reads the quoted sources itself: after the link checks, so its requests never add to theirs on a
 * host. With third-party lookups allowed, a quotation the live page lacks is looked for in the archived copy
 * from before publication (found only in the archived copy).
 */
export const liveQuoteChecks: QuoteCheckPorts = {
  checkQuotes: async (citations, context) => {
    const { checkArticleQuotes, panelArchiveLookup, panelSourceReads } = await loadQuoteChecks();
    if (!context) return checkArticleQuotes(citations, [], panelSourceReads(null));
    const { run, settings, publishedTime, archives } = context;
    const lookup = panelArchiveLookup(settings, run);
    return checkArticleQuotes(citations, archives, panelSourceReads(settings, run), (url) =>
      lookup(url, publishedTime),
    );
  },
};
