/** An archived copy of a cited page in the Wayback Machine (or a self-hosted archive answering the same API). */
export interface ArchivedCopy {
  /** Replay address to open ("Open archived copy"). */
  url: string;
  /** YYYYMMDDhhmmss (UTC), as the archive writes it. */
  timestamp: string;
  /** The same moment in ISO 8601. */
  date: string;
  /** HTTP status the capture recorded ("200"); null when the archive did not say (replay-redirect fallback). */
  status: string | null;
  /** `availability-api`, or `replay-redirect` when found through the /web/<url> redirect fallback. */
  source: 'availability-api' | 'replay-redirect';
}

export type ArchiveErrorCode = 'third-party-disabled' | 'network' | 'bad-response' | 'rate-limited';

export interface ArchiveLookup {
  /** The cited URL looked up. */
  url: string;
  /** The usable copy closest before the article's publication (what the author most likely saw). */
  beforePublication: ArchivedCopy | null;
  /** The most recent usable copy. */
  mostRecent: ArchivedCopy | null;
  /** The publication moment used for `beforePublication` (ISO), or null when the article has no date. */
  publishedAt: string | null;
  /** ISO 8601. */
  lookedUpAt: string;
  /** Set when the lookup could not be completed; copies found before the failure are kept. */
  error?: { code: ArchiveErrorCode; message: string };
}
