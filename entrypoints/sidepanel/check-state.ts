import {
  archiveKeyOf,
  archiveMomentOf,
  isVerdict,
  markerSignature,
  newerState,
  preferredCopy,
} from '../../core/citation-status/summary';
import type {
  ArchiveState,
  CheckSnapshot,
  CitationCheckState,
  MarkerItem,
  MarkerUpdate,
} from '../../core/citation-status/types';
import { markedLinkIndexes } from '../../core/citations/places';
import type { Citation } from '../../core/citations/types';
import type { CitationStatus } from '../../core/linkcheck/types';
import { checkKey } from '../../core/linkcheck/url';

/** What the panel holds of the worker's states: by check key, and archives by archive key. */
export interface KnownChecks {
  states: ReadonlyMap<string, CitationCheckState>;
  archives: ReadonlyMap<string, ArchiveState>;
}

export const NO_CHECKS: KnownChecks = { states: new Map(), archives: new Map() };

/** Check keys already worked out: every frame of a long article's checks asks for thousands of them. */
const keys = new Map<string, string>();
const KEYS_KEPT = 50_000;

export function keyOf(url: string): string {
  let key = keys.get(url);
  if (key === undefined) {
    key = checkKey(url) ?? url;
    if (keys.size >= KEYS_KEPT) keys.clear();
    keys.set(url, key);
  }
  return key;
}

/**
 * Adds what the worker said; an older state never replaces a newer one (replies race updates). Unchanged maps
 * (and an unchanged whole) are returned as they were, so nothing re-renders for an update that changed nothing.
 */
export function mergeChecks(known: KnownChecks, update: Partial<CheckSnapshot>): KnownChecks {
  const states = withNewer(known.states, update.states, (state) => state.key);
  const archives = withNewer(known.archives, update.archives, (archive) => archive.archiveKey);
  return states === known.states && archives === known.archives ? known : { states, archives };
}

function withNewer<T extends CitationCheckState | ArchiveState>(
  map: ReadonlyMap<string, T>,
  incoming: readonly T[] | undefined,
  keyOf: (item: T) => string,
): ReadonlyMap<string, T> {
  let merged: Map<string, T> | null = null;
  for (const item of incoming ?? []) {
    const key = keyOf(item);
    const current = (merged ?? map).get(key);
    const next = newerState(current, item);
    if (next === current) continue;
    merged ??= new Map(map);
    merged.set(key, next);
  }
  return merged ?? map;
}

export function statusOf(known: KnownChecks, url: string): CitationStatus {
  return known.states.get(keyOf(url))?.status ?? 'not-checked';
}

/** The archive lookup of a citation: the copies before its reference's access date, or before publication. */
export function archiveOf(
  known: KnownChecks,
  citation: Citation,
  publishedTime: string | null,
): ArchiveState | undefined {
  return known.archives.get(archiveKeyOf(citation.url, archiveMomentOf(citation, publishedTime)));
}

/** The markers to show on the page: every citation with a verdict, its reason, and for broken ones a copy. */
export function markerItems(
  citations: readonly Citation[],
  known: KnownChecks,
  publishedTime: string | null,
): MarkerItem[] {
  const items: MarkerItem[] = [];
  for (const citation of citations) {
    const state = known.states.get(keyOf(citation.url));
    if (!state || !isVerdict(state.status)) continue;
    // Most articles have no archive lookups: skip working out each citation's archive key (a URL parse) then.
    const copy =
      known.archives.size > 0 ? preferredCopy(archiveOf(known, citation, publishedTime)?.lookup) : undefined;
    items.push({
      url: citation.url,
      linkIndexes: markedLinkIndexes(citation),
      status: state.status,
      ...(state.result?.reason ? { reason: state.result.reason } : {}),
      ...(copy ? { archivedUrl: copy.url } : {}),
    });
  }
  return items;
}

/**
 * The change to send the page, given what it was sent last (`null`: nothing yet, so everything, replacing what
 * is there); `null` when nothing changed.
 */
export function markerUpdate(
  sent: ReadonlyMap<string, string> | null,
  items: MarkerItem[],
): MarkerUpdate | null {
  if (!sent) return { items, replace: true };
  const changed = items.filter((item) => sent.get(item.url) !== markerSignature(item));
  const present = new Set(items.map((item) => item.url));
  const remove = [...sent.keys()].filter((url) => !present.has(url));
  if (changed.length === 0 && remove.length === 0) return null;
  return { items: changed, ...(remove.length > 0 ? { remove } : {}) };
}

/** What the page was last sent: from which states, and each marker's signature by citation URL. */
export interface SentMarkers {
  citations: readonly Citation[];
  known: KnownChecks;
  signatures: ReadonlyMap<string, string>;
}

/**
 * The markers update to send the page now (null when nothing changed) and what it will then have. Between two
 * sends only the citations whose state changed are looked at again: a long article's markers are not rebuilt and
 * compared, 2,000 of them, a few times a second while verdicts trickle in. A new list of citations, or a change of
 * archived copies, goes through them all.
 */
export function nextMarkers(
  citations: readonly Citation[],
  known: KnownChecks,
  publishedTime: string | null,
  sent: SentMarkers | null,
): { update: MarkerUpdate | null; sent: SentMarkers } {
  if (!sent || sent.citations !== citations || sent.known.archives !== known.archives) {
    const items = markerItems(citations, known, publishedTime);
    return {
      update: markerUpdate(sent?.signatures ?? null, items),
      sent: { citations, known, signatures: new Map(items.map((item) => [item.url, markerSignature(item)])) },
    };
  }
  const changed = citations.filter((citation) => {
    const key = keyOf(citation.url);
    return sent.known.states.get(key) !== known.states.get(key);
  });
  const items = markerItems(changed, known, publishedTime);
  const signatures = new Map(sent.signatures);
  const updated = items.filter((item) => {
    const signature = markerSignature(item);
    if (signatures.get(item.url) === signature) return false;
    signatures.set(item.url, signature);
    return true;
  });
  const marked = new Set(items.map((item) => item.url));
  const remove = changed
    .map((citation) => citation.url)
    .filter((url) => !marked.has(url) && signatures.delete(url));
  const update =
    updated.length > 0 || remove.length > 0
      ? { items: updated, ...(remove.length > 0 ? { remove } : {}) }
      : null;
  return { update, sent: { citations, known, signatures } };
}
