/**
 * The one message contract between Cited's contexts: content script, background worker,
 * side panel and extension pages. Each feature owns a section; `ProtocolMap` joins them.
 *
 * Errors thrown by a handler reach the sender as an Error with the same `name`, `message`
 * and `code` (see core/errors), so a panel can tell "restricted page" from "no article".
 */

import type { ArticleReadIn, ParsedElsewhere } from '../core/capture';
import type { PageSource } from '../core/capture/page-source';
import type {
  ArchiveLookupRequest,
  ArchiveState,
  CheckCitationsRequest,
  CheckSnapshot,
  MarkerUpdate,
} from '../core/citation-status/types';
import type { CaptureHead, CitationPartRequest } from '../core/citations/capture-parts';
import type { Citation } from '../core/citations/types';
import type { QuoteStatus } from '../core/quote-check/types';
import type {
  PreparedPage,
  SaveJobRequest,
  SaveOutcome,
  SaveProgress,
  SaveTabRequest,
} from '../core/save-job/types';
import type { SourceReadings, SourceReadingsRequest } from '../core/storage/source-reading-store';
import type { ArticleWatchState, WatchArticleRequest, WatchedArticle } from '../core/watch/types';

/** Handled by the content script in the article's tab. */
export interface PageProtocol {
  /**
   * The page serialised for Readability's parse in the panel's worker (issue 10: the parse was the page's longest
   * task), or why it is not (not an article, too big): the panel then asks `capturePage` without a parse.
   */
  pageSource(): PageSource;
  /**
   * Capture the article and its citations from the live page. The answer holds the first citations; a long
   * article's others wait in the page for `captureCitations`, so no one message (or task) carries them all.
   * With `parsed` (the worker's parse of `pageSource`) the page does not run Readability itself unless the
   * parse's links no longer match its own; `articleReadIn` says which it did ('page' too for a non-article).
   */
  capturePage(data: { parsed?: ParsedElsewhere } | undefined): CaptureHead & { articleReadIn: ArticleReadIn };
  /** The next part of the capture `capturePage` began (fails with 'page-not-ready' once the page has changed). */
  captureCitations(data: CitationPartRequest): Citation[];
  /**
   * Scroll to one occurrence of a citation and flash a highlight on it.
   * `found` is false when the link is no longer on the page (it was removed or re-rendered).
   */
  highlightLink(data: { linkIndex: number; url: string }): { found: boolean };
}

/** Link checks (issue 3): the panel asks the background worker; the worker reports back as verdicts arrive. */
export interface CheckProtocol {
  /**
   * Panel → background. Remembers the tab's citations (badge, archive lookups) and, with `start`, checks them
   * (fresh stored verdicts are reused unless `force`). Answers at once with what is known now; the rest
   * arrives as `checkUpdate`.
   */
  checkCitations(data: CheckCitationsRequest): CheckSnapshot;
  /** Panel → background: the reader's Stop: end the checks this tab's panel started; the rest stays not checked. */
  stopChecks(data: { tabId: number }): { stopped: number };
  /** Panel → background: look up archived copies now (throws 'third-party-disabled' when lookups are off). */
  lookupArchive(data: ArchiveLookupRequest): ArchiveState;
  /**
   * Background → extension pages, fire-and-forget: new states as checks and lookups progress. A closed panel
   * is not an error.
   */
  checkUpdate(data: Partial<CheckSnapshot>): void;
  /**
   * Panel → content script: put (or update) a status marker after each occurrence of these citations, a few
   * dozen per frame; answered once every marker asked for so far is on the page. Updates carry only what changed
   * since the last call (`replace` sends the whole set and removes every other marker).
   */
  showMarkers(data: MarkerUpdate): { shown: number };
  /** Panel → content script: remove every status marker. */
  clearMarkers(): { cleared: number };
}

/**
 * Quote checks and comparisons with archived copies (issue 12): the panel reads the sources itself (it has a DOM);
 * the background worker keeps what it found beside the link verdicts, so the panel reopened reads them again.
 */
export interface SourceReadingProtocol {
  /** Panel → background: the stored results of these ids that are still fresh (the link verdicts' rule). */
  storedSourceReadings(data: SourceReadingsRequest): SourceReadings;
  /** Panel → background: keep these results (each replaces the one stored under its id). */
  keepSourceReadings(data: SourceReadings): void;
}

/** Snapshots and the library (issue 4). */
export interface SnapshotProtocol {
  /**
   * Panel / extension pages → background: save the page open in a tab (and, `withSources`, every external source
   * it cites). Resolves once everything is stored; progress arrives meanwhile as `snapshotProgress`.
   */
  saveTabSnapshot(data: SaveTabRequest): SaveOutcome;
  /** Extension pages → background: the saves under way (a panel opened mid-save catches up). */
  snapshotJobs(): SaveProgress[];
  /** Background (or its offscreen document) → extension pages, fire-and-forget: how a save is going. */
  snapshotProgress(data: SaveProgress): void;
  /** Background → its offscreen document (Chrome): do one save where a DOM exists. */
  offscreenSaveJob(data: SaveJobRequest): SaveOutcome;
  /** Background → content script: the live page prepared for a snapshot, with its capture. */
  snapshotPage(): PreparedPage;
}

/** Watching articles over time (issue 13): extension pages → background. */
export interface WatchProtocol {
  /** Watch an article: its sources are re-checked on the schedule. Watching it again updates its sources. */
  watchArticle(data: WatchArticleRequest): WatchedArticle;
  unwatchArticle(data: { key: string }): void;
  /** Every watched article, with its unseen changes. */
  watchedArticles(): WatchedArticle[];
  /** "Re-check now": one article (`key`) or all of them, whatever the schedule says. */
  recheckWatchesNow(data: { key?: string }): { at: string | null; changes: number };
  /** The reader has looked at this article's changes: they leave the badge count. */
  watchChangesSeen(data: { key: string }): { unseen: number };
  /** The panel's article (by its address): its watch, or null, and its sources' histories (the timeline). */
  articleWatch(data: { url: string }): ArticleWatchState;
  /**
   * Background → extension pages, fire-and-forget: these watched articles changed (watched, stopped, re-checked,
   * seen), so a page showing one reads it again.
   */
  watchesChanged(data: { keys: string[] }): void;
  /**
   * Background → its offscreen document (Chrome): read a watched source that still answers and look for its
   * quotations there (the worker has no DOM to read a page with).
   */
  offscreenQuoteVerdicts(data: { url: string; quotes: string[] }): { quote: string; status: QuoteStatus }[];
}

export type ProtocolMap = PageProtocol &
  CheckProtocol &
  SourceReadingProtocol &
  SnapshotProtocol &
  WatchProtocol;

/**
 * The long-lived ports between contexts, by name: part of the contract like the messages above. A port carries no
 * messages; the panel keeps `checks` open to the background worker only to learn, when it closes, that the worker
 * stopped, and then asks again for what it was waiting for.
 */
export const PORTS = { checks: 'cited-checks' } as const;
export type PortName = (typeof PORTS)[keyof typeof PORTS];
