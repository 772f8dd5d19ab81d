import type { ArchivedCopy, ArchiveLookup } from '../archive/types';
import { publicationTimestamp } from '../archive/wayback';
import type { Citation } from '../citations/types';
import { type CitationStatus, isBrokenStatus, LINK_STATUSES } from '../linkcheck/types';
import { checkKey } from '../linkcheck/url';
import type { ArchiveState, CitationCheckState, MarkerItem } from './types';

export const ALL_CITATION_STATUSES: readonly CitationStatus[] = [
  ...LINK_STATUSES,
  'checking',
  'queued',
  'not-checked',
];

export function isPending(status: CitationStatus): boolean {
  return status === 'queued' || status === 'checking';
}

export function isVerdict(status: CitationStatus): boolean {
  return status !== 'queued' && status !== 'checking' && status !== 'not-checked';
}

export function countStatuses(statuses: Iterable<CitationStatus>): Record<CitationStatus, number> {
  const counts = Object.fromEntries(ALL_CITATION_STATUSES.map((status) => [status, 0])) as Record<
    CitationStatus,
    number
  >;
  for (const status of statuses) counts[status]++;
  return counts;
}

export interface CheckProgressSummary {
  total: number;
  /** Citations with a verdict. */
  done: number;
  /** Queued or being checked now. */
  pending: number;
  /** Dead or soft 404: the sources that no longer stand. */
  broken: number;
  running: boolean;
}

export function progressOf(statuses: readonly CitationStatus[]): CheckProgressSummary {
  let done = 0;
  let pending = 0;
  let broken = 0;
  for (const status of statuses) {
    if (isVerdict(status)) done++;
    if (isPending(status)) pending++;
    if (isBrokenStatus(status)) broken++;
  }
  return { total: statuses.length, done, pending, broken, running: pending > 0 };
}

/** The copy a reader most likely wants: what the author saw (before publication), else the newest. */
export function preferredCopy(lookup: ArchiveLookup | undefined): ArchivedCopy | null {
  return lookup?.beforePublication ?? lookup?.mostRecent ?? null;
}

/** The newer of two states of the same URL (a reply that raced an update loses). */
export function newerState<T extends CitationCheckState | ArchiveState>(
  current: T | undefined,
  incoming: T,
): T {
  return current && current.revision > incoming.revision ? current : incoming;
}

/**
 * Where an archive lookup is kept: the URL without its fragment and the moment "before publication" means (a
 * date-only publication covers its whole day; no date, no "before").
 */
export function archiveKeyOf(url: string, publishedTime: string | null): string {
  const published = publishedTime ? publicationTimestamp(publishedTime) : null;
  return `${checkKey(url) ?? url} @${published ?? 'undated'}`;
}

/**
 * The moment "the archived copy before" means for a citation: when its reference says the editor read it (the
 * access date), otherwise the article's publication.
 */
export function archiveMomentOf(
  citation: Pick<Citation, 'reference'>,
  publishedTime: string | null,
): string | null {
  return citation.reference?.accessDate ?? publishedTime;
}

/** The access dates a page's references give, by citation URL, for the check request. */
export function accessDatesOf(citations: readonly Citation[]): Record<string, string> | undefined {
  const dates: Record<string, string> = {};
  for (const citation of citations) {
    const date = citation.reference?.accessDate;
    if (date) dates[citation.url] = date;
  }
  return Object.keys(dates).length > 0 ? dates : undefined;
}

/**
 * What a page marker says and where it goes, as one string: the panel sends the page only the markers whose
 * signature changed, and the page redraws only those.
 */
export function markerSignature(item: MarkerItem): string {
  return JSON.stringify([item.status, item.reason ?? '', item.archivedUrl ?? '', item.linkIndexes]);
}
