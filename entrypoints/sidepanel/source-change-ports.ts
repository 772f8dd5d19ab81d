import type { ArchiveLookup } from '../../core/archive/types';
import type { Citation } from '../../core/citations/types';
import type { CheckResult } from '../../core/linkcheck/types';
import type { Settings } from '../../core/settings/settings';
import type { SourceChange } from '../../core/source-change/types';
import { loadLater } from './load-later';
import type { PanelSourceRun } from './source-run';

export interface SourceChangeInputs {
  citations: readonly Citation[];
  publishedTime: string | null;
  results: readonly CheckResult[];
  archives: readonly ArchiveLookup[];
  settings: Settings;
  /** What the panel's quote checks read and asked, shared so each page and lookup is made once. */
  run: PanelSourceRun;
  /** Sources (by `keyOf`) the reader asked to check again: what was kept of them is not reused. */
  force?: ReadonlySet<string>;
  /** Sources (by `keyOf`) the reader asked to compare, though neither quoted nor broken. */
  alsoCompare?: ReadonlySet<string>;
}

export interface SourceChangePorts {
  checkChanges(inputs: SourceChangeInputs): Promise<SourceChange[]>;
}

// The comparison (and the readers it shares with the quote checks) is loaded when the first comparison starts.
const loadComparisons = () =>
  loadLater('source comparisons', async () => ({
    ...(await import('../../core/source-change/article-changes')),
    ...(await import('./panel-sources')),
  }));

/**
 * The panel compares the sources itself, as it reads quoted ones: after the link checks, through one scheduler,
 * archived copies (and the lookups of quoted sources' copies) only when the reader allows third-party lookups.
 */
export const liveSourceChanges: SourceChangePorts = {
  checkChanges: async ({ citations, publishedTime, results, archives, settings, run, alsoCompare }) => {
    const { checkArticleChanges, panelArchiveLookup, panelSourceReads } = await loadComparisons();
    return checkArticleChanges(
      { citations, publishedTime, results, archives, ...(alsoCompare ? { alsoCompare } : {}) },
      { ...panelSourceReads(settings, run), lookupArchive: panelArchiveLookup(settings, run) },
    );
  },
};
