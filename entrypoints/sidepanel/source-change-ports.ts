import type { ArchiveLookup } from '../../core/archive/types';
import { lookupArchivedCopies } from '../../core/archive/wayback';
import type { Citation } from '../../core/citations/types';
import type { CheckResult } from '../../core/linkcheck/types';
import type { SourceRead } from '../../core/quote-check/source-check';
import { archiveLookupsAllowed, type Settings } from '../../core/settings/settings';
import { checkArticleChanges } from '../../core/source-change/article-changes';
import type { SourceChange } from '../../core/source-change/types';
import { panelSourceReads } from './quote-check-ports';

export interface SourceChangeInputs {
  citations: readonly Citation[];
  publishedTime: string | null;
  results: readonly CheckResult[];
  archives: readonly ArchiveLookup[];
  settings: Settings;
  /** The pages the panel's quote checks read, shared so a quoted page is read once. */
  reads: Map<string, Promise<SourceRead>>;
}

export interface SourceChangePorts {
  checkChanges(inputs: SourceChangeInputs): Promise<SourceChange[]>;
}

/**
 * The panel compares the sources itself, as it reads quoted ones: after the link checks, through one scheduler,
 * archived copies (and the lookups of quoted sources' copies) only when the reader allows third-party lookups.
 */
export const browserSourceChanges: SourceChangePorts = {
  checkChanges: ({ citations, publishedTime, results, archives, settings, reads }) => {
    const allowed = archiveLookupsAllowed(settings);
    const deps = panelSourceReads(reads);
    return checkArticleChanges(
      { citations, publishedTime, results, archives },
      {
        ...deps,
        thirdParty: allowed,
        lookupArchive: (url, publishedAt) =>
          lookupArchivedCopies(url, {
            fetch: deps.fetch,
            thirdPartyAllowed: allowed,
            endpoint: settings.archiveEndpoint,
            publishedAt,
          }),
      },
    );
  },
};
