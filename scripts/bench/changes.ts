/**
 * Changed-since-cited benchmark: each readable page of ../shared/corpus/readability plays a cited page three ways,
 * and Cited's comparison (`compareTexts`, the code the panel and `npm run check` run on a page's main text and its
 * archived copy's) must say which:
 *
 * - unchanged: the same text with straight quotes made curly, dashes changed and spacing redone;
 * - edited: one to five sentences changed (a number or a word swapped, a sentence dropped) and, on every other
 *   page, a correction appended;
 * - replaced: the text of the next page that is another text (Readability's test pages repeat the same lorem
 *   ipsum; a page sharing a tenth of its sentences with this one is not "another page" and is passed over).
 *
 * Prints the verdicts against the labels, the time per comparison, and a closing line
 * `source change verdicts correct N/M`. Cases are seeded: the same on every run.
 *
 *   npm run bench -- changes
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareTexts, type TextComparison } from '../../core/source-change/compare';
import { readPages } from './quotes';
import { seededRandom } from './seeded-random';

const corpusDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../shared/corpus/readability',
);
const SEED = 12;
type Label = TextComparison['verdict'];

function restyled(text: string): string {
  return text
    .replace(/"([^"]*)"/g, '“$1”')
    .replace(/ - /g, ' — ')
    .replace(/\s+/g, ' ');
}

function edited(text: string, random: () => number, correction: boolean): string {
  const sentences = text.split(/(?<=[.!?])\s+/);
  const edits = 1 + Math.floor(random() * 5);
  for (let n = 0; n < edits; n++) {
    const at = Math.floor(random() * sentences.length);
    const sentence = sentences[at] ?? '';
    const words = sentence.split(' ');
    if (random() < 0.3 || words.length < 4) sentences.splice(at, 1);
    else {
      const word = Math.floor(random() * words.length);
      words[word] = /\d/.test(words[word] ?? '') ? String(Math.floor(random() * 1000)) : 'otherwise';
      sentences[at] = words.join(' ');
    }
  }
  if (correction) sentences.push('Correction: an earlier version of this article misstated a figure.');
  return sentences.join(' ');
}

const sentencesOf = (text: string) =>
  new Set(text.split(/(?<=[.!?])\s+/).map((sentence) => sentence.replace(/\s+/g, ' ').trim()));

/** Whether two texts share under a tenth of their sentences: told apart without the code under test. */
function anotherText(a: string, b: string): boolean {
  const [mine, theirs] = [sentencesOf(a), sentencesOf(b)];
  const shared = [...mine].filter((sentence) => theirs.has(sentence)).length;
  return shared < 0.1 * Math.min(mine.size, theirs.size);
}

export async function benchChanges(): Promise<void> {
  if (!existsSync(corpusDir)) {
    console.log(`not run: ${corpusDir} is missing`);
    return;
  }
  const random = seededRandom(SEED);
  const pages = readPages().filter((page) => page.text.split(/\s+/).length >= 40);
  const cases: { label: Label; before: string; after: string }[] = [];
  pages.forEach((page, index) => {
    const others = [...pages.slice(index + 1), ...pages.slice(0, index)];
    const next = others.find((other) => anotherText(page.text, other.text));
    cases.push({ label: 'unchanged', before: page.text, after: restyled(page.text) });
    cases.push({ label: 'edited', before: page.text, after: edited(page.text, random, index % 2 === 0) });
    if (next) cases.push({ label: 'replaced', before: page.text, after: next.text });
  });
  const confusion = new Map<string, number>();
  const times: number[] = [];
  let correct = 0;
  for (const test of cases) {
    const started = performance.now();
    const { verdict } = compareTexts(test.before, test.after);
    times.push(performance.now() - started);
    if (verdict === test.label) correct++;
    const key = `${test.label} → ${verdict}`;
    confusion.set(key, (confusion.get(key) ?? 0) + 1);
  }
  times.sort((a, b) => a - b);
  const at = (share: number) =>
    (times[Math.min(times.length - 1, Math.floor(share * times.length))] ?? 0).toFixed(1);
  console.log(`${cases.length} cases from ${pages.length} pages (seed ${SEED})`);
  for (const [key, count] of [...confusion].sort()) console.log(`  ${key.padEnd(24)} ${count}`);
  console.log(`compareTexts ms per comparison: median ${at(0.5)}, p95 ${at(0.95)}, max ${at(1)}`);
  console.log(`source change verdicts correct ${correct}/${cases.length}`);
}
