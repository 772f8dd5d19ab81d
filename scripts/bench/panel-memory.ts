/**
 * `npm run bench -- panel-memory` (issue 10): does holding a long article cost more each time the panel opens? The
 * real side panel is opened on the 2,000-citation article of the test web, left until every status is in, and
 * closed, N times (CITED_BENCH_MEMORY_OPENS, 10 by default). After each open the JS heaps of the panel, the
 * background worker and the article's page are read after a forced collection (with the pages' DOM listeners);
 * the closing line is the worker's growth from the first open to the last. A port or listener kept per open, or
 * per-tab state kept after the panel closed, shows as a heap (or a listener count) that climbs with each open.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestWeb } from '../../test/web/server';
import { allSites } from '../../test/web/sites/index';
import { longArticleUrl } from '../../test/web/sites/long-article';
import {
  type AttachedTarget,
  hasChromium,
  type PanelSession,
  startPanelSession,
  verdictCount,
  waitFor,
} from './panel-session';
import { extensionBuild } from './snapshot';
import { type TargetMemory, targetMemory } from './target-memory';

const CITATIONS = 2000;
const OPENS = Number(process.env.CITED_BENCH_MEMORY_OPENS ?? 10);
const ALL_STATUSES_MAX_MS = 10 * 60_000;
const MB = 1024 * 1024;

interface OpenFigures {
  panel: TargetMemory;
  worker: TargetMemory;
  page: TargetMemory;
}

async function targetIds(browser: PanelSession, panel: AttachedTarget, articleUrl: string) {
  const find = async (type: string, prefix: string) => {
    const target = await browser.findTarget(type, prefix);
    if (!target) throw new Error(`panel memory bench: no ${type} at ${prefix}`);
    return target;
  };
  return {
    panel: panel.targetId,
    worker: await find('service_worker', `chrome-extension://${browser.extensionId}/`),
    page: await find('page', articleUrl),
  };
}

async function closePanel(browser: PanelSession, panel: AttachedTarget): Promise<void> {
  // A side panel closes itself the way the reader's close button does.
  await panel.evaluate('window.close()').catch(() => {});
  await waitFor('the side panel to close', 15_000, async () =>
    (await browser.findTarget('page', browser.panelUrl)) ? undefined : true,
  );
}

function memoryText(memory: TargetMemory): string {
  const parts = [`${(memory.heapBytes / MB).toFixed(2)} MB`];
  if (memory.domListeners !== null) parts.push(`${memory.domListeners} DOM listeners`);
  return parts.join(', ');
}

export async function benchPanelMemory(): Promise<void> {
  if (!hasChromium()) {
    console.log('panel memory bench skipped: no Chromium (apt-get install chromium, or set CHROME_PATH)');
    return;
  }
  const build = await extensionBuild();
  const web = await startTestWeb({ sites: allSites() });
  const profile = await mkdtemp(path.join(tmpdir(), 'cited-bench-panel-memory-'));
  const articleUrl = longArticleUrl(CITATIONS);
  let browser: PanelSession | null = null;
  try {
    browser = await startPanelSession(profile, build.dir, web, articleUrl);
    const figures: OpenFigures[] = [];
    for (let open = 1; open <= OPENS; open++) {
      const panel = await browser.openPanel();
      await waitFor('every status', ALL_STATUSES_MAX_MS, async () =>
        (await verdictCount(panel)).verdicts === CITATIONS ? true : undefined,
      );
      const ids = await targetIds(browser, panel, articleUrl);
      const memory: OpenFigures = {
        panel: await targetMemory(browser.cdp, ids.panel),
        worker: await targetMemory(browser.cdp, ids.worker),
        page: await targetMemory(browser.cdp, ids.page),
      };
      figures.push(memory);
      console.log(
        `open ${String(open).padStart(2)}: panel ${memoryText(memory.panel)}; worker ${memoryText(memory.worker)}; page ${memoryText(memory.page)}`,
      );
      await closePanel(browser, panel);
    }
    const first = figures[0];
    const last = figures.at(-1);
    if (first && last) {
      const growth = (key: keyof OpenFigures) =>
        ((last[key].heapBytes - first[key].heapBytes) / MB).toFixed(2);
      console.log(`panel heap growth over ${OPENS} opens: ${growth('panel')} MB`);
      console.log(`page heap growth over ${OPENS} opens: ${growth('page')} MB`);
      console.log(`worker heap growth over ${OPENS} opens: ${growth('worker')} MB`);
    }
  } finally {
    await browser?.close();
    await rm(profile, { recursive: true, force: true, maxRetries: 3 });
    await web.close();
    await build.cleanup();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await benchPanelMemory();
}
