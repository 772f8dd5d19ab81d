import type { ArchiveLookup } from '../archive/types';
import type { Citation } from '../citations/types';
import { checkKey } from '../linkcheck/url';
import { checkSourceQuotes, type QuoteSourceDeps, type SourceQuoteCheck } from './source-check';

/**
 * Every quoted source of an article checked for its quotations, all at once: the scheduler in `deps` keeps each
 * host to its share, as it does for link checks. Citations without quotations cost no request. A source the link
 * checks did not look up in the archive is looked up with `lookupArchive`, only if its live page lacks a quotation.
 */
export async function checkArticleQuotes(
  citations: readonly Citation[],
  archives: readonly ArchiveLookup[],
  deps: QuoteSourceDeps,
  lookupArchive?: (url: string) => Promise<ArchiveLookup>,
): Promise<SourceQuoteCheck[]> {
  const archiveOf = new Map(archives.map((archive) => [checkKey(archive.url) ?? archive.url, archive]));
  const quoted = citations.filter((citation) => citation.quotes.length > 0 && /^https?:/i.test(citation.url));
  return Promise.all(
    quoted.map((citation) =>
      checkSourceQuotes(
        citation.url,
        citation.quotes,
        deps,
        archiveOf.get(checkKey(citation.url) ?? citation.url) ??
          (lookupArchive ? () => lookupArchive(citation.url) : null),
      ),
    ),
  );
}
