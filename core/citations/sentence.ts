import { normalizeWhitespace } from '../capture/text';

export type SentenceRange = readonly [start: number, end: number];

/**
 * ICU (behind Intl.Segmenter) breaks after "Mr." or an initial ("C. Aliens") when a capital follows.
 * Glue such pieces back together. Abbreviations that often end a sentence (Inc., Jr., etc.) are left
 * out on purpose: a missed join gives a short sentence, a wrong join gives two.
 */
const ABBREVIATION_END =
  /(?:^|[^\p{L}])(?:Mr|Mrs|Ms|Mx|Dr|Prof|Sr|St|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Cpl|Adm|Maj|Rev|Hon|Pres|Supt|Insp|Det|Mt|Ft|Vol|Fig|Figs|Sec|pp|vs|cf|approx|Jan|Feb|Apr|Aug|Sept|Oct|Nov|Dec|\p{Lu})\.\s*$/u;

export type SentenceSplitter = (text: string) => SentenceRange[];

/** Building an ICU break iterator costs about as much as segmenting a long article: keep them. */
const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(lang: string | null): Intl.Segmenter {
  const key = lang ?? '';
  let segmenter = segmenters.get(key);
  if (!segmenter) {
    try {
      segmenter = new Intl.Segmenter(lang ?? undefined, { granularity: 'sentence' });
    } catch {
      segmenter = new Intl.Segmenter(undefined, { granularity: 'sentence' });
    }
    segmenters.set(key, segmenter);
  }
  return segmenter;
}

/** A splitter for the article's language (ICU's rules barely depend on it, but use it when valid). */
export function createSentenceSplitter(lang: string | null): SentenceSplitter {
  const segmenter = segmenterFor(lang);
  return (text) => {
    const ranges: Array<[number, number]> = [];
    let pendingStart = -1;
    // Source line breaks are not paragraph breaks (HTML collapses them), but ICU always breaks a
    // sentence at one. Same-length replacement keeps every offset valid.
    const flat = text.replace(/[\n\r\t\f\v\u0085\u2028\u2029]/g, ' ');
    for (const { segment, index } of segmenter.segment(flat)) {
      const start = pendingStart === -1 ? index : pendingStart;
      const end = index + segment.length;
      if (ABBREVIATION_END.test(segment)) {
        pendingStart = start;
        continue;
      }
      ranges.push([start, end]);
      pendingStart = -1;
    }
    if (pendingStart !== -1) ranges.push([pendingStart, text.length]);
    return keepReferenceMarkers(text, ranges);
  };
}

/**
 * ICU reads the "[" of a reference marker after a full stop ("…registered mozilla.org.[3] One day
 * later…") as closing punctuation and breaks after it, leaving "3]" at the start of the next
 * sentence; a run of markers ("…web browsers.[44][45] Firefox…") can start the next sentence whole.
 * Move the markers back to the sentence they support.
 */
const MARKER_REST = /^[^\s\][]{1,12}\](?:\s*\[[^\s\][]{1,12}\])*\s*/;
const MARKER_RUN = /^(?:\[[^\s\][]{1,12}\]\s*)+/;

function keepReferenceMarkers(text: string, ranges: Array<[number, number]>): Array<[number, number]> {
  for (let i = 1; i < ranges.length; i++) {
    const current = ranges[i];
    const previous = ranges[i - 1];
    if (!current || !previous) continue;
    const pattern = text[current[0] - 1] === '[' ? MARKER_REST : MARKER_RUN;
    const marker = pattern.exec(text.slice(current[0], current[1]));
    if (!marker) continue;
    previous[1] = current[0] + marker[0].length;
    current[0] = previous[1];
    if (current[0] >= current[1]) {
      ranges.splice(i, 1);
      i--;
    }
  }
  return ranges;
}

/**
 * The sentence(s) covering `[start, end)` of `text`: a link whose text itself spans a sentence break
 * gets every sentence it touches, so the sentence always contains the whole anchor text.
 */
export function sentenceAround(
  text: string,
  ranges: readonly SentenceRange[],
  start: number,
  end: number,
): string {
  let from = -1;
  let to = -1;
  for (const [rangeStart, rangeEnd] of ranges) {
    if (from === -1 && rangeEnd > start) from = rangeStart;
    if (rangeStart < Math.max(end, start + 1)) to = rangeEnd;
    else break;
  }
  if (from === -1) return normalizeWhitespace(text.slice(start, end));
  return windowed(text, from, Math.max(to, end), start, end);
}

/**
 * A "sentence" longer than this is no sentence (a list of links, a paragraph without full stops): the citation
 * keeps the words around its link instead, so a paragraph of 5,000 links is not copied 5,000 times.
 */
export const MAX_SENTENCE_CHARS = 600;
const CONTEXT_CHARS = 250;

function windowed(text: string, from: number, to: number, start: number, end: number): string {
  if (to - from <= MAX_SENTENCE_CHARS) return normalizeWhitespace(text.slice(from, to));
  let left = Math.max(from, start - CONTEXT_CHARS);
  let right = Math.min(to, end + CONTEXT_CHARS);
  // Whole words only: move each cut to a space, never into the link itself.
  if (left > from) {
    const space = text.indexOf(' ', left);
    if (space !== -1 && space < start) left = space + 1;
  }
  if (right < to) {
    const space = text.lastIndexOf(' ', right);
    if (space >= end) right = space;
  }
  const body = normalizeWhitespace(text.slice(left, right));
  return `${left > from ? '… ' : ''}${body}${right < to ? ' …' : ''}`;
}
