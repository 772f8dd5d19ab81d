/**
 * Quote-check benchmark: labelled quotations generated from the pages of ../shared/corpus/readability (see
 * quote-cases.ts), each looked for in its page's text by Cited's quote check (the text as the extension reads
 * a fetched source: `readSourceText`, then `matchQuotes`) and by a plain substring search (whitespace
 * collapsed: `found` when the quotation is in the text as typed, else `not-found`), in the same run.
 * Prints precision and recall per verdict for both, the misses by edit, and a closing line
 * `quote check found precision P recall R`. Goal (issue 12): P ≥ 0.99, R ≥ 0.97, both above the baseline.
 *
 *   npm run bench -- quotes
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM, VirtualConsole } from 'jsdom';
import { matchQuotes, readSourceText } from '../../core/quote-check';
import { generateQuoteCases, type PageText, type QuoteCase, type QuoteLabel } from './quote-cases';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpusDir = path.resolve(repoRoot, '../shared/corpus/readability');
const SEED = 12;
/** Readability's own tests load pages here; used for pages without a known original address. */
const FALLBACK_URL = 'http://fakehost/test/page.html';
const LABELS: readonly QuoteLabel[] = ['found', 'differs', 'not-found'];

export function readPages(): PageText[] {
  const urlsFile = path.join(corpusDir, 'original-urls.json');
  const urls = existsSync(urlsFile)
    ? (JSON.parse(readFileSync(urlsFile, 'utf8')) as Record<string, { url: string }>)
    : {};
  const pages: PageText[] = [];
  for (const page of readdirSync(corpusDir).sort()) {
    const file = path.join(corpusDir, page, 'source.html');
    if (!existsSync(file)) continue;
    const doc = new JSDOM(readFileSync(file, 'utf8'), {
      url: urls[page]?.url ?? FALLBACK_URL,
      virtualConsole: new VirtualConsole(),
    }).window.document;
    const source = readSourceText(doc);
    if (source) pages.push({ page, text: source.text });
  }
  return pages;
}

function substringBaseline(quote: string, text: string): QuoteLabel {
  const squash = (value: string) => value.replace(/\s+/g, ' ').trim();
  return squash(text).includes(squash(quote)) ? 'found' : 'not-found';
}

interface Scores {
  precision: number;
  recall: number;
  predicted: number;
  labelled: number;
}

export function scoresFor(
  label: QuoteLabel,
  labels: readonly QuoteLabel[],
  predicted: readonly QuoteLabel[],
): Scores {
  let truePositives = 0;
  let predictedCount = 0;
  let labelledCount = 0;
  labels.forEach((actual, index) => {
    const guess = predicted[index];
    if (guess === label) predictedCount++;
    if (actual === label) labelledCount++;
    if (guess === label && actual === label) truePositives++;
  });
  return {
    precision: predictedCount === 0 ? 0 : truePositives / predictedCount,
    recall: labelledCount === 0 ? 0 : truePositives / labelledCount,
    predicted: predictedCount,
    labelled: labelledCount,
  };
}

const fixed = (value: number) => value.toFixed(3);

/** Map.groupBy, which Node 20 does not have. */
function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

export async function benchQuotes(): Promise<void> {
  if (!existsSync(corpusDir)) {
    console.log(`quotes bench skipped: the shared corpus is missing (${corpusDir})`);
    return;
  }
  const pages = readPages();
  const texts = new Map(pages.map((page) => [page.page, page.text]));
  const cases = generateQuoteCases(pages, SEED);
  const cited: QuoteLabel[] = [];
  const baseline: QuoteLabel[] = [];
  const byPage = groupBy(cases, (item) => item.page);
  const verdictOf = new Map<QuoteCase, QuoteLabel>();
  for (const [page, pageCases] of byPage) {
    const text = texts.get(page) ?? '';
    const verdicts = matchQuotes(
      pageCases.map((item) => item.quote),
      text,
    );
    pageCases.forEach((item, index) => {
      const status = verdicts[index]?.status;
      // A quotation with nothing to look for is, for the count, one not found.
      verdictOf.set(item, status === 'found' || status === 'differs' ? status : 'not-found');
    });
  }
  for (const item of cases) {
    cited.push(verdictOf.get(item) ?? 'not-found');
    baseline.push(substringBaseline(item.quote, texts.get(item.page) ?? ''));
  }
  const labels = cases.map((item) => item.label);

  console.log(
    `Quote check vs plain substring search: ${cases.length} labelled cases from ${pages.length} pages (seed ${SEED})`,
  );
  console.log(
    [
      'verdict'.padEnd(10),
      'cases'.padStart(6),
      'cited P'.padStart(8),
      'cited R'.padStart(8),
      'substr P'.padStart(9),
      'substr R'.padStart(9),
    ].join(' '),
  );
  for (const label of LABELS) {
    const mine = scoresFor(label, labels, cited);
    const theirs = scoresFor(label, labels, baseline);
    console.log(
      [
        label.padEnd(10),
        String(mine.labelled).padStart(6),
        fixed(mine.precision).padStart(8),
        fixed(mine.recall).padStart(8),
        fixed(theirs.precision).padStart(9),
        fixed(theirs.recall).padStart(9),
      ].join(' '),
    );
  }
  console.log('\nCited by edit (label: how many cases, how many given the label)');
  const byEdit = groupBy(
    cases.map((item, index) => ({ item, verdict: cited[index] })),
    ({ item }) => item.edit,
  );
  for (const [edit, rows] of byEdit) {
    const right = rows.filter(({ item, verdict }) => verdict === item.label).length;
    console.log(
      `  ${edit.padEnd(22)} ${rows[0]?.item.label.padEnd(9)} ${String(rows.length).padStart(4)} ${String(right).padStart(4)}`,
    );
  }
  const wrong = cases.flatMap((item, index) =>
    cited[index] === item.label ? [] : [{ item, verdict: cited[index] }],
  );
  if (wrong.length > 0) console.log(`\nFirst misses (of ${wrong.length}):`);
  for (const { item, verdict } of wrong.slice(0, 12)) {
    console.log(`  [${item.edit} → ${verdict}] ${item.page}: ${item.quote.slice(0, 140)}`);
  }
  const found = scoresFor('found', labels, cited);
  const foundBaseline = scoresFor('found', labels, baseline);
  console.log(
    `\nsubstring search found precision ${fixed(foundBaseline.precision)} recall ${fixed(foundBaseline.recall)}`,
  );
  console.log(`quote check found precision ${fixed(found.precision)} recall ${fixed(found.recall)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await benchQuotes();
}
