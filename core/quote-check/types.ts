/**
 * What Cited says about one quotation of an article, looked for in the text of the page it cites.
 *
 * - `found`: the source says it, word for word once quoting conventions are set aside (curly or straight quotes,
 *   dashes, case, spacing, punctuation around words, elisions and the writer's bracketed insertions).
 * - `differs`: a passage of the source is close, but words changed (a number, a name, a "not"): `changes` lists
 *   them and `marked` shows the passage with each change marked.
 * - `not-found`: nothing in the source is close.
 * - `archived-only`: the live page does not have it, an archived copy does (set by the caller, who fetched both).
 * - `not-checkable`: the source's text could not be read (set by the caller: paywall, bot wall, script-only
 *   page, too large, not text, no answer).
 */
export type QuoteStatus = 'found' | 'differs' | 'not-found' | 'archived-only' | 'not-checkable';

export const QUOTE_STATUSES: readonly QuoteStatus[] = [
  'found',
  'differs',
  'not-found',
  'archived-only',
  'not-checkable',
];

/** Where a quotation sits in the source's text: character offsets into that text, and the text between them. */
export interface SourcePassage {
  start: number;
  end: number;
  text: string;
  /** The page it is on, when the source is a PDF (from 1). */
  page?: number;
}

/** One run of changed words: what the article quotes and what the source says there (either may be empty). */
export interface WordChange {
  quoted: string;
  source: string;
}

export interface FoundQuote {
  status: 'found';
  quote: string;
  passage: SourcePassage;
  /** The source's address with a text fragment (`#:~:text=`) that opens it at the passage, when one was made. */
  showInSource?: string;
}

export interface DiffersQuote {
  status: 'differs';
  quote: string;
  passage: SourcePassage;
  changes: WordChange[];
  /** The passage in the source's words, each change written `[-quoted-]{+source+}` (wdiff's marks). */
  marked: string;
  showInSource?: string;
}

export interface NotFoundQuote {
  status: 'not-found';
  quote: string;
}

/** The verdicts the matcher itself gives, from a quotation and a text. */
export type QuoteMatch = FoundQuote | DiffersQuote | NotFoundQuote;

export interface ArchivedOnlyQuote {
  status: 'archived-only';
  quote: string;
  /** The archived copy the quotation was found in (its replay address), and what was found there. */
  archivedUrl: string;
  archived: FoundQuote | DiffersQuote;
}

export type NotCheckableReason =
  | 'paywall'
  | 'bot-wall'
  | 'script-only'
  | 'too-large'
  | 'not-text'
  | 'no-answer'
  /** A PDF that cannot be read: see `PdfProblem`. */
  | 'encrypted'
  | 'scanned'
  | 'broken'
  | 'too-long'
  /** The quotation itself: only the writer's marks, no words of the source. */
  | 'no-words';

export interface NotCheckableQuote {
  status: 'not-checkable';
  quote: string;
  reason: NotCheckableReason;
  /** One line for the reader: what Cited got instead of the source's text. */
  detail: string;
}

export type QuoteVerdict = QuoteMatch | ArchivedOnlyQuote | NotCheckableQuote;
