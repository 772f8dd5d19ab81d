import type { Citation, CitationReference, ReferenceIdentifier } from '../core/citations/types';
import type { CitationStatus } from '../core/linkcheck/types';
import { statusMeta } from './status-meta';

/**
 * What the checks say of the links a reference gives beside its source: its own archived copy and its DOI / PMID
 * resolver links. They are checked with the source (`checkOrder`) but are no rows of their own: the source's row
 * says what they mean for it.
 */
export interface ReferenceChecks {
  /** The check of the reference's archived copy; absent when the reference gives none. */
  copy?: CitationStatus;
  /** The check of each resolver link, by its address. */
  identifiers?: Record<string, CitationStatus>;
}

/** A copy counts as usable when the archive served it; never called unusable before its check says so. */
export type CopyUse = 'usable' | 'not-usable' | 'unverified' | 'pending';

const NOT_USABLE: ReadonlySet<CitationStatus> = new Set(['dead', 'soft-404']);
const UNVERIFIED: ReadonlySet<CitationStatus> = new Set([
  'blocked',
  'rate-limited',
  'unreachable',
  'skipped',
]);

export function copyUse(status: CitationStatus): CopyUse {
  if (status === 'alive' || status === 'redirected') return 'usable';
  if (NOT_USABLE.has(status)) return 'not-usable';
  if (UNVERIFIED.has(status)) return 'unverified';
  return 'pending';
}

const COPY_WORDS: Record<CopyUse, string> = {
  usable: 'usable',
  'not-usable': 'not usable',
  unverified: 'could not be verified',
  pending: 'not checked yet',
};

/** "Archived copy in the reference: usable (alive)". */
export function copyLine(status: CitationStatus): string {
  const use = copyUse(status);
  const detail = use === 'pending' ? '' : ` (${statusMeta(status).label})`;
  return `Archived copy in the reference: ${COPY_WORDS[use]}${detail}`;
}

const SCHEME_LABELS: Record<ReferenceIdentifier['scheme'], string> = {
  doi: 'DOI',
  pmid: 'PMID',
  isbn: 'ISBN',
};

/** "DOI 10.5555/x (link alive) · ISBN 978-…": the identifiers a reference gives, with their resolver links' checks. */
export function identifiersLine(
  reference: CitationReference | undefined,
  statuses: Record<string, CitationStatus> | undefined,
): string | null {
  const identifiers = reference?.identifiers ?? [];
  if (identifiers.length === 0) return null;
  return identifiers
    .map(({ scheme, id, url }) => {
      const status = url && scheme !== 'isbn' ? statuses?.[url] : undefined;
      const checked = status && copyUse(status) !== 'pending' ? ` (link ${statusMeta(status).label})` : '';
      return `${SCHEME_LABELS[scheme]} ${id}${checked}`;
    })
    .join(' · ');
}

/** The checks of a citation's reference links, from the status of each address (undefined: not known). */
export function referenceChecksOf(
  citation: Citation,
  statusOf: (url: string) => CitationStatus,
): ReferenceChecks | null {
  const reference = citation.reference;
  if (!reference) return null;
  const checks: ReferenceChecks = {};
  if (reference.archive) checks.copy = statusOf(reference.archive.url);
  for (const { scheme, url } of reference.identifiers ?? []) {
    if (!url || scheme === 'isbn') continue;
    checks.identifiers ??= {};
    checks.identifiers[url] = statusOf(url);
  }
  return checks.copy || checks.identifiers ? checks : null;
}

/** Two checks the same for the row's purpose: rows redraw only when what they show changed. */
export function sameReferenceChecks(
  a: ReferenceChecks | null | undefined,
  b: ReferenceChecks | null | undefined,
) {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
