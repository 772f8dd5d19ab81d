import { diffArrays } from 'diff';
import type { NormalizedText } from './normalize';
import type { WordChange } from './types';

/** A word of a text: letters and digits, with the joins words carry inside them (Chatstep.com, 1,000, don't). */
export interface Word {
  text: string;
  /** The word as it is compared (normalizeText). */
  key: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[\p{Pd}'’.,][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*/gu;

/**
 * The words of normalised text [from, to), keyed by their normalised form, each with its place and its
 * spelling in `original`, the text the normalisation was made from.
 */
export function wordsIn(
  normalized: NormalizedText,
  original: string,
  from = 0,
  to = normalized.text.length,
): Word[] {
  const words: Word[] = [];
  for (const match of normalized.text.slice(from, to).matchAll(WORD)) {
    const first = from + match.index;
    const last = first + match[0].length - 1;
    const start = normalized.starts[first] ?? 0;
    const end = normalized.ends[last] ?? start;
    words.push({ text: original.slice(start, end), key: match[0], start, end });
  }
  return words;
}

export interface WordComparison {
  /** Words of the quotation that the source has in the same order. */
  kept: number;
  changes: WordChange[];
  /** The source's words, each change written `[-quoted-]{+source+}`. */
  marked: string;
}

/**
 * Which words of a quoted passage the source passage changed, left out or added. `sourceText` is the text the
 * source words' offsets point into: the source's runs are shown as it writes them, punctuation included.
 */
export function compareWords(
  quoted: readonly Word[],
  source: readonly Word[],
  sourceText: string,
): WordComparison {
  const diff = diffArrays([...quoted], [...source], { comparator: (a, b) => a.key === b.key });
  const changes: WordChange[] = [];
  const marked: string[] = [];
  let kept = 0;
  let pending: WordChange | null = null;
  const flush = () => {
    if (!pending) return;
    changes.push(pending);
    const removed = pending.quoted === '' ? '' : `[-${pending.quoted}-]`;
    const added = pending.source === '' ? '' : `{+${pending.source}+}`;
    marked.push(removed + added);
    pending = null;
  };
  for (const part of diff) {
    const text = part.removed
      ? part.value.map((word) => word.text).join(' ')
      : spanText(part.value, sourceText);
    if (!part.added && !part.removed) {
      flush();
      kept += part.count;
      marked.push(text);
      continue;
    }
    pending ??= { quoted: '', source: '' };
    if (part.removed) pending.quoted = pending.quoted ? `${pending.quoted} ${text}` : text;
    else pending.source = pending.source ? `${pending.source} ${text}` : text;
  }
  flush();
  return { kept, changes, marked: marked.join(' ') };
}

function spanText(words: readonly Word[], text: string): string {
  const first = words[0];
  const last = words[words.length - 1];
  return first && last ? text.slice(first.start, last.end) : '';
}
