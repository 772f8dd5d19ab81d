import search from 'approx-string-match';
import { CitedError } from '../errors/cited-error';
import { type QuotePart, quoteParts } from './editorial-marks';
import {
  BRACKETS_IN_WORDS,
  FOOTNOTE_MARKS,
  type NormalizedText,
  normalizeText,
  originalSpan,
  withoutMarks,
} from './normalize';
import type { QuoteMatch, SourcePassage, WordChange } from './types';
import { compareWords, wordsIn } from './words';

/**
 * Looks for a quotation in a source's text: first word for word after normalisation, the parts of an elided
 * quotation in order and near each other; failing that, approximately, with at most a quarter of each part's
 * characters edited (`approx-string-match`, Myers' bit-parallel algorithm, the matcher behind Hypothesis'
 * anchoring). A close passage is `found` when it has the quotation's words, only its punctuation differing;
 * `differs` when words changed but most of them are there; otherwise the quotation is `not-found`.
 */

/** Elided words: a sentence or a few, not the other end of the page. In normalised characters. */
export const MAX_ELISION_GAP = 1500;
/** A writer's `[insertion]` stands for a few words of the source at most. */
export const MAX_INSERTION_GAP = 60;
/** Edits allowed per part, as a share of its length: a changed number, name or "not" fits; another sentence does not. */
const EDIT_SHARE = 0.25;
/** Below this share of the quotation's words kept, a close passage is a coincidence, not the quote changed. */
const MIN_WORDS_KEPT = 0.5;
/** Occurrences of the first part tried as a start: enough for any repeated phrase in one article. */
const MAX_STARTS = 50;

export interface PreparedSource {
  text: string;
  normalized: NormalizedText;
}

/** Normalises a source's text once, for all the quotations looked for in it. */
export function prepareSource(text: string): PreparedSource {
  const normalized = withoutMarks(withoutMarks(normalizeText(text), FOOTNOTE_MARKS), BRACKETS_IN_WORDS);
  return { text, normalized };
}

interface Span {
  from: number;
  to: number;
  errors: number;
}

export function matchQuote(quote: string, source: PreparedSource | string): QuoteMatch {
  const prepared = typeof source === 'string' ? prepareSource(source) : source;
  const parts = quoteParts(quote);
  if (parts.length === 0) {
    throw new CitedError('internal', `A quotation needs words to look for; got ${JSON.stringify(quote)}.`);
  }
  const spans =
    exactChain(parts, prepared.normalized.text) ?? approximateChain(parts, prepared.normalized.text);
  if (!spans) return { status: 'not-found', quote };
  return judge(quote, parts, spans, prepared);
}

function gapLimit(part: QuotePart): number {
  return part.gapBefore === 'insertion' ? MAX_INSERTION_GAP : MAX_ELISION_GAP;
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

function onWordBoundaries(text: string, from: number, to: number): boolean {
  return !WORD_CHAR.test(text.charAt(from - 1)) && !WORD_CHAR.test(text.charAt(to));
}

function exactOccurrence(text: string, needle: string, from: number, until: number): number {
  for (let at = text.indexOf(needle, from); at >= 0 && at <= until; at = text.indexOf(needle, at + 1)) {
    if (onWordBoundaries(text, at, at + needle.length)) return at;
  }
  return -1;
}

/** Every part word for word, in order, each within its gap of the one before. */
function exactChain(parts: readonly QuotePart[], text: string): Span[] | null {
  const [first, ...rest] = parts;
  if (!first) return null;
  let start = exactOccurrence(text, first.text, 0, text.length);
  for (let tries = 0; start >= 0 && tries < MAX_STARTS; tries++) {
    const spans: Span[] = [{ from: start, to: start + first.text.length, errors: 0 }];
    for (const part of rest) {
      const previous = spans[spans.length - 1] as Span;
      // The earliest next occurrence leaves the most room for the parts after it.
      const at = exactOccurrence(text, part.text, previous.to, previous.to + gapLimit(part));
      if (at < 0) break;
      spans.push({ from: at, to: at + part.text.length, errors: 0 });
    }
    if (spans.length === parts.length) return spans;
    start = exactOccurrence(text, first.text, start + 1, text.length);
  }
  return null;
}

function maxEdits(part: QuotePart): number {
  return Math.floor(part.text.length * EDIT_SHARE);
}

function closest(text: string, part: QuotePart, from: number, to: number): Span[] {
  const window = text.slice(from, to);
  return search(window, part.text, maxEdits(part)).map((match) => ({
    from: from + match.start,
    to: from + match.end,
    errors: match.errors,
  }));
}

/** The parts in order, each the closest passage within its gap; the chain with the fewest edits wins. */
function approximateChain(parts: readonly QuotePart[], text: string): Span[] | null {
  const [first, ...rest] = parts;
  if (!first) return null;
  let best: { spans: Span[]; errors: number } | null = null;
  const starts = closest(text, first, 0, text.length);
  for (const start of dropOverlaps(starts).slice(0, MAX_STARTS)) {
    const spans: Span[] = [start];
    for (const part of rest) {
      const previous = spans[spans.length - 1] as Span;
      const [next] = closest(
        text,
        part,
        previous.to,
        previous.to + gapLimit(part) + part.text.length + maxEdits(part),
      );
      if (!next) break;
      spans.push(next);
    }
    if (spans.length < parts.length) continue;
    const errors = spans.reduce((sum, span) => sum + span.errors, 0);
    if (!best || errors < best.errors) best = { spans, errors };
  }
  return best?.spans ?? null;
}

/** The matcher reports every end of an equally good match; one per place is enough. */
function dropOverlaps(spans: readonly Span[]): Span[] {
  const kept: Span[] = [];
  for (const span of spans) {
    const last = kept[kept.length - 1];
    if (!last || span.from >= last.to) kept.push(span);
  }
  return kept;
}

/** Widens a span to whole words, so a match that stops mid-word shows the word. */
function wholeWords(text: string, span: Span): Span {
  let { from, to } = span;
  while (from > 0 && WORD_CHAR.test(text.charAt(from - 1))) from--;
  while (to < text.length && WORD_CHAR.test(text.charAt(to))) to++;
  return { from, to, errors: span.errors };
}

function judge(
  quote: string,
  parts: readonly QuotePart[],
  spans: readonly Span[],
  source: PreparedSource,
): QuoteMatch {
  const { normalized, text } = source;
  const changes: WordChange[] = [];
  const marked: string[] = [];
  let kept = 0;
  let quoted = 0;
  parts.forEach((part, index) => {
    const span = wholeWords(normalized.text, spans[index] as Span);
    const quoteWords = wordsIn(part.normalized, quote);
    const comparison = compareWords(quoteWords, wordsIn(normalized, text, span.from, span.to), text);
    kept += comparison.kept;
    quoted += quoteWords.length;
    changes.push(...comparison.changes);
    marked.push(comparison.marked);
  });
  const first = spans[0] as Span;
  const last = spans[spans.length - 1] as Span;
  const whole = originalSpan(
    normalized,
    wholeWords(normalized.text, first).from,
    wholeWords(normalized.text, last).to,
  );
  const passage: SourcePassage = { ...whole, text: text.slice(whole.start, whole.end) };
  if (changes.length === 0) return { status: 'found', quote, passage };
  if (kept < quoted * MIN_WORDS_KEPT) return { status: 'not-found', quote };
  return { status: 'differs', quote, passage, changes, marked: marked.join(' […] ') };
}
