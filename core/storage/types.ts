import type { ArticleMetadata, CapturedArticle } from '../capture/types';
import type { Citation } from '../citations/types';
import type { CitationStatus } from '../linkcheck/types';
import type { SnapshotFailure, SnapshotRemovals } from '../snapshot/types';

/** `article`: a page the reader saved. `source`: a page one of its citations points to, saved with it. */
export type SnapshotKind = 'article' | 'source';

/** A citation as it stood when the article was saved. */
export interface SnapshotCitation extends Citation {
  status: CitationStatus;
  /** The checker's one-line reason, when it had given one. */
  statusReason?: string;
  /** ISO time of that verdict. */
  checkedAt?: string;
  /** The local copy of this source, once "Save with sources" has kept one. */
  sourceSnapshotId?: string;
}

export type StatusCounts = Partial<Record<CitationStatus, number>>;

/** What the library lists: small, so that listing and sorting thousands of snapshots stays cheap. */
export interface SnapshotSummary {
  id: string;
  kind: SnapshotKind;
  /** For a source: the article it was saved with. */
  parentId: string | null;
  /** For a source: the citation URL of the parent it captures (before any redirect). */
  citedAs: string | null;
  /** The page's address when it was saved. */
  url: string;
  title: string;
  /** The site name the page gives, else its host. */
  siteName: string;
  /** ISO 8601. */
  savedAt: string;
  /** UTF-8 size of the snapshot HTML. */
  bytes: number;
  /** The snapshot's recorded SHA-256 (see core/snapshot/hash.ts). */
  sha256: string;
  citationCount: number;
  statusCounts: StatusCounts;
  /** Some citation was dead or a soft 404 at capture time. */
  hasBroken: boolean;
  /** Sources saved with this article. */
  sourceCount: number;
  /** Resources that could not be inlined. */
  failureCount: number;
}

export interface SnapshotBody {
  id: string;
  html: string;
}

export interface SnapshotDetails {
  id: string;
  /** The captured article (reader view data), when the page was one. */
  article: CapturedArticle | null;
  metadata: ArticleMetadata | null;
  citations: SnapshotCitation[];
  failures: SnapshotFailure[];
  removed: SnapshotRemovals | null;
  resources: { count: number; bytes: number } | null;
  /** Plain text for full-text search. */
  text: string;
}

export interface SnapshotSearchEntry {
  id: string;
  /** Unique normalised tokens of title, URL, site and text. */
  tokens: string[];
}

/** What the background hands to `saveSnapshot`. */
export interface NewSnapshot {
  id?: string;
  kind?: SnapshotKind;
  parentId?: string | null;
  citedAs?: string | null;
  url: string;
  title: string;
  siteName?: string | null;
  savedAt: string;
  html: string;
  sha256: string;
  article?: CapturedArticle | null;
  citations?: SnapshotCitation[];
  failures?: SnapshotFailure[];
  removed?: SnapshotRemovals | null;
  resources?: { count: number; bytes: number } | null;
  /** Searchable text; defaults to the article's text. */
  text?: string;
}

/** Everything the library keeps about one snapshot, as a backup carries it. */
export interface SnapshotRecord {
  summary: SnapshotSummary;
  details: SnapshotDetails;
  html: string;
}
