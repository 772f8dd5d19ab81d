/**
 * "Show in source" benchmark: for every page of ../shared/corpus/readability, passages of its text as the quote
 * check reads it (a stretch of twelve words from each paragraph long enough, up to eight a page) get their text
 * fragments the way the panel makes them: in Cited's own frame page (`text-fragments.html`) in Chromium, the source
 * parsed, taken in and the generator run there, timed per page as the panel would wait for it. Prints how many
 * passages got a link, the time per page (median, 95th percentile, longest, and the longest page), and a closing
 * line `show in source links made N/M, longest page ms X`.
 *
 *   npm run bench -- fragments
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM, VirtualConsole } from 'jsdom';
import { readSourceText } from '../../core/quote-check';
import { hasShared, repoRoot } from '../../test/web/paths';
import { startTestWeb } from '../../test/web/server';
import { launchBenchChromium } from './bench-chromium';
import { hasChromium } from './panel-session';
import { extensionBuild } from './snapshot';

const corpusDir = path.resolve(repoRoot, '../shared/corpus/readability');
const PASSAGE_WORDS = 12;
const PASSAGES_PER_PAGE = 8;

/** Twelve words from the middle of each paragraph of at least twenty words: a quotation's usual length. */
function passagesOf(html: string): string[] {
  const doc = new JSDOM(html, { url: 'http://fakehost/test/page.html', virtualConsole: new VirtualConsole() })
    .window.document;
  const text = readSourceText(doc)?.text ?? '';
  return text
    .split(/\n+/)
    .map((paragraph) => paragraph.trim().split(/\s+/))
    .filter((words) => words.length >= 20)
    .map((words) => words.slice(4, 4 + PASSAGE_WORDS).join(' '))
    .slice(0, PASSAGES_PER_PAGE);
}

const percentile = (sorted: readonly number[], share: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;

export async function benchFragments(): Promise<void> {
  if (!hasShared('corpus/readability')) {
    console.log(`fragments bench skipped: the shared corpus is missing (${corpusDir})`);
    return;
  }
  if (!hasChromium()) {
    console.log('fragments bench skipped: no Chromium (apt-get install chromium, or set CHROME_PATH)');
    return;
  }
  const build = await extensionBuild();
  const web = await startTestWeb({ sites: [] });
  const profile = await mkdtemp(path.join(tmpdir(), 'cited-bench-fragments-'));
  const context = await launchBenchChromium(profile, build.dir, web, { width: 1280, height: 900 });
  try {
    const worker =
      context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    const page = await context.newPage();
    await page.goto(`chrome-extension://${new URL(worker.url()).host}/text-fragments.html`);
    const times: { page: string; ms: number }[] = [];
    let made = 0;
    let asked = 0;
    for (const name of readdirSync(corpusDir).sort()) {
      const file = path.join(corpusDir, name, 'source.html');
      if (!existsSync(file)) continue;
      const html = readFileSync(file, 'utf8');
      const passages = passagesOf(html);
      if (passages.length === 0) continue;
      const figures = await page.evaluate(
        ([source, wanted]) => {
          const frame = window as unknown as {
            textFragments(html: string, passages: readonly string[]): (object | null)[];
          };
          const started = performance.now();
          const fragments = frame.textFragments(source, wanted);
          return { ms: performance.now() - started, made: fragments.filter(Boolean).length };
        },
        [html, passages] as const,
      );
      times.push({ page: name, ms: figures.ms });
      made += figures.made;
      asked += passages.length;
    }
    const sorted = times.map((time) => time.ms).sort((a, b) => a - b);
    const longest = times.reduce((most, time) => (time.ms > most.ms ? time : most), { page: '', ms: 0 });
    console.log(
      `${times.length} pages, ${asked} passages: links made for ${made} (${((made / asked) * 100).toFixed(1)}%)`,
    );
    console.log(
      `ms per page (parse, take in, generate): median ${percentile(sorted, 0.5).toFixed(1)}, p95 ${percentile(sorted, 0.95).toFixed(1)}, longest ${longest.ms.toFixed(1)} (${longest.page})`,
    );
    console.log(`show in source links made ${made}/${asked}, longest page ms ${longest.ms.toFixed(1)}`);
  } finally {
    await context.close().catch(() => {});
    await web.close();
    await rm(profile, { recursive: true, force: true });
    await build.cleanup();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await benchFragments();
}
