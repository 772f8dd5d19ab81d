import { FOOTNOTE_MARKS, type NormalizedText, normalizeText, originalSpan, withoutMarks } from './normalize';

/**
 * A quotation read as writers mark it: `[...]`, `(...)`, `…` and `...` are elisions (words left out: what
 * follows must come later in the source, near it); a bracketed word standing alone, `[and]`, `[the BKA]`,
 * is the writer's insertion (it need not be in the source, and may stand for a few words of it); brackets
 * inside a word, `[T]he`, only change its case, so the letters are kept.
 */
export type Gap = 'elision' | 'insertion';

export interface QuotePart {
  /** Normalised text to look for. */
  text: string;
  /** The part as the article writes it. */
  original: string;
  /** `text` with, for each character, where it is in the quotation. */
  normalized: NormalizedText;
  /** What separates it from the part before; null for the first. */
  gapBefore: Gap | null;
}

const MARK = /\[ ?(?:\. ?){3,}\]|\( ?(?:\. ?){3,}\)|(?:\. ?){2,}\.|\[[^\]]*\]/g;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const EDGE = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

interface Piece {
  from: number;
  to: number;
}

export function quoteParts(quote: string): QuotePart[] {
  // A footnote number copied along with the sentence is no more the writer's than the source's.
  const normalized = withoutMarks(normalizeText(quote), FOOTNOTE_MARKS);
  const text = normalized.text;
  const parts: QuotePart[] = [];
  let pieces: Piece[] = [];
  let pendingGap: Gap | null = null;
  let at = 0;

  const closePart = (gap: Gap) => {
    const part = buildPart(quote, normalized, pieces, parts.length === 0 ? null : pendingGap);
    if (part) {
      parts.push(part);
      pendingGap = gap;
    } else if (parts.length > 0 && (pendingGap === null || gap === 'elision')) {
      // An empty part between two marks: the gap is as wide as the wider of them.
      pendingGap = gap;
    }
    pieces = [];
  };

  for (const match of text.matchAll(MARK)) {
    const start = match.index;
    const end = start + match[0].length;
    if (start > at) pieces.push({ from: at, to: start });
    at = end;
    const mark = match[0];
    if (!mark.startsWith('[') || /^\[ ?(?:\. ?){3,}\]$/.test(mark)) {
      closePart('elision');
      continue;
    }
    const attached = WORD_CHAR.test(text.charAt(start - 1)) || WORD_CHAR.test(text.charAt(end));
    if (attached) pieces.push({ from: start + 1, to: end - 1 });
    else closePart('insertion');
  }
  if (at < text.length) pieces.push({ from: at, to: text.length });
  closePart('elision');
  return parts;
}

function buildPart(
  quote: string,
  normalized: NormalizedText,
  pieces: Piece[],
  gapBefore: Gap | null,
): QuotePart | null {
  const joined: NormalizedText = { text: '', starts: [], ends: [] };
  for (const piece of pieces) {
    joined.text += normalized.text.slice(piece.from, piece.to);
    joined.starts.push(...normalized.starts.slice(piece.from, piece.to));
    joined.ends.push(...normalized.ends.slice(piece.from, piece.to));
  }
  const lead = joined.text.length - joined.text.replace(/^[^\p{L}\p{N}]+/u, '').length;
  const text = joined.text.replace(EDGE, '');
  if (text === '') return null;
  const trimmed: NormalizedText = {
    text,
    starts: joined.starts.slice(lead, lead + text.length),
    ends: joined.ends.slice(lead, lead + text.length),
  };
  const span = originalSpan(trimmed, 0, text.length);
  return { text, original: quote.slice(span.start, span.end), normalized: trimmed, gapBefore };
}
