import type { Paragraph } from './paragraph';
import { extractQuotes } from './quotes';
import { createSentenceSplitter, type SentenceRange } from './sentence';

/** Running prose has words of its own around its links; tag clouds and bylines have almost none. */
const PROSE_MIN_WORDS = 8;

function wordsIn(text: string): number {
  const matches = text.match(/[\p{L}\p{N}]+/gu);
  return matches ? matches.length : 0;
}

/** Per-paragraph facts, computed the first time a link of that paragraph needs them. */
export class ParagraphFacts {
  private readonly sentences = new Map<Paragraph, SentenceRange[]>();
  private readonly quotes = new Map<Paragraph, string[]>();
  private readonly prose = new Map<Paragraph, boolean>();
  private readonly split;

  constructor(lang: string | null) {
    this.split = createSentenceSplitter(lang);
  }

  sentenceRanges(paragraph: Paragraph): SentenceRange[] {
    let ranges = this.sentences.get(paragraph);
    if (!ranges) {
      ranges = this.split(paragraph.text);
      this.sentences.set(paragraph, ranges);
    }
    return ranges;
  }

  quotesOf(paragraph: Paragraph): string[] {
    let quotes = this.quotes.get(paragraph);
    if (!quotes) {
      quotes = extractQuotes(paragraph.text);
      this.quotes.set(paragraph, quotes);
    }
    return quotes;
  }

  isProse(paragraph: Paragraph): boolean {
    let prose = this.prose.get(paragraph);
    if (prose === undefined) {
      let linkedWords = 0;
      for (const { start, end } of paragraph.links.values()) {
        linkedWords += wordsIn(paragraph.text.slice(start, end));
      }
      prose = wordsIn(paragraph.text) - linkedWords >= PROSE_MIN_WORDS;
      this.prose.set(paragraph, prose);
    }
    return prose;
  }
}
