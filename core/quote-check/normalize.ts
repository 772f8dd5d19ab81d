/**
 * Text as a quotation is compared: NFKC, lower case, every quote mark and apostrophe as `'`, every dash and
 * hyphen as `-` with no space around it, no invisible characters, one space between words. Writers and
 * typesetters change exactly these things when they quote, and none of them changes what was said.
 *
 * Each character of the result remembers the span of the original it came from, so a match found in the
 * normalised text is reported at its place in the text the reader sees.
 */
export interface NormalizedText {
  text: string;
  /** For each character of `text`, where its source character(s) start and end in the original. */
  starts: number[];
  ends: number[];
}

/** A base character with its combining marks, so NFKC sees "e" + U+0301 together. */
const CLUSTER = /\P{M}\p{M}*|\p{M}+/gsu;
const QUOTE_MARKS = /['‘’‚‛′″‵`´"“”„‟«»‹›＂＇]/u;
const DASHES = /[-‐‑‒–—―−⁃﹘﹣－]/u;
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/u;
const SPACE = /\s/u;

function foldChar(char: string): string {
  if (QUOTE_MARKS.test(char)) return "'";
  if (DASHES.test(char)) return '-';
  if (INVISIBLE.test(char)) return '';
  if (SPACE.test(char)) return ' ';
  return char;
}

export function normalizeText(original: string): NormalizedText {
  const chars: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const push = (char: string, start: number, end: number) => {
    const last = chars.length - 1;
    // Spaces only between words, never twice, never beside a dash ("well - known" = "well-known"), and a
    // double dash ("--", "——") is one dash.
    if (char === ' ' && (last < 0 || chars[last] === ' ' || chars[last] === '-')) return;
    if (char === '-' && chars[last] === '-') return;
    if (char === '-' && chars[last] === ' ') {
      chars[last] = '-';
      starts[last] = start;
      ends[last] = end;
      return;
    }
    chars.push(char);
    starts.push(start);
    ends.push(end);
  };
  for (const match of original.matchAll(CLUSTER)) {
    const start = match.index;
    const end = start + match[0].length;
    const folded = match[0].normalize('NFKC').toLowerCase();
    for (const char of folded) {
      const out = foldChar(char);
      // One entry per UTF-16 unit, so offsets into `text` index `starts` and `ends` directly.
      for (let unit = 0; unit < out.length; unit++) push(out.charAt(unit), start, end);
    }
  }
  if (chars[chars.length - 1] === ' ') {
    chars.pop();
    starts.pop();
    ends.pop();
  }
  return { text: chars.join(''), starts, ends };
}

/** The original text behind normalised characters [from, to). */
export function originalSpan(
  normalized: NormalizedText,
  from: number,
  to: number,
): { start: number; end: number } {
  const start = normalized.starts[from] ?? 0;
  const end = normalized.ends[to - 1] ?? start;
  return { start, end };
}

/**
 * Reference marks a page prints inside its sentences, which nobody quoting it copies: Wikipedia's footnote
 * numbers and letters (`include[55]`, `[a]`, `[citation needed]`).
 */
export const FOOTNOTE_MARKS = /\[(?:\d{1,3}|[a-z]|citation needed|note \d{1,3})\](?!\p{L})/gu;
/** A source quoting someone itself writes `[T]he`: its brackets are not words. */
export const BRACKETS_IN_WORDS = /\[(?=\p{L}{1,3}\]\p{L})|(?<=\[\p{L}{1,3})\](?=\p{L})/gu;

/** The normalised text without what `pattern` matches, spaces collapsed again where something was taken out. */
export function withoutMarks(normalized: NormalizedText, pattern: RegExp): NormalizedText {
  const dropped = new Uint8Array(normalized.text.length);
  for (const match of normalized.text.matchAll(pattern)) {
    dropped.fill(1, match.index, match.index + match[0].length);
  }
  const chars: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (let at = 0; at < normalized.text.length; at++) {
    const char = normalized.text.charAt(at);
    if (dropped[at]) continue;
    if (char === ' ' && (chars.length === 0 || chars[chars.length - 1] === ' ')) continue;
    chars.push(char);
    starts.push(normalized.starts[at] ?? 0);
    ends.push(normalized.ends[at] ?? 0);
  }
  if (chars[chars.length - 1] === ' ') {
    chars.pop();
    starts.pop();
    ends.pop();
  }
  return { text: chars.join(''), starts, ends };
}
