import { describe, expect, it } from 'vitest';
import { createSentenceSplitter, MAX_SENTENCE_CHARS, sentenceAround } from '../../../core/citations/sentence';

const split = createSentenceSplitter('en');
const sentences = (text: string) => split(text).map(([start, end]) => text.slice(start, end).trim());
const around = (text: string, anchor: string) => {
  const start = text.indexOf(anchor);
  return sentenceAround(text, split(text), start, start + anchor.length);
};

describe('sentences', () => {
  it('finds the sentence that holds a link', () => {
    const text =
      'In early July, police busted a forum. Not even 20 days later, the BKA struck again. By July 20, more.';
    expect(around(text, 'the BKA')).toBe('Not even 20 days later, the BKA struck again.');
  });

  it('does not break after titles and initials', () => {
    expect(sentences('Mr. Smith met Dr. Jones. Posted by C. Aliens today.')).toEqual([
      'Mr. Smith met Dr. Jones.',
      'Posted by C. Aliens today.',
    ]);
  });

  it('ignores source line breaks, which HTML renders as spaces', () => {
    const text = 'The Fetch API intends\n    to fix most of these problems. It does this well.';
    expect(around(text, 'Fetch API')).toBe('The Fetch API intends to fix most of these problems.');
  });

  it('keeps a reference marker with the sentence it ends', () => {
    const text = 'Zawinski registered mozilla.org.[4] The project was named Mozilla.';
    expect(sentences(text)).toEqual([
      'Zawinski registered mozilla.org.[4]',
      'The project was named Mozilla.',
    ]);
  });

  it('keeps a run of reference markers with the sentence they end', () => {
    const text = 'Firefox has about a tenth of the market.[44][45] Chrome leads.[46][47][48] Safari follows.';
    expect(sentences(text)).toEqual([
      'Firefox has about a tenth of the market.[44][45]',
      'Chrome leads.[46][47][48]',
      'Safari follows.',
    ]);
  });

  it('covers every sentence a long anchor spans', () => {
    const text = 'First part. The link starts here. And it ends here. After.';
    expect(around(text, 'starts here. And it ends')).toBe('The link starts here. And it ends here.');
  });

  it('keeps the closing quotation mark with its sentence', () => {
    const text = 'In a case, “the centre was advised of two incidents.” The report claimed more.';
    expect(around(text, 'a case')).toBe('In a case, “the centre was advised of two incidents.”');
  });
});

describe('a run-on "sentence" (a list of links, a paragraph without full stops)', () => {
  it('keeps the words around the link, whole, with marks where it was cut', () => {
    const words = Array.from({ length: 600 }, (_, i) => `word${i}`);
    words.splice(300, 0, 'the cited report');
    const text = words.join(' ');
    const sentence = around(text, 'the cited report');
    expect(sentence).toContain('the cited report');
    expect(sentence.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
    expect(sentence.startsWith('… word')).toBe(true);
    expect(sentence.endsWith(' …')).toBe(true);
    // Cut between words, never inside one.
    expect(sentence).toMatch(/^… word\d+ [\s\S]* word\d+ …$/);
  });

  it('leaves an ordinary long sentence whole', () => {
    const text = `${'A long but real sentence with many words in it, '.repeat(10)}citing the report.`;
    expect(text.length).toBeLessThan(MAX_SENTENCE_CHARS);
    expect(around(text, 'the report')).toBe(text);
  });
});
