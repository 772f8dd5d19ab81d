import { archiveKeyOf, isVerdict, newerState, preferredCopy } from '../../core/citation-status/summary';
import type {
  ArchiveState,
  CheckSnapshot,
  CitationCheckState,
  MarkerItem,
} from '../../core/citation-status/types';
import type { Citation } from '../../core/citations/types';
import type { CitationStatus } from '../../core/linkcheck/types';
import { checkKey } from '../../core/linkcheck/url';

/** What the panel holds of the worker's states: by check key, and archives by archive key. */
export interface KnownChecks {
  states: ReadonlyMap<string, CitationCheckState>;
  archives: ReadonlyMap<string, ArchiveState>;
}

export const NO_CHECKS: KnownChecks = { states: new Map(), archives: new Map() };

export function keyOf(url: string): string {
  return checkKey(url) ?? url;
}

/** Adds what the worker said; an older state never replaces a newer one (replies race updates). */
export function mergeChecks(known: KnownChecks, update: Partial<CheckSnapshot>): KnownChecks {
  let states = known.states;
  let archives = known.archives;
  for (const state of update.states ?? []) {
    const current = states.get(state.key);
    const next = newerState(current, state);
    if (next === current) continue;
    if (states === known.states) states = new Map(states);
    (states as Map<string, CitationCheckState>).set(state.key, next);
  }
  for (const archive of update.archives ?? []) {
    const current = archives.get(archive.archiveKey);
    const next = newerState(current, archive);
    if (next === current) continue;
    if (archives === known.archives) archives = new Map(archives);
    (archives as Map<string, ArchiveState>).set(archive.archiveKey, next);
  }
  return states === known.states && archives === known.archives ? known : { states, archives };
}

export function statusOf(known: KnownChecks, url: string): CitationStatus {
  return known.states.get(keyOf(url))?.status ?? 'not-checked';
}

export function archiveOf(
  known: KnownChecks,
  url: string,
  publishedTime: string | null,
): ArchiveState | undefined {
  return known.archives.get(archiveKeyOf(url, publishedTime));
}

/** The markers to show on the page: every citation with a verdict, its reason, and for broken ones a copy. */
export function markerItems(
  citations: Citation[],
  known: KnownChecks,
  publishedTime: string | null,
): MarkerItem[] {
  const items: MarkerItem[] = [];
  for (const citation of citations) {
    const state = known.states.get(keyOf(citation.url));
    if (!state || !isVerdict(state.status)) continue;
    const copy = preferredCopy(archiveOf(known, citation.url, publishedTime)?.lookup);
    items.push({
      url: citation.url,
      linkIndexes: citation.occurrences.map((occurrence) => occurrence.linkIndex),
      status: state.status,
      ...(state.result?.reason ? { reason: state.result.reason } : {}),
      ...(copy ? { archivedUrl: copy.url } : {}),
    });
  }
  return items;
}
