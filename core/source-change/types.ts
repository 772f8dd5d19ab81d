/**
 * Whether a cited page still says what it said when the article cited it: its live main text compared with an
 * archived copy from just before the article's publication (or the reference's access date).
 *
 * - `unchanged`: the same words (spacing, case, quote marks and dashes aside).
 * - `edited`: the same page, with words changed: `changedShare` says how much, `passages` which.
 * - `replaced`: the address now serves something else: the site's home page, a seizure or parking notice, or
 *   a different text altogether.
 * - `gone`: no page answers there any more; the archived copy is what remains of it.
 */
export type ChangeStatus = 'unchanged' | 'edited' | 'replaced' | 'gone';

export const CHANGE_STATUSES: readonly ChangeStatus[] = ['unchanged', 'edited', 'replaced', 'gone'];

/** One run of changed words: what the archived copy said, what the live page says now (either may be empty). */
export interface ChangedPassage {
  before: string;
  after: string;
  /** The run with a few unchanged words either side, each change written `[-before-]{+after+}` (wdiff's marks). */
  marked: string;
}

/** The archived copy the live page was compared with. */
export interface ComparedCopy {
  /** Replay address, for a reader to open. */
  url: string;
  /** ISO 8601: when the archive captured it. */
  date: string;
  /** The date it was chosen for: the article's publication, or the reference's access date. */
  citedAt: string;
  citedAtIs: 'publication' | 'access-date';
}

export interface SourceChange {
  url: string;
  status: ChangeStatus;
  /** One line for the reader, to paste into a correction request. */
  summary: string;
  copy: ComparedCopy;
  /** Where the live page was read, after redirects; null when nothing answered. */
  liveUrl: string | null;
  /** Share of the words changed, 0..1 (words removed and added over words in both texts); null when not compared. */
  changedShare: number | null;
  /** The changed runs, in the page's order (at most MAX_PASSAGES); `morePassages` counts the rest. */
  passages: ChangedPassage[];
  morePassages: number;
  checkedAt: string;
}
