/**
 * The labelled cases of the quote-check benchmark, generated from real pages: sentences of each page's text,
 * quoted as writers quote (label `found`) or changed as a misquote changes them (label `differs`), and sentences
 * of another page (label `not-found`).
 *
 * The edits are written from what quoting does, not from what the matcher does: they never look at a verdict.
 * Generation is seeded, so every run builds the same cases from the same pages.
 */

import { seededRandom } from './seeded-random';

export type QuoteLabel = 'found' | 'differs' | 'not-found';

export type EditKind =
  | 'verbatim part'
  | 'curly/straight quotes'
  | 'elision'
  | 'insertion'
  | 'capitalisation'
  | 'trailing punctuation'
  | 'hyphen/dash'
  | 'several of these'
  | 'number changed'
  | 'name changed'
  | 'negation changed'
  | 'other page';

export interface QuoteCase {
  page: string;
  quote: string;
  label: QuoteLabel;
  edit: EditKind;
}

export interface PageText {
  page: string;
  text: string;
}

type Random = () => number;

function pick<T>(random: Random, items: readonly T[]): T | undefined {
  return items[Math.floor(random() * items.length)];
}

const MIN_WORDS = 8;
const MAX_WORDS = 45;

/** Sentences a writer could quote: whole sentences of 8 to 45 words, with letters in most of them. */
export function quotableSentences(text: string): string[] {
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  const sentences: string[] = [];
  for (const paragraph of text.split(/\n\s*\n|\n/)) {
    for (const { segment } of segmenter.segment(paragraph)) {
      const sentence = segment.replace(/\s+/g, ' ').trim();
      const words = sentence.split(' ');
      const wordy = words.filter((word) => /\p{L}{2,}/u.test(word)).length;
      if (words.length >= MIN_WORDS && words.length <= MAX_WORDS && wordy >= words.length * 0.7) {
        sentences.push(sentence);
      }
    }
  }
  return sentences;
}

/** The edits that keep what a sentence says. Each returns null when it does not apply to the sentence. */
const KEEPING: Record<string, (sentence: string, random: Random, page: PageText) => string | null> = {
  'verbatim part': (sentence, random) => {
    const words = sentence.split(' ');
    if (words.length < 10) return null;
    const length = 6 + Math.floor(random() * (words.length - 6));
    const start = Math.floor(random() * (words.length - length + 1));
    return words.slice(start, start + length).join(' ');
  },
  'curly/straight quotes': (sentence) => {
    if (/[‘’“”]/.test(sentence)) return sentence.replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
    if (/["']/.test(sentence)) {
      return sentence
        .replace(/(^|\s)"/g, '$1“')
        .replace(/"/g, '”')
        .replace(/(\p{L})'(\p{L})/gu, '$1’$2')
        .replace(/(^|\s)'/g, '$1‘')
        .replace(/'/g, '’');
    }
    return null;
  },
  elision: (sentence, random) => {
    const words = sentence.split(' ');
    if (words.length < 10) return null;
    const cut = 1 + Math.floor(random() * Math.min(8, words.length - 7));
    const start = 3 + Math.floor(random() * (words.length - cut - 6));
    const mark = pick(random, [' ... ', ' … ', ' [...] ', ' […] ', '... ', ' (...) ']) ?? ' ... ';
    return `${words.slice(0, start).join(' ')}${mark}${words.slice(start + cut).join(' ')}`;
  },
  insertion: (sentence, random, page) => {
    const words = sentence.split(' ');
    const others = page.text.split(/\s+/).filter((word) => /^\p{L}{3,}$/u.test(word));
    const inserted = pick(random, others);
    if (!inserted) return null;
    const at = 1 + Math.floor(random() * (words.length - 1));
    const pronoun = words.findIndex(
      (word, index) => index > 0 && /^(?:he|she|they|it|this|that)$/i.test(word),
    );
    if (pronoun > 0 && random() < 0.5) {
      // A pronoun made explicit: "[the minister] said".
      return [...words.slice(0, pronoun), `[${inserted}]`, ...words.slice(pronoun + 1)].join(' ');
    }
    return [...words.slice(0, at), `[${inserted}]`, ...words.slice(at)].join(' ');
  },
  capitalisation: (sentence, random) => {
    const words = sentence.split(' ');
    if (random() < 0.5) {
      // The quotation starts mid-sentence, with a capital the source does not have, or `[T]he` for it.
      const start = 2 + Math.floor(random() * Math.max(1, words.length - 8));
      const tail = words.slice(start).join(' ');
      return random() < 0.5
        ? tail.charAt(0).toUpperCase() + tail.slice(1)
        : `[${tail.charAt(0).toUpperCase()}]${tail.slice(1)}`;
    }
    const first = sentence.charAt(0);
    const flipped = first === first.toUpperCase() ? first.toLowerCase() : first.toUpperCase();
    return flipped === first ? null : flipped + sentence.slice(1);
  },
  'trailing punctuation': (sentence, random) => {
    const bare = sentence.replace(/[.!?;:,]+["”’)]*$/u, '');
    return bare + (pick(random, ['', ',', '.', ';', '…']) ?? '');
  },
  'hyphen/dash': (sentence, random) => {
    if (/\p{L}-\p{L}/u.test(sentence))
      return sentence.replace(/(\p{L})-(\p{L})/u, `$1${pick(random, ['–', '‑', '—']) ?? '–'}$2`);
    if (/ ?[–—] ?/.test(sentence))
      return sentence.replace(/ ?[–—] ?/, pick(random, [' - ', '--', ' -- ', '-']) ?? ' - ');
    return null;
  },
};

const AUXILIARY = /\b(is|was|are|were|will|can|could|would|should|has|have|had|did|does|do|must|may)\b/i;

/** The edits that change what a sentence says: a misquote. */
const CHANGING: Record<string, (sentence: string, random: Random, other: PageText) => string | null> = {
  'number changed': (sentence, random) => {
    // A footnote mark ("quotient[9]") is a reference, not something the sentence says.
    const numbers = [...sentence.matchAll(/(?<!\[)\d+(?!\])/g)];
    const number = pick(random, numbers);
    if (!number) return null;
    const value = Number(number[0]);
    const changed = String(value + 1 + Math.floor(random() * 9));
    return sentence.slice(0, number.index) + changed + sentence.slice(number.index + number[0].length);
  },
  'name changed': (sentence, random, other) => {
    const names = [...sentence.matchAll(/(?<=\s)\p{Lu}\p{Ll}{2,}/gu)];
    const name = pick(random, names);
    const replacements = [...other.text.matchAll(/(?<=\s)\p{Lu}\p{Ll}{2,}/gu)]
      .map((match) => match[0])
      .filter((word) => name && word.toLowerCase() !== name[0].toLowerCase());
    const replacement = pick(random, replacements);
    if (!name || !replacement) return null;
    return sentence.slice(0, name.index) + replacement + sentence.slice(name.index + name[0].length);
  },
  'negation changed': (sentence) => {
    if (/\bnot\b/i.test(sentence)) return sentence.replace(/\s*\bnot\b/i, '');
    if (/n[’']t\b/.test(sentence)) return sentence.replace(/n[’']t\b/, '');
    if (AUXILIARY.test(sentence)) return sentence.replace(AUXILIARY, '$1 not');
    return null;
  },
};

const squash = (text: string) => text.replace(/\s+/g, ' ').toLowerCase();

/** Two different keeping edits, one after the other, as a quotation often has (curly quotes and an elision). */
function severalEdits(sentence: string, random: Random, page: PageText): string | null {
  const kinds = Object.keys(KEEPING).filter((kind) => kind !== 'verbatim part');
  const first = pick(random, kinds) as string;
  const second = pick(
    random,
    kinds.filter((kind) => kind !== first),
  ) as string;
  const once = KEEPING[first]?.(sentence, random, page);
  return once ? (KEEPING[second]?.(once, random, page) ?? null) : null;
}

/** Tries up to ten sentences for one an edit applies to. */
function edited(
  sentences: readonly string[],
  random: Random,
  edit: (sentence: string) => string | null,
): string | null {
  for (let tries = 0; tries < 10; tries++) {
    const quote = edit(pick(random, sentences) as string);
    if (quote) return quote;
  }
  return null;
}

/**
 * Cases from each page: every keeping edit (and two of them together) once, every changing edit once, each on a
 * sentence it applies to, and one sentence of another page (not in this page's text, compared plainly).
 */
export function generateQuoteCases(pages: readonly PageText[], seed: number): QuoteCase[] {
  const random = seededRandom(seed);
  const cases: QuoteCase[] = [];
  const sentencesOf = new Map(pages.map((page) => [page.page, quotableSentences(page.text)]));
  for (const page of pages) {
    const sentences = sentencesOf.get(page.page) ?? [];
    if (sentences.length < 3) continue;
    const others = pages.filter((other) => other.page !== page.page);
    for (const [kind, edit] of Object.entries(KEEPING)) {
      const quote = edited(sentences, random, (sentence) => edit(sentence, random, page));
      if (quote) cases.push({ page: page.page, quote, label: 'found', edit: kind as EditKind });
    }
    const several = edited(sentences, random, (sentence) => severalEdits(sentence, random, page));
    if (several) cases.push({ page: page.page, quote: several, label: 'found', edit: 'several of these' });
    for (const [kind, edit] of Object.entries(CHANGING)) {
      const other = pick(random, others) as PageText;
      const quote = edited(sentences, random, (sentence) => edit(sentence, random, other));
      if (quote) cases.push({ page: page.page, quote, label: 'differs', edit: kind as EditKind });
    }
    const other = pick(random, others);
    const foreign = other ? pick(random, sentencesOf.get(other.page) ?? []) : undefined;
    if (foreign && !squash(page.text).includes(squash(foreign))) {
      cases.push({ page: page.page, quote: foreign, label: 'not-found', edit: 'other page' });
    }
  }
  return cases;
}
