import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareTexts } from '../../../core/source-change';

// Each folder of test/fixtures/source-change holds what an archived copy said (before.txt), what the live page says
// (after.txt) and what a reader should be told (expected.json, written out and checked by hand).
const fixtures = path.resolve(import.meta.dirname, '../../fixtures/source-change');

interface Expected {
  why: string;
  verdict: 'unchanged' | 'edited' | 'replaced';
  /** null: the texts share too little for a word count to mean anything. */
  changedShare: number | null;
  passages: { before: string; after: string; marked: string }[];
}

const read = (name: string, file: string) => readFileSync(path.join(fixtures, name, file), 'utf8');

describe('a cited text compared with the live one (golden cases)', () => {
  for (const name of readdirSync(fixtures).sort()) {
    const expected = JSON.parse(read(name, 'expected.json')) as Expected;
    it(`${name}: ${expected.why}`, () => {
      const comparison = compareTexts(read(name, 'before.txt'), read(name, 'after.txt'));
      expect(comparison.verdict).toBe(expected.verdict);
      if (expected.changedShare === null) expect(comparison.changedShare).toBeNull();
      else expect(comparison.changedShare).toBeCloseTo(expected.changedShare, 3);
      expect(comparison.passages).toEqual(expected.passages);
      expect(comparison.morePassages).toBe(0);
    });
  }
});

describe('what decides the verdict', () => {
  const paragraph = (n: number) =>
    `Paragraph ${n}: the harbour office published its weekly bulletin on water quality, sampling dates and the beaches it covers.`;
  const article = Array.from({ length: 40 }, (_, n) => paragraph(n)).join('\n\n');

  it('a long update appended to the cited text is an edit, however long', () => {
    const update = Array.from(
      { length: 60 },
      (_, n) => `Update ${n}: new figures arrived from the lab.`,
    ).join(' ');
    const comparison = compareTexts(article, `${article}\n\n${update}`);
    expect(comparison.verdict).toBe('edited');
    expect(comparison.keptShare).toBe(1);
  });

  it('lists the first passages of a page changed in many places and counts the rest', () => {
    const edited = article.replace(/weekly/g, 'monthly');
    const comparison = compareTexts(article, edited);
    expect(comparison.verdict).toBe('edited');
    expect(comparison.passages).toHaveLength(10);
    expect(comparison.morePassages).toBe(30);
    expect(comparison.passages[0]?.marked).toBe(
      '…harbour office published its [-weekly-]{+monthly+} bulletin on water quality…',
    );
  });

  it('two long texts with nothing in common are another page, without counting every difference', () => {
    const other = Array.from(
      { length: 400 },
      (_, n) => `Ticket ${n} for the regatta sold out within minutes of opening.`,
    ).join(' ');
    const comparison = compareTexts(article, other);
    expect(comparison.verdict).toBe('replaced');
    expect(comparison.passages).toEqual([]);
  });

  it('the same text with a sentence removed says which sentence went', () => {
    const removed = 'The lab disputes these figures and says three of the samples were never delivered.';
    const comparison = compareTexts(`${article}\n\n${removed}\n\n${article}`, `${article}\n\n${article}`);
    expect(comparison.verdict).toBe('edited');
    expect(comparison.passages.map((passage) => passage.before)).toEqual([removed.replace(/\.$/, '')]);
    expect(comparison.passages[0]?.after).toBe('');
  });
});
