/**
 * `npm run bench -- panel` (issue 10): the real side panel in headless Chromium on synthetic long articles of the
 * test web (200 and 2,000 citations, sources on 60 hosts of mixed speed). For each size it prints the time from
 * the toolbar click to the first row, the time until every status is in, and the longest main-thread task of the
 * panel and of the article's page while that happened, read from Chromium's own trace. The 200-citation run is the
 * peer of the 2,000 one: a panel that scales shows the same longest task at both sizes.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from '@playwright/test';
import { LINK_STATUSES } from '../../core/linkcheck/types';
import { chromiumPath } from '../../test/web/chromium';
import { startTestWeb, type TestWeb } from '../../test/web/server';
import { allSites } from '../../test/web/sites/index';
import { longArticleUrl } from '../../test/web/sites/long-article';
import { launchBenchChromium } from './bench-chromium';
import { recordMainThreadTasks } from './main-thread-tasks';
import { extensionBuild } from './snapshot';

const SIZES = (process.env.CITED_BENCH_PANEL_SIZES ?? '200,2000').split(',').map(Number);
const ALL_STATUSES_MAX_MS = 10 * 60_000;
const POLL_MS = 250;
const VERDICTS: readonly string[] = LINK_STATUSES;

interface PanelFigures {
  citations: number;
  firstRowMs: number;
  allStatusesMs: number;
  panelLongestTaskMs: number;
  pageLongestTaskMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function devtoolsEndpoint(profile: string): Promise<string> {
  const portFile = path.join(profile, 'DevToolsActivePort');
  for (let i = 0; i < 200 && !existsSync(portFile); i++) await sleep(50);
  const [port] = (await readFile(portFile, 'utf8')).split('\n');
  return `http://127.0.0.1:${port}`;
}

async function waitFor<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`panel bench: ${what} did not happen within ${timeoutMs} ms`);
    await sleep(POLL_MS);
  }
}

/** Rows drawn, and citations with a verdict as the panel's summary counts them (a long list draws only some rows). */
async function verdictCount(panel: Page): Promise<{ rows: number; verdicts: number }> {
  return panel.evaluate(
    (verdicts) => ({
      rows: document.querySelectorAll('[role="row"][data-citation-url]').length,
      verdicts: Array.from(document.querySelectorAll('[data-stacked-bar] [data-segment]'))
        .filter((segment) => verdicts.includes(segment.getAttribute('data-segment') ?? ''))
        .reduce((sum, segment) => sum + Number(segment.getAttribute('data-count')), 0),
    }),
    VERDICTS,
  );
}

async function measureOne(web: TestWeb, extensionDir: string, citations: number): Promise<PanelFigures> {
  const profile = await mkdtemp(path.join(tmpdir(), 'cited-bench-panel-'));
  let context: BrowserContext | null = null;
  const connections: Browser[] = [];
  try {
    context = await launchBenchChromium(profile, extensionDir, web, { width: 1280, height: 900 });
    const worker =
      context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    const extensionId = new URL(worker.url()).host;
    await waitFor('the worker set the toolbar button to open the panel', 15_000, async () =>
      (await worker.evaluate(async () => (await chrome.sidePanel.getPanelBehavior()).openPanelOnActionClick))
        ? true
        : undefined,
    );
    const page = context.pages()[0] ?? (await context.newPage());
    const articleUrl = longArticleUrl(citations);
    await page.goto(articleUrl, { waitUntil: 'load' });

    const endpoint = await devtoolsEndpoint(profile);
    // Playwright lists only the pages that exist when it connects: the panel opens later, so look afresh.
    const connectNow = async () => {
      const browser = await chromium.connectOverCDP(endpoint);
      connections.push(browser);
      return browser;
    };
    const session = await (await connectNow()).newBrowserCDPSession();
    const recording = await recordMainThreadTasks(session);
    const [tab] = (await session.send('Target.getTargets', { filter: [{ type: 'tab' }] })).targetInfos.filter(
      (target) => target.url === articleUrl,
    );
    if (!tab) throw new Error(`panel bench: no tab shows ${articleUrl}`);
    const clickedAt = Date.now();
    await session.send('Extensions.triggerAction', { id: extensionId, targetId: tab.targetId });

    const panelUrl = `chrome-extension://${extensionId}/sidepanel.html`;
    const panel = await waitFor('the side panel to open', 15_000, async () =>
      (await connectNow())
        .contexts()
        .flatMap((c) => c.pages())
        .find((p) => p.url().startsWith(panelUrl)),
    );
    const firstRowMs = await waitFor('the first row', 60_000, async () =>
      (await verdictCount(panel)).rows > 0 ? Date.now() - clickedAt : undefined,
    );
    const allStatusesMs = await waitFor('every status', ALL_STATUSES_MAX_MS, async () => {
      const { verdicts } = await verdictCount(panel);
      return verdicts === citations ? Date.now() - clickedAt : undefined;
    });
    const pages = (await session.send('Target.getTargets', { filter: [{ type: 'page' }] })).targetInfos;
    const targetOf = (prefix: string) =>
      pages.find((target) => target.url.startsWith(prefix))?.targetId ?? '';
    const longest = await recording.stop(
      new Map([
        ['panel', targetOf(panelUrl)],
        ['page', targetOf(articleUrl)],
      ]),
    );
    return {
      citations,
      firstRowMs,
      allStatusesMs,
      panelLongestTaskMs: longest.get('panel') ?? Number.NaN,
      pageLongestTaskMs: longest.get('page') ?? Number.NaN,
    };
  } finally {
    for (const browser of connections) await browser.close().catch(() => {});
    await context?.close().catch(() => {});
    await rm(profile, { recursive: true, force: true, maxRetries: 3 });
  }
}

export async function benchPanel(): Promise<void> {
  if (!existsSync(chromiumPathOrEmpty())) {
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
        `panel ${String(size).padStart(5)} citations: first row ${figures.firstRowMs} ms, all statuses ${figures.allStatusesMs} ms, longest task: panel ${figures.panelLongestTaskMs.toFixed(1)} ms, page ${figures.pageLongestTaskMs.toFixed(1)} ms`,
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

function chromiumPathOrEmpty(): string {
  try {
    return chromiumPath();
  } catch {
    return '';
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await benchPanel();
}
