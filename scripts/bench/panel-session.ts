import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  type Browser,
  type BrowserContext,
  type CDPSession,
  chromium,
  type Page,
  type Worker,
} from '@playwright/test';
import { LINK_STATUSES } from '../../core/linkcheck/types';
import { chromiumPath } from '../../test/web/chromium';
import type { TestWeb } from '../../test/web/server';
import { launchBenchChromium } from './bench-chromium';

/**
 * The real side panel in headless Chromium, as the panel benchmarks drive it: the toolbar button pressed over CDP
 * (the way a reader's click opens it), the panel found among the browser's pages, its rows and verdicts read.
 */

const POLL_MS = 250;
const VERDICTS: readonly string[] = LINK_STATUSES;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function waitFor<T>(
  what: string,
  timeoutMs: number,
  probe: () => Promise<T | undefined>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`panel bench: ${what} did not happen within ${timeoutMs} ms`);
    await sleep(POLL_MS);
  }
}

/** Rows drawn, and citations with a verdict as the panel's summary counts them (a long list draws only some rows). */
export async function verdictCount(panel: Page): Promise<{ rows: number; verdicts: number }> {
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

export function hasChromium(): boolean {
  try {
    return existsSync(chromiumPath());
  } catch {
    return false;
  }
}

async function devtoolsEndpoint(profile: string): Promise<string> {
  const portFile = path.join(profile, 'DevToolsActivePort');
  for (let i = 0; i < 200 && !existsSync(portFile); i++) await sleep(50);
  const [port] = (await readFile(portFile, 'utf8')).split('\n');
  return `http://127.0.0.1:${port}`;
}

export interface PanelSession {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  panelUrl: string;
  /** A CDP session on the whole browser. */
  session: CDPSession;
  /** The tab showing the article, as a CDP target. */
  tabTargetId: string;
  /** Presses Cited's toolbar button on the article's tab and returns the panel once it is a page. */
  openPanel(): Promise<Page>;
  close(): Promise<void>;
}

/** Chromium with the build, the article loaded in its one tab, and the worker ready to open the panel. */
export async function startPanelSession(
  profile: string,
  extensionDir: string,
  web: TestWeb,
  articleUrl: string,
): Promise<PanelSession> {
  const connections: Browser[] = [];
  const context = await launchBenchChromium(profile, extensionDir, web, { width: 1280, height: 900 });
  const close = async () => {
    for (const browser of connections) await browser.close().catch(() => {});
    await context.close().catch(() => {});
  };
  try {
    const worker =
      context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    const extensionId = new URL(worker.url()).host;
    await waitFor('the worker set the toolbar button to open the panel', 15_000, async () =>
      (await worker.evaluate(async () => (await chrome.sidePanel.getPanelBehavior()).openPanelOnActionClick))
        ? true
        : undefined,
    );
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(articleUrl, { waitUntil: 'load' });

    const endpoint = await devtoolsEndpoint(profile);
    // Playwright lists only the pages that exist when it connects: the panel opens later, so look afresh.
    const connectNow = async () => {
      const browser = await chromium.connectOverCDP(endpoint);
      connections.push(browser);
      return browser;
    };
    const session = await (await connectNow()).newBrowserCDPSession();
    const [tab] = (await session.send('Target.getTargets', { filter: [{ type: 'tab' }] })).targetInfos.filter(
      (target) => target.url === articleUrl,
    );
    if (!tab) throw new Error(`panel bench: no tab shows ${articleUrl}`);
    const panelUrl = `chrome-extension://${extensionId}/sidepanel.html`;
    return {
      context,
      worker,
      extensionId,
      panelUrl,
      session,
      tabTargetId: tab.targetId,
      async openPanel() {
        await session.send('Extensions.triggerAction', { id: extensionId, targetId: tab.targetId });
        return waitFor('the side panel to open', 15_000, async () => {
          const browser = await connectNow();
          const panel = browser
            .contexts()
            .flatMap((c) => c.pages())
            .find((p) => p.url().startsWith(panelUrl));
          // Each look is a new connection: keep only the one that found the panel.
          if (!panel) {
            connections.splice(connections.indexOf(browser), 1);
            await browser.close().catch(() => {});
          }
          return panel;
        });
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
