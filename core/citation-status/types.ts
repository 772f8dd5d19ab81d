import type { ArchiveLookup } from '../archive/types';
import type { CheckResult, CitationStatus } from '../linkcheck/types';

/**
 * What Cited knows about one cited URL right now, as the background worker tells the panel: where it is on the
 * way to a verdict, the verdict with its evidence, and the archived copies looked up for it.
 *
 * Citations are matched by `key` (`checkKey(url)`: the URL without its fragment), so a source cited as
 * `page#a` and `page#b`, or open in several tabs, is one check.
 */
export interface CitationCheckState {
  key: string;
  status: CitationStatus;
  /** The verdict, when `status` is one. */
  result?: CheckResult;
  /**
   * Grows with every change the worker makes (a clock reading, kept increasing), so a reply that raced a newer
   * update is recognised as older and dropped.
   */
  revision: number;
}

/**
 * The archived copies of one cited URL for one article: "before publication" depends on the article's date, so
 * the same source cited by two articles has two of these (`archiveKey` = URL + publication moment).
 */
export interface ArchiveState {
  key: string;
  archiveKey: string;
  /** The last lookup, once made (its `error` says when it failed). */
  lookup?: ArchiveLookup;
  /** A lookup is under way. */
  looking: boolean;
  revision: number;
}

/** Everything the worker knows about a set of citations. */
export interface CheckSnapshot {
  states: CitationCheckState[];
  archives: ArchiveState[];
}

/** The panel's request: check (or only report on) the citations of the article open in `tabId`. */
export interface CheckCitationsRequest {
  tabId: number;
  /** The article's address (fragment ignored). */
  pageUrl: string;
  /** The article's publication date or timestamp (ISO 8601), for "the archived copy before publication". */
  publishedTime: string | null;
  /** The citation URLs, exactly as the capture found them. Nothing else is ever requested. */
  urls: string[];
  /**
   * A citation's own moment for "the archived copy before", by URL (of `urls`): the access date its reference
   * gives (YYYY-MM-DD, when the editor read it), which then counts instead of the article's date.
   */
  accessDates?: Record<string, string>;
  /**
   * Addresses of `urls` that are not citations themselves but links a citation's reference gives beside it (its
   * archived copy, DOI / PMID): checked for the citation's row, not counted on the toolbar badge.
   */
  beside?: string[];
  /** false: only report what is known and remember the tab (automatic checks are off). */
  start: boolean;
  /** Ignore fresh stored verdicts ("Re-check"). */
  force?: boolean;
  /**
   * A later part of a long article sent in several requests (each at most MAX_URLS_PER_REQUEST addresses): its
   * citations join those the tab already has for the same page instead of replacing them.
   */
  addToTab?: boolean;
}

export interface ArchiveLookupRequest {
  url: string;
  publishedTime: string | null;
}

/** What the content script needs to put a status marker after every occurrence of a citation. */
export interface MarkerItem {
  url: string;
  /** Positions among the page's `a[href], area[href]` (CitationOccurrence.linkIndex). */
  linkIndexes: number[];
  status: CitationStatus;
  reason?: string;
  /** Offered in the marker of a dead or soft-404 link. */
  archivedUrl?: string;
}

/**
 * The markers to change on the page: `items` put or updated, the markers of `remove` (citation URLs) taken away;
 * with `replace`, `items` is the whole set and every other marker goes.
 */
export interface MarkerUpdate {
  items: MarkerItem[];
  remove?: string[];
  replace?: boolean;
}
