/**
 * What a careful checker should conclude about a cited URL served by the test web (the statuses of issue 3), with
 * the reason in words, so end-to-end tests and benchmarks read expected verdicts from the same table the sites are
 * built from.
 */
export type ExpectedStatus =
  | 'alive'
  | 'redirected'
  | 'dead'
  | 'soft-404'
  | 'blocked'
  | 'rate-limited'
  | 'unreachable'
  | 'skipped';

export type CitationKind = 'news' | 'government' | 'academic' | 'social' | 'archive' | 'document' | 'other';

export interface CitationFate {
  /** The URL exactly as the article cites it. */
  url: string;
  status: ExpectedStatus;
  /** What the host does, in words (for test names and failure messages). */
  why: string;
  /** Whether the local Wayback holds a usable (2xx) copy of it. */
  archivedCopy: boolean;
}
