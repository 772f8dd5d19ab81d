import type { CheckEvidence, LinkStatus } from '../linkcheck/types';
import type { QuoteStatus } from '../quote-check/types';

/**
 * A watched source over time: every re-check recorded with its evidence, and the verdict the three-strikes rule
 * draws from them (three-strikes.ts). Dates are ISO 8601 strings, so a history survives JSON (the CLI's state
 * file) and IndexedDB alike.
 */

/** One check of a watched source, as the reader can inspect it later. */
export interface WatchCheck {
  /** When the check ran (the run's clock, so `--now` runs are reproducible). */
  at: string;
  status: LinkStatus;
  reason: string;
  evidence: CheckEvidence;
}

/**
 * Where a watched source stands under the rule.
 * - `unchecked`: watched, never checked yet.
 * - `standing`: its last conclusive check passed (alive or redirected) and it never failed while watched.
 * - `unverified`: only checks that could not verify it so far (blocked, rate-limited, skipped).
 * - `failing`: failed since `since`; `strikes` are the failures that count (each at least the rule's gap after
 *   the one before), fewer than the rule needs.
 * - `dead`: failed as many counted checks as the rule needs; `strikes` are their dates.
 * - `recovered`: passed again on `since`, after failing (or being dead) from `failedSince`.
 */
export type SourceVerdict =
  | { state: 'unchecked' }
  | { state: 'standing'; since: string }
  | { state: 'unverified'; since: string }
  | { state: 'failing'; since: string; strikes: string[] }
  | { state: 'dead'; since: string; strikes: string[] }
  | { state: 'recovered'; since: string; failedSince: string };

export type VerdictState = SourceVerdict['state'];

/**
 * A check as the history keeps it: in full (reason and evidence) where the status changed and for the latest
 * check; only its date and status for the checks in between, which said what the one before them said.
 */
export interface KeptCheck {
  at: string;
  status: LinkStatus;
  reason?: string;
  evidence?: CheckEvidence;
}

/**
 * Something a run found about a source besides its link status (source-events.ts), shown in its timeline:
 * - `quote`: a quotation's verdict (core/quote-check) is new or changed (`previous` null the first time);
 * - `archived-copy`: the archive has a copy not recorded before (asked only when third-party lookups are on);
 * - `no-archived-copy`: the archive was asked after the source failed, and has none.
 */
export type SourceEvent =
  | { at: string; kind: 'quote'; quote: string; status: QuoteStatus; previous: QuoteStatus | null }
  | { at: string; kind: 'archived-copy'; url: string; date: string }
  | { at: string; kind: 'no-archived-copy' };

/** One watched source: its verdict and its compacted history (history.ts), oldest check first. */
export interface SourceHistory {
  /** `checkKey(url)`: the address without its fragment. */
  key: string;
  url: string;
  verdict: SourceVerdict;
  checks: KeptCheck[];
  /** Quote verdict changes and archived copies found, oldest first, bounded (absent before the first). */
  events?: SourceEvent[];
}

/**
 * What one check changed, for the reader to be told about.
 * - `broke`: it started failing (strike 1).
 * - `strike`: one more counted failure, not yet dead.
 * - `died`: the rule is met: dead.
 * - `recovered`: it answers again after failing or being dead.
 * - `status`: the verdict's state is unchanged but the link's status changed (e.g. alive → redirected).
 * - `quote`: the source still answers but no longer says what the article quotes (a quotation found before is
 *   now not found, or differs); `reason` says which.
 */
export interface SourceChange {
  key: string;
  url: string;
  at: string;
  kind: 'broke' | 'strike' | 'died' | 'recovered' | 'status' | 'quote';
  from: SourceVerdict;
  to: SourceVerdict;
  previousStatus: LinkStatus | null;
  status: LinkStatus;
  reason: string;
}

/** An article the reader watches: its sources are re-checked on the schedule (schedule.ts). */
export interface WatchedArticle {
  /** `checkKey(url)` of the article. */
  key: string;
  url: string;
  title: string;
  /** The article's publication date, for archive lookups "before publication". */
  publishedTime: string | null;
  /** The reader's own snapshot of the article, when saved: their evidence when a source breaks. */
  snapshotId: string | null;
  watchedAt: string;
  lastCheckedAt: string | null;
  /** The addresses it cites, as cited. */
  sources: string[];
  /** `checkKey` of each source: which watches a source's change concerns. */
  sourceKeys: string[];
  /** The quotations of the paragraphs citing each source, by its `checkKey`: looked for at each re-check. */
  quotes?: Record<string, string[]>;
  /** When the reader last looked at its changes. */
  seenAt: string | null;
  /** What changed since then, oldest first (bounded). */
  unseen: SourceChange[];
}

/**
 * The run in progress, persisted before its first check: the articles still to check, and the date every check
 * of the run is recorded at. A worker stopped mid-run finds it and carries on where it stopped.
 */
export interface WatchRun {
  id: 'current';
  at: string;
  /** Articles still to check, in order. */
  articles: string[];
}

/** What watching an article needs (from the panel's capture or a saved snapshot's citations). */
export interface WatchArticleRequest {
  url: string;
  title: string;
  /** The addresses it cites. */
  sources: string[];
  /** The quotations of the paragraphs citing a source, by the source's address as cited. */
  quotes?: Record<string, string[]>;
  publishedTime?: string | null;
  snapshotId?: string | null;
}

/** One watched article as the panel shows it: its watch (null when not watched) and its sources' histories. */
export interface ArticleWatchState {
  watch: WatchedArticle | null;
  sources: SourceHistory[];
}
