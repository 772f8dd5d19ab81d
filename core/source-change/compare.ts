import { type ChangeObject, diffArrays } from 'diff';
import { normalizeText } from '../quote-check/normalize';
import { type Word, wordsIn } from '../quote-check/words';
import type { ChangedPassage } from './types';

/**
 * The cited text (an archived copy) and the live one compared word by word (jsdiff's Myers diff over the words as
 * quote checks read them: case, quote marks, dashes and spacing set aside, punctuation between words ignored).
 * Texts too far apart for a diff to be worth its cost are told apart first by the runs of words they share.
 *
 * An edited page keeps most of its sentences: long runs of the same words. A different page at the same address
 * shares words with the cited one ("the", "council", "harbour"), never long runs of them; so what decides
 * "replaced" is how much of the cited text is still there in runs of `MIN_KEPT_RUN` words or more.
 */

/** Words in a row that count as a passage kept; shorter runs are words any two texts on a topic share. */
export const MIN_KEPT_RUN = 5;
/** Below this share of the cited words still there in kept runs, the page is another text, not an edit. */
export const REPLACED_BELOW = 0.2;
/** Passages listed as evidence; a rewrite has hundreds and nobody reads past the first ones. */
export const MAX_PASSAGES = 10;
/** Longer pages are compared on their first words: enough for any article, and the diff stays quick. */
export const MAX_COMPARED_WORDS = 20_000;
/**
 * A page changed in more words than this is counted as another page: the diff's cost grows with the number of
 * changes times the length, and no reader goes through thousands of changed words as "an edit".
 */
export const MAX_EDITS = 2_000;
const CONTEXT_WORDS = 4;
const MAX_PASSAGE_CHARS = 300;

export interface TextComparison {
  verdict: 'unchanged' | 'edited' | 'replaced';
  /** Words removed and added over the words of both texts, 0..1; null when the texts were too far apart to count. */
  changedShare: number | null;
  /** Share of the cited words still there in runs of MIN_KEPT_RUN words or more, 0..1. */
  keptShare: number;
  passages: ChangedPassage[];
  morePassages: number;
}

function wordsOf(text: string): Word[] {
  return wordsIn(normalizeText(text), text).slice(0, MAX_COMPARED_WORDS);
}

function span(words: readonly Word[], text: string): string {
  const first = words[0];
  const last = words[words.length - 1];
  if (!first || !last) return '';
  const whole = text.slice(first.start, last.end).replace(/\s+/g, ' ');
  return whole.length > MAX_PASSAGE_CHARS ? `${whole.slice(0, MAX_PASSAGE_CHARS).trimEnd()}…` : whole;
}

/** The context words on the change's side of a line break: a headline or a byline is not the sentence's context. */
function sameParagraph(
  words: readonly Word[],
  text: string,
  keep: 'first' | 'last',
): { words: readonly Word[]; cut: boolean } {
  const breaks = words.flatMap((word, at) => {
    const next = words[at + 1];
    return next && text.slice(word.end, next.start).includes('\n') ? [at + 1] : [];
  });
  if (breaks.length === 0) return { words, cut: false };
  const kept = keep === 'last' ? words.slice(breaks[breaks.length - 1]) : words.slice(0, breaks[0]);
  return { words: kept, cut: true };
}

/** Changes this few unchanged words apart read as one passage ("[-no renewal notice-]{+three renewal notices…+}"). */
const JOIN_GAP = 3;

/**
 * The changed runs of a diff, each with a few unchanged words either side. Runs are ranges of each text's words
 * (`was` for the cited copy, `now` for the live page), so a passage is quoted as each text writes it.
 */
function passagesOf(
  diff: readonly ChangeObject<Word[]>[],
  was: readonly Word[],
  now: readonly Word[],
  before: string,
  after: string,
): { passages: ChangedPassage[]; total: number } {
  const passages: ChangedPassage[] = [];
  let total = 0;
  let oldAt = 0;
  let newAt = 0;
  let at = 0;
  const isChange = (part: ChangeObject<Word[]> | undefined) => Boolean(part?.added || part?.removed);
  while (at < diff.length) {
    const part = diff[at] as ChangeObject<Word[]>;
    if (!isChange(part)) {
      oldAt += part.count;
      newAt += part.count;
      at++;
      continue;
    }
    const [oldFrom, newFrom] = [oldAt, newAt];
    for (;;) {
      const change = diff[at];
      if (isChange(change)) {
        if (change?.removed) oldAt += change.count;
        else newAt += change?.count ?? 0;
        at++;
        continue;
      }
      // A short run of unchanged words between two changes stays inside the passage.
      if (change && change.count < JOIN_GAP && isChange(diff[at + 1])) {
        oldAt += change.count;
        newAt += change.count;
        at++;
        continue;
      }
      break;
    }
    total++;
    if (passages.length >= MAX_PASSAGES) continue;
    const lead = sameParagraph(now.slice(Math.max(0, newFrom - CONTEXT_WORDS), newFrom), after, 'last');
    const trail = sameParagraph(now.slice(newAt, newAt + CONTEXT_WORDS), after, 'first');
    // "…" says the sentence goes on beyond the context shown; a paragraph's edge or the text's is shown as is.
    const leadMark = lead.cut || newFrom <= CONTEXT_WORDS ? '' : '…';
    const trailMark = trail.cut || newAt + CONTEXT_WORDS >= now.length ? '' : '…';
    const then = span(was.slice(oldFrom, oldAt), before);
    const live = span(now.slice(newFrom, newAt), after);
    const marked = [
      lead.words.length > 0 ? `${leadMark}${span(lead.words, after)}` : '',
      `${then ? `[-${then}-]` : ''}${live ? `{+${live}+}` : ''}`,
      trail.words.length > 0 ? `${span(trail.words, after)}${trailMark}` : '',
    ]
      .filter(Boolean)
      .join(' ');
    passages.push({ before: then, after: live, marked });
  }
  return { passages, total };
}

/**
 * Share of the cited words that sit in a run of MIN_KEPT_RUN words the live text also has, anywhere in it: at least
 * the share the diff keeps in order, found in linear time, so another text is told apart before any diff.
 */
function shingleCover(was: readonly Word[], now: readonly Word[]): number {
  if (was.length < MIN_KEPT_RUN) return 1;
  const shingle = (words: readonly Word[], at: number) =>
    words
      .slice(at, at + MIN_KEPT_RUN)
      .map((word) => word.key)
      .join(' ');
  const live = new Set<string>();
  for (let at = 0; at + MIN_KEPT_RUN <= now.length; at++) live.add(shingle(now, at));
  let covered = 0;
  let coveredTo = 0;
  for (let at = 0; at + MIN_KEPT_RUN <= was.length; at++) {
    if (!live.has(shingle(was, at))) continue;
    covered += at + MIN_KEPT_RUN - Math.max(at, coveredTo);
    coveredTo = at + MIN_KEPT_RUN;
  }
  return covered / was.length;
}

export function compareTexts(before: string, after: string): TextComparison {
  const was = wordsOf(before);
  const now = wordsOf(after);
  const cover = shingleCover(was, now);
  const replaced = (keptShare: number): TextComparison => ({
    verdict: 'replaced',
    changedShare: null,
    keptShare,
    passages: [],
    morePassages: 0,
  });
  if (cover < REPLACED_BELOW) return replaced(cover);
  const diff = diffArrays(was, now, { comparator: (a, b) => a.key === b.key, maxEditLength: MAX_EDITS });
  if (!diff) return replaced(cover);
  let changed = 0;
  let kept = 0;
  for (const part of diff) {
    if (part.added || part.removed) changed += part.count;
    else if (part.count >= MIN_KEPT_RUN) kept += part.count;
  }
  const keptShare = was.length === 0 ? 0 : kept / was.length;
  const changedShare = was.length + now.length === 0 ? 0 : changed / (was.length + now.length);
  if (changed === 0)
    return { verdict: 'unchanged', changedShare: 0, keptShare, passages: [], morePassages: 0 };
  // Another text at the same address has no passages worth listing: all of it changed.
  if (keptShare < REPLACED_BELOW) return { ...replaced(keptShare), changedShare };
  const { passages, total } = passagesOf(diff, was, now, before, after);
  return { verdict: 'edited', changedShare, keptShare, passages, morePassages: total - passages.length };
}
