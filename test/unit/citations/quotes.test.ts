import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../core/citations/quotes';

describe('quoted passages', () => {
  it('finds curly, straight, German and French quotations', () => {
    expect(extractQuotes('He said “we will appeal the ruling today” and left.')).toEqual([
      'we will appeal the ruling today',
    ]);
    expect(extractQuotes('She wrote "the data was never checked again" in May.')).toEqual([
      'the data was never checked again',
    ]);
    expect(extractQuotes('Er sagte: „Wir gehen in Berufung, sofort.“ Dann ging er.')).toEqual([
      'Wir gehen in Berufung, sofort.',
    ]);
    expect(extractQuotes('Il a dit « nous ferons appel de la décision » hier.')).toEqual([
      'nous ferons appel de la décision',
    ]);
    expect(extractQuotes('They called it ‘a plan that nobody had read’ at the time.')).toEqual([
      'a plan that nobody had read',
    ]);
  });

  it('ignores scare quotes of fewer than four words', () => {
    expect(extractQuotes('Images of “bizarre” abuse and “very good cooperation” with the app.')).toEqual([]);
  });

  it('does not end a single-quoted passage at an apostrophe', () => {
    expect(extractQuotes('He called it ‘the prosecutor’s best case in years’ on Monday.')).toEqual([
      'the prosecutor’s best case in years',
    ]);
    expect(extractQuotes('The Prosecutor’s Office and the police’s union agreed.')).toEqual([]);
  });

  it('returns each passage once, in order, whitespace-normalised', () => {
    expect(
      extractQuotes('“one two three four” then “five six\n seven eight” and “one two three four”'),
    ).toEqual(['one two three four', 'five six seven eight']);
  });
});
