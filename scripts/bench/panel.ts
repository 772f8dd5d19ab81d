/**
 * `npm run bench -- panel` (issue 10): the real side panel in headless Chromium on synthetic long articles of the
 * test web (200 and 2,000 citations, sources on 60 hosts of mixed speed). For each size it prints the time from
 * the toolbar click to the first row, the time until every status is in, and the longest main-thread task of the
 * panel and of the article's page while that happened, read from Chromium's own trace. The page's figures count
 * from the moment Cited's content script starts: what the page did before it is printed on a line of its own (with
 * Playwright attached that was a 35 ms relayout of the whole article, caused by Playwright's own Page.setFontFamilies
 * on each new connection; see ./cdp-pipe.ts for why the benchmark no longer uses it). Last, one click on "Save snapshot",
 * traced on its own: the time until the snapshot is stored, and the longest tasks of the page and panel meanwhile. The 200-citation run is the
 * peer of the 2,000 one: a panel that scales shows the same longest task at both sizes. With each longest task it
 * prints how many tasks took over 50 ms and the most CPU time one task used (the trace's thread time): figures a
 * busy machine blurs less than the longest task's wall time.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CAPTURE_SERVED_MARK, SCRIPT_STARTED_MARK } from '../../entrypoints/capture.content/trace-marks';
import { startTestWeb, type TestWeb } from '../../test/web/server';
import { allSites } from '../../test/web/sites/index';
import { longArticleUrl } from '../../test/web/sites/long-article';
import { LONG_TASK_MS, type PageTasks, recordMainThreadTasks } from './main-thread-tasks';
import { hasChromium, type PanelSession, startPanelSession, verdictCount, waitFor } from './panel-session';
import { extensionBuild } from './snapshot';

const SIZES = (process.env.CITED_BENCH_PANEL_SIZES ?? '200,2000').split(',').map(Number);
const ALL_STATUSES_MAX_MS = 10 * 60_000;
const SAVE_MAX_MS = 2 * 60_000;

interface PanelFigures {
  citations: number;
  firstRowMs: number;
  allStatusesMs: number;
  panelLongestTaskMs: number;
  pageLongestTaskMs: number;
  panelTasksOverLimit: number;
  pageTasksOverLimit: number;
  panelLongestCpuMs: number;
  pageLongestCpuMs: number;
  /** The page's tasks as the panel opened, before Cited's script ran: none of them Cited's. */
  pageBeforeScript: PageTasks | undefined;
  /** The page's longest task while Cited read the article, and after, while it placed and updated markers. */
  pageCapture: PageTasks | undefined;
  pageMarkers: PageTasks | undefined;
  /** Saving a snapshot of the article once every status is in: how long until it is stored, and the tasks meanwhile. */
  saving: { ms: number; page: PageTasks | undefined; panel: PageTasks | undefined };
}

async function measureOne(web: TestWeb, extensionDir: string, citations: number): Promise<PanelFigures> {
  const profile = await mkdtemp(path.join(tmpdir(), 'cited-bench-panel-'));
  const articleUrl = longArticleUrl(citations);
  let browser: PanelSession | null = null;
  try {
    browser = await startPanelSession(profile, extensionDir, web, articleUrl);
    const session = browser.cdp;
    const recording = await recordMainThreadTasks(session);
    const clickedAt = Date.now();
    const panel = await browser.openPanel();
    const firstRowMs = await waitFor('the first row', 60_000, async () =>
      (await verdictCount(panel)).rows > 0 ? Date.now() - clickedAt : undefined,
    );
    const allStatusesMs = await waitFor('every status', ALL_STATUSES_MAX_MS, async () => {
      const { verdicts } = await verdictCount(panel);
      return verdicts === citations ? Date.now() - clickedAt : undefined;
    });
    const pages = new Map([
      ['panel', panel.targetId],
      ['page', (await browser.findTarget('page', articleUrl)) ?? ''],
    ]);
    const tasks = await recording.stop(
      pages,
      new Map([
        [
          'page',
          [
            { mark: SCRIPT_STARTED_MARK, time: 'first' },
            { mark: CAPTURE_SERVED_MARK, time: 'last' },
          ],
        ],
      ]),
    );
    // Then one click on "Save snapshot", traced on its own: the page is read again, and copied.
    const saving = await recordMainThreadTasks(session);
    const saveClickedAt = Date.now();
    await panel.click('[data-action="save-snapshot"]');
    await panel.waitForSelector('[data-action="open-snapshot"]', SAVE_MAX_MS);
    const savedMs = Date.now() - saveClickedAt;
    const savingTasks = await saving.stop(pages);
    // The page's figures count from Cited's script on; what the browser did before it is printed on its own.
    const pageFromScript = bothPhases(tasks.get('page:1'), tasks.get('page:2'));
    return {
      citations,
      firstRowMs,
      allStatusesMs,
      panelLongestTaskMs: tasks.get('panel')?.longestMs ?? Number.NaN,
      pageLongestTaskMs: pageFromScript.longestMs,
      panelTasksOverLimit: tasks.get('panel')?.overLimit ?? Number.NaN,
      pageTasksOverLimit: pageFromScript.overLimit,
      panelLongestCpuMs: tasks.get('panel')?.longestCpuMs ?? Number.NaN,
      pageLongestCpuMs: pageFromScript.longestCpuMs,
      pageBeforeScript: tasks.get('page:0'),
      pageCapture: tasks.get('page:1'),
      pageMarkers: tasks.get('page:2'),
      saving: { ms: savedMs, page: savingTasks.get('page'), panel: savingTasks.get('panel') },
    };
  } finally {
    await browser?.close();
    await rm(profile, { recursive: true, force: true, maxRetries: 3 });
  }
}

function bothPhases(first: PageTasks | undefined, second: PageTasks | undefined): PageTasks {
  if (!first || !second) return { longestMs: Number.NaN, overLimit: Number.NaN, longestCpuMs: Number.NaN };
  return {
    longestMs: Math.max(first.longestMs, second.longestMs),
    overLimit: first.overLimit + second.overLimit,
    longestCpuMs: Math.max(first.longestCpuMs, second.longestCpuMs),
  };
}

function phase(tasks: PageTasks | undefined): string {
  if (!tasks) return "not seen (the trace has no mark of Cited's script)";
  return `longest ${tasks.longestMs.toFixed(1)} ms (CPU ${tasks.longestCpuMs.toFixed(1)} ms), over ${LONG_TASK_MS} ms: ${tasks.overLimit}`;
}

export async function benchPanel(): Promise<void> {
  if (!hasChromium()) {
    console.log('panel bench skipped: no Chromium (apt-get install chromium, or set CHROME_PATH)');
    return;
  }
  const build = await extensionBuild();
  const web = await startTestWeb({ sites: allSites() });
  try {
    const results: PanelFigures[] = [];
    for (const size of SIZES) {
      const figures = await measureOne(web, build.dir, size);
      results.push(figures);
      console.log(
        `panel ${String(size).padStart(5)} citations: first row ${figures.firstRowMs} ms, all statuses ${figures.allStatusesMs} ms, longest task: panel ${figures.panelLongestTaskMs.toFixed(1)} ms, page ${figures.pageLongestTaskMs.toFixed(1)} ms; tasks over ${LONG_TASK_MS} ms: panel ${figures.panelTasksOverLimit}, page ${figures.pageTasksOverLimit}; most CPU in one task: panel ${figures.panelLongestCpuMs.toFixed(1)} ms, page ${figures.pageLongestCpuMs.toFixed(1)} ms`,
      );
      console.log(
        `  page while capturing: ${phase(figures.pageCapture)}; while placing and updating markers: ${phase(figures.pageMarkers)}`,
      );
      console.log(`  page before Cited's script ran: ${phase(figures.pageBeforeScript)}`);
      console.log(
        `  saving a snapshot: stored in ${figures.saving.ms} ms; page ${phase(figures.saving.page)}; panel ${phase(figures.saving.panel)}`,
      );
    }
    const [small, large] = results;
    if (small && large) {
      console.log(
        `panel longest task 2000/200 ratio: ${(large.panelLongestTaskMs / small.panelLongestTaskMs).toFixed(2)}`,
      );
      console.log(`panel longest task ms at 2000 citations: ${large.panelLongestTaskMs.toFixed(1)}`);
    }
  } finally {
    await web.close();
    await build.cleanup();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await benchPanel();
}
