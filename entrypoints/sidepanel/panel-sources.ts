import { type LookupArchive, lookupOnce } from '../../core/archive/lookup-once';
import { lookupArchivedCopies } from '../../core/archive/wayback';
import { RequestScheduler } from '../../core/linkcheck/scheduler';
import { hostKey } from '../../core/linkcheck/url';
import type { QuoteSourceDeps } from '../../core/quote-check/source-check';
import { archiveLookupsAllowed, type Settings } from '../../core/settings/settings';
import { parseHtml } from '../../utils/parse-html';
import { readPdfText } from '../../utils/pdf-text';
import { frameTextFragments } from '../../utils/text-fragment-frame';
import type { PanelSourceRun } from './source-run';

/**
 * How the panel reads cited pages and their archived copies (the extension may fetch any http(s) page, without
 * cookies), for its quote checks and its comparisons alike.
 */

/** One scheduler for every source the panel reads, so quote checks and comparisons share each host's limit. */
const scheduler = new RequestScheduler();

export function panelSourceReads(settings: Settings | null, run?: PanelSourceRun): QuoteSourceDeps {
  return {
    fetch: (url, init) => fetch(url, init),
    scheduler,
    mode: 'follow',
    parseHtml,
    readPdfText,
    textFragments: frameTextFragments,
    thirdParty: settings !== null && archiveLookupsAllowed(settings),
    ...(run ? { reads: run.reads } : {}),
  };
}

/** Archive lookups at the reader's endpoint, once each per run; nothing is asked unless the reader allows it. */
export function panelArchiveLookup(settings: Settings, run: PanelSourceRun): LookupArchive {
  return lookupOnce(
    (url, publishedAt) =>
      lookupArchivedCopies(url, {
        fetch: (target, init) => fetch(target, init),
        thirdPartyAllowed: archiveLookupsAllowed(settings),
        endpoint: settings.archiveEndpoint,
        publishedAt,
        schedule: (target, task) => scheduler.run(hostKey(target), task),
      }),
    run.lookups,
  );
}
