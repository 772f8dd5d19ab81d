/**
 * Snapshot benchmark (issue 4): time to save and file size, Cited against SingleFile (npm single-file-cli
 * 2.0.83), on 10 corpus pages served at their original addresses by the test web, both driving the same running
 * Chromium in the same run; then the pictures each saved file really holds, counted offline.
 * Goal: faster and smaller than SingleFile while keeping every picture it keeps.
 *
 *   npx tsx scripts/bench/snapshot.ts          (or: npm run bench -- snapshot)
 *   CITED_EXTENSION_DIR=.output-x/chrome-mv3   use that build instead of building one into a temp folder
 *   CITED_BENCH_ROUNDS=5                       timed rounds per page (default 3)
 *   CITED_BENCH_KEEP_FILES=1                   keep the saved files (the folder is printed)
 *
 * One Chromium (Debian's, headless, a fresh profile, 1280×720 window) runs with the built extension and every
 * request going through the test web's proxy (test/web/chromium.ts flags). SingleFile's CLI connects to that very
 * browser with --browser-server, so it loads pages through the same proxy, certificate rule, window and cache.
 * (--browser-executable-path and --browser-args only tell the CLI how to launch a browser of its own; the one it
 * drives here is Debian's /usr/bin/chromium, or CHROME_PATH, already running with the test web's flags.)
 *
 * Waiting (equal for both): SingleFile's defaults, --browser-wait-until=networkIdle and
 * --browser-wait-until-delay=1000: once Chromium reports the first `networkIdle` lifecycle event of the page
 * (any of its frames) after navigating, wait 1 s more, then save. Cited's tab is loaded and waited for by the same
 * rule, with the same CDP lifecycle events. Page load and waiting are outside both timings. (SingleFile also blocks
 * script downloads in its tab, by default; the test web serves no script files, so both tabs run the same inline
 * scripts.)
 *
 * What each timing covers:
 * - Cited: from sending `saveTabSnapshot` (as the panel does) to its reply, which comes once the snapshot is
 *   stored: injecting the capture script into the tab, preparing and serialising the page and reading its article
 *   there, opening the offscreen document when it is closed, fetching and inlining every resource, building,
 *   checking and sealing the snapshot, and the IndexedDB write. Size: the stored HTML, in UTF-8 bytes.
 * - SingleFile: from its "Capturing page" step (its script is already in the page, loaded and waited for) to the
 *   moment its output file was last written (see snapshot-singlefile.ts): its processing in the page, its
 *   resource fetches (from the page, or from its Node process where CORS refuses the page), serialisation, the
 *   transfer to Node and the file write. Size: the output file.
 * SingleFile runs twice per page:
 * - "same work": --remove-frames --load-deferred-images=false. Cited does not save frames (it leaves a note where
 *   one was) and does not scroll the page to make lazy pictures load (it reads their real address from the
 *   markup), so this run does what Cited does. Timing and size are compared against it (the closing ratios).
 * - "defaults": SingleFile as a user gets it. It also waits for every frame (5 s for a frame that never answers,
 *   as frames of hosts the test web does not play) and scrolls the page, waiting for lazy pictures until nothing
 *   loads for 1.5-3 s. Its time and size are shown beside the others, not used in the ratios.
 * Pictures: Cited must keep every picture either SingleFile run keeps; a page's SingleFile count is the larger of
 * its two runs, and "missing" lists pictures (by their decoded bytes) a SingleFile file holds and Cited's lacks.
 * Where SingleFile keeps fewer pictures (lazy-image-2: it keeps the lazy-loader's 1×1 stand-ins, Cited the 65
 * real pictures), Cited fetches and stores more, so on that page time and size are not for equal work.
 * The timed pair runs CITED_BENCH_ROUNDS times per page, alternating which goes first; medians are reported.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type BrowserContext, chromium, type Page } from '@playwright/test';
import { errorMessage } from '../../core/errors/cited-error';
import { saveTab, storedSnapshotHtml } from '../../test/e2e/snapshot-helpers';
import { assertBuilt, chromiumPath } from '../../test/web/chromium';
import { hasShared, repoRoot } from '../../test/web/paths';
import { startTestWeb, type TestWeb } from '../../test/web/server';
import { corpusSite, servedCorpusPages } from '../../test/web/sites/corpus';
import { launchBenchChromium } from './bench-chromium';
import { ImageCounter, type KeptImages } from './snapshot-images';
import { runSingleFile, type SingleFileRun, singleFileCliPath } from './snapshot-singlefile';

/** Pages with pictures and CSS, lazy-loading ones included, each served at its original address. */
const PAGES = [
  'lazy-image-1',
  'lazy-image-2',
  'nytimes-1',
  'guardian-1',
  'wikipedia',
  '002',
  'medium-1',
  'theverge',
  'telegraph',
  'wapo-2',
];
const WAIT_AFTER_IDLE_MS = 1000;
const LOAD_MAX_MS = 60_000;
const SAVE_MAX_MS = 180_000;
const SAME_WORK_FLAGS = ['--remove-frames', '--load-deferred-images=false'];
/** The same window for Cited's tab and SingleFile's (its own default is 1280×720 too). */
const WINDOW = { width: 1280, height: 720 };

interface CitedRun {
  saveMs: number;
  bytes: number;
  html: string;
}

interface PageResult {
  name: string;
  cited: CitedRun[];
  same: SingleFileRun[];
  defaults: SingleFileRun | null;
  errors: string[];
  images?: { cited: KeptImages; same: KeptImages | null; defaults: KeptImages | null };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no result after ${ms / 1000} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Why the benchmark cannot run here, or null. */
function missingPrerequisite(): string | null {
  if (!hasShared('corpus/readability/original-urls.json'))
    return `the shared corpus is missing (${path.resolve(repoRoot, '../shared/corpus/readability')})`;
  try {
    chromiumPath();
  } catch (error) {
    return errorMessage(error);
  }
  if (!singleFileCliPath()) return 'single-file-cli is not installed (npm install)';
  return null;
}

/** CITED_EXTENSION_DIR as it is, else a fresh build of the code as it is now, into a temp folder. */
export async function extensionBuild(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  if (process.env.CITED_EXTENSION_DIR) {
    const dir = path.resolve(repoRoot, process.env.CITED_EXTENSION_DIR);
    assertBuilt(dir);
    return { dir, cleanup: async () => {} };
  }
  const outDir = await mkdtemp(path.join(tmpdir(), 'cited-bench-build-'));
  console.log('building the extension (set CITED_EXTENSION_DIR to use an existing build) ...');
  await promisify(execFile)('npx', ['wxt', 'build'], {
    cwd: repoRoot,
    env: { ...process.env, CITED_OUT_DIR: outDir },
    maxBuffer: 64 * 1024 * 1024,
  });
  const dir = path.join(outDir, 'chrome-mv3');
  assertBuilt(dir);
  return { dir, cleanup: () => rm(outDir, { recursive: true, force: true }) };
}

/**
 * Loads `url` in `page` and waits as SingleFile does by default: 1 s after the first networkIdle lifecycle event
 * of the navigation (any frame), or after LOAD_MAX_MS.
 */
async function loadLikeSingleFile(page: Page, url: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Page.enable');
    await cdp.send('Page.setLifecycleEventsEnabled', { enabled: true });
    let navigated = false;
    const idle = new Promise<void>((resolve) => {
      cdp.on('Page.frameNavigated', ({ frame }) => {
        if (!frame.parentId && frame.url !== 'about:blank') navigated = true;
      });
      cdp.on('Page.lifecycleEvent', ({ name }) => {
        if (navigated && name === 'networkIdle') resolve();
      });
    });
    await page.goto(url, { waitUntil: 'commit', timeout: LOAD_MAX_MS });
    await Promise.race([idle, sleep(LOAD_MAX_MS)]);
    await sleep(WAIT_AFTER_IDLE_MS);
  } finally {
    await cdp.detach().catch(() => {});
  }
}

class Bench {
  private sender!: Page;

  constructor(
    private readonly context: BrowserContext,
    private readonly browserServer: string,
    private readonly web: TestWeb,
    private readonly outDir: string,
  ) {}

  async start(): Promise<void> {
    const isCited = (url: string) => url.startsWith('chrome-extension://');
    const worker =
      this.context.serviceWorkers().find((w) => isCited(w.url())) ??
      (await this.context.waitForEvent('serviceworker', {
        predicate: (w) => isCited(w.url()),
        timeout: 15_000,
      }));
    const extensionId = new URL(worker.url()).host;
    // Any extension page may ask for a save; the options page listens to nothing the save sends out.
    this.sender = await this.context.newPage();
    await this.sender.goto(`chrome-extension://${extensionId}/options.html`);
  }

  async cited(url: string): Promise<CitedRun> {
    const tab = await this.context.newPage();
    try {
      await loadLikeSingleFile(tab, url);
      const shown = tab.url();
      const started = performance.now();
      const outcome = await withTimeout(saveTab(this.sender, shown), SAVE_MAX_MS, 'Cited');
      const saveMs = performance.now() - started;
      const html = await storedSnapshotHtml(this.sender, outcome.id);
      return { saveMs, bytes: Buffer.byteLength(html, 'utf8'), html };
    } finally {
      await tab.close();
    }
  }

  singleFile(url: string, file: string, flags: readonly string[]): Promise<SingleFileRun> {
    return withTimeout(
      runSingleFile(url, path.join(this.outDir, file), {
        browserServer: this.browserServer,
        proxyUrl: this.web.proxyUrl,
        flags,
      }),
      SAVE_MAX_MS + LOAD_MAX_MS,
      'SingleFile',
    );
  }
}

async function attempt<T>(errors: string[], what: string, run: () => Promise<T>): Promise<T | null> {
  try {
    return await run();
  } catch (error) {
    errors.push(`${what}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    return null;
  }
}

async function measure(bench: Bench, rounds: number): Promise<PageResult[]> {
  const urls = new Map(servedCorpusPages().map((p) => [p.name, p.url]));
  const results: PageResult[] = PAGES.map((name) => ({
    name,
    cited: [],
    same: [],
    defaults: null,
    errors: [],
  }));
  // One unmeasured save each: the first save in a fresh browser pays for compiling code both tools use again.
  const warmUrl = urls.get(PAGES[0] as string) as string;
  await attempt([], 'warm-up', () => bench.cited(warmUrl));
  await attempt([], 'warm-up', () => bench.singleFile(warmUrl, 'warm-up.html', SAME_WORK_FLAGS));
  for (let round = 0; round < rounds; round++) {
    for (const result of results) {
      const url = urls.get(result.name);
      if (!url) {
        if (round === 0) result.errors.push('not served at an original address by the corpus site');
        continue;
      }
      const cited = async () => {
        const run = await attempt(result.errors, 'Cited', () => bench.cited(url));
        if (run) result.cited.push(run);
      };
      const same = async () => {
        const file = `${result.name}.singlefile-same-${round}.html`;
        const run = await attempt(result.errors, 'SingleFile', () =>
          bench.singleFile(url, file, SAME_WORK_FLAGS),
        );
        if (run) result.same.push(run);
      };
      // Alternate who goes first, so neither always meets the browser in the state the other left it in.
      if (round % 2 === 0) {
        await cited();
        await same();
      } else {
        await same();
        await cited();
      }
      if (round === 0) {
        result.defaults = await attempt(result.errors, 'SingleFile (defaults)', () =>
          bench.singleFile(url, `${result.name}.singlefile-defaults.html`, []),
        );
      }
      process.stdout.write('.');
    }
  }
  process.stdout.write('\n');
  return results;
}

async function countImages(results: PageResult[], outDir: string): Promise<void> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--disable-gpu',
      '--no-sandbox',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const counter = await ImageCounter.open(browser);
    for (const result of results) {
      const first = result.cited[0];
      if (!first) continue;
      const citedFile = path.join(outDir, `${result.name}.cited.html`);
      await writeFile(citedFile, first.html);
      const same = result.same[0];
      result.images = {
        cited: await counter.count(citedFile),
        same: same ? await counter.count(same.file) : null,
        defaults: result.defaults ? await counter.count(result.defaults.file) : null,
      };
    }
    await counter.close();
  } finally {
    await browser.close();
  }
}

const kb = (bytes: number | undefined) => (bytes === undefined ? '-' : (bytes / 1024).toFixed(0));
const ms = (value: number) => (Number.isNaN(value) ? '-' : value.toFixed(0));

function singleFileImages(result: PageResult): number {
  return Math.max(result.images?.same?.count ?? 0, result.images?.defaults?.count ?? 0);
}

function missingPictures(result: PageResult): number {
  const images = result.images;
  if (!images) return 0;
  const theirs = new Set([...(images.same?.pictures ?? []), ...(images.defaults?.pictures ?? [])]);
  return [...theirs].filter((picture) => !images.cited.pictures.has(picture)).length;
}

function report(results: PageResult[], rounds: number): void {
  console.log(
    `\nSnapshot save, Cited vs SingleFile 2.0.83 (same Chromium, test web), median of ${rounds} round(s); ` +
      'SingleFile "same work" = --remove-frames --load-deferred-images=false, "defaults" = as shipped (1 run)',
  );
  const header = [
    'page'.padEnd(13),
    'cited ms'.padStart(9),
    'SF ms same/default'.padStart(19),
    'cited KB'.padStart(9),
    'SF KB same/default'.padStart(19),
    'images cited'.padStart(13),
    'SF same/default'.padStart(16),
    'missing'.padStart(8),
  ];
  console.log(
    '("missing": pictures a SingleFile file holds, by their decoded bytes, that Cited\'s file lacks)',
  );
  console.log(header.join(' '));
  const timeRatios: number[] = [];
  const sizeRatios: number[] = [];
  let citedImages = 0;
  let theirImages = 0;
  let fewer = 0;
  for (const r of results) {
    const citedMs = median(r.cited.map((c) => c.saveMs));
    const sameMs = median(r.same.map((s) => s.saveMs));
    const citedBytes = r.cited[0]?.bytes;
    const sameBytes = r.same[0]?.bytes;
    if (r.cited.length > 0 && r.same.length > 0) timeRatios.push(citedMs / sameMs);
    if (citedBytes !== undefined && sameBytes !== undefined) sizeRatios.push(citedBytes / sameBytes);
    const mine = r.images?.cited.count;
    const theirs = singleFileImages(r);
    const missing = missingPictures(r);
    if (mine !== undefined) {
      citedImages += mine;
      theirImages += theirs;
      if (mine < theirs) fewer++;
    }
    const flag = mine !== undefined && mine < theirs ? '  << cited keeps fewer' : '';
    console.log(
      [
        r.name.padEnd(13),
        ms(citedMs).padStart(9),
        `${ms(sameMs)} / ${r.defaults ? ms(r.defaults.saveMs) : '-'}`.padStart(19),
        kb(citedBytes).padStart(9),
        `${kb(sameBytes)} / ${kb(r.defaults?.bytes)}`.padStart(19),
        String(mine ?? '-').padStart(13),
        `${r.images?.same?.count ?? '-'} / ${r.images?.defaults?.count ?? '-'}`.padStart(16),
        String(missing).padStart(8),
      ].join(' ') + flag,
    );
    for (const error of [...new Set(r.errors)]) console.log(`  ${r.name}: ${error}`);
  }
  const defaultRatios = results
    .filter((r) => r.cited.length > 0 && r.defaults)
    .map((r) => median(r.cited.map((c) => c.saveMs)) / (r.defaults as SingleFileRun).saveMs);
  console.log(
    `(for reference, against SingleFile's defaults: time ${median(defaultRatios).toFixed(2)}x, ` +
      `size ${median(
        results
          .filter((r) => r.cited[0] && r.defaults)
          .map((r) => (r.cited[0] as CitedRun).bytes / (r.defaults as SingleFileRun).bytes),
      ).toFixed(2)}x; pages compared: ${timeRatios.length} of ${results.length})`,
  );
  console.log(`cited/singlefile time ratio (median): ${median(timeRatios).toFixed(2)}`);
  console.log(`cited/singlefile size ratio (median): ${median(sizeRatios).toFixed(2)}`);
  console.log(
    `images kept: cited ${citedImages}, singlefile ${theirImages} (pages where cited keeps fewer: ${fewer})`,
  );
}

export async function benchSnapshot(): Promise<void> {
  const missing = missingPrerequisite();
  if (missing) {
    console.log(`snapshot bench skipped: ${missing}`);
    return;
  }
  const rounds = Math.max(1, Number(process.env.CITED_BENCH_ROUNDS ?? 3) || 3);
  const build = await extensionBuild();
  const web = await startTestWeb({ sites: [corpusSite()] });
  const profile = await mkdtemp(path.join(tmpdir(), 'cited-bench-profile-'));
  const outDir = await mkdtemp(path.join(tmpdir(), 'cited-bench-snapshot-'));
  let context: BrowserContext | null = null;
  try {
    context = await launchBenchChromium(profile, build.dir, web, WINDOW);
    const portFile = path.join(profile, 'DevToolsActivePort');
    for (let i = 0; i < 100 && !existsSync(portFile); i++) await sleep(50);
    const [port] = (await readFile(portFile, 'utf8')).split('\n');
    const bench = new Bench(context, `http://127.0.0.1:${port}`, web, outDir);
    await bench.start();
    console.log(`saving ${PAGES.length} pages, ${rounds} timed round(s) ...`);
    const results = await measure(bench, rounds);
    await context.close();
    context = null;
    await countImages(results, outDir);
    report(results, rounds);
  } finally {
    await context?.close().catch(() => {});
    await web.close();
    await rm(profile, { recursive: true, force: true, maxRetries: 3 });
    if (process.env.CITED_BENCH_KEEP_FILES) console.log(`saved files kept in ${outDir}`);
    else await rm(outDir, { recursive: true, force: true });
    await build.cleanup();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await benchSnapshot();
}
