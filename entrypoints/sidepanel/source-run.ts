import type { ArchiveLookup } from '../../core/archive/types';
import type { SourceRead } from '../../core/quote-check/source-check';

/** What one capture's quote checks and comparisons have read and asked: each page read, each archive asked, once. */
export interface PanelSourceRun {
  reads: Map<string, Promise<SourceRead>>;
  lookups: Map<string, Promise<ArchiveLookup>>;
}

export function newSourceRun(): PanelSourceRun {
  return { reads: new Map(), lookups: new Map() };
}
