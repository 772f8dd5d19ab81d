import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  type Browser,
  type BrowserContext,
  test as base,
  chromium,
  expect,
  type Page,
  type Worker,
} from '@playwright/test';
import { assertBuilt, extensionDir as builtExtensionDir, chromiumFlags, chromiumPath } from '../web/chromium';
import { startTestWeb, type TestWeb } from '../web/server';
import { allSites } from '../web/sites/index';

/**
 * Playwright fixtures for Cited end to end: Debian's Chromium with the built extension, a fresh profile per test,
 * every request going through the local test web (worker-scoped, its log reset before each test).
 */

export interface CitedFixtures {
  extensionId: string;
  serviceWorker: Worker;
  /** Opens the real side panel for `page`'s tab, as the toolbar button does, and returns the panel's page. */
  openSidePanel: (page: Page) => Promise<Page>;
  /** Opens an extension page (e.g. 'library.html') in a normal tab. */
  openExtensionPage: (pagePath: string) => Promise<Page>;
  /**
   * A new Playwright connection over CDP to the same Chromium: it sees pages the persistent context does not list
   * (side panel, offscreen documents) that exist when it connects. Closed after the test.
   */
  cdpBrowser: () => Promise<Browser>;
}

export interface CitedWorkerFixtures {
  /**
   * Which deepdotweb.com the test web plays. `test.use({ seedEra: 'seized' })` at the top of a file gets a worker
   * with the seized site; within a test, `testWeb.addSite(seedSite({ era: 'seized' }))` switches it (put it back after).
   */
  seedEra: '2017' | 'seized';
  testWeb: TestWeb;
  extensionDir: string;
}

export const test = base.extend<CitedFixtures & { resetTestWebLog: undefined }, CitedWorkerFixtures>({
  seedEra: ['2017', { scope: 'worker', option: true }],

  testWeb: [
    async ({ seedEra }, use) => {
      const web = await startTestWeb({ sites: allSites({ seedEra }) });
      await use(web);
      await web.close();
    },
    { scope: 'worker' },
  ],

  extensionDir: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads fixture dependencies from this pattern.
    async ({}, use) => {
      const dir = builtExtensionDir();
      assertBuilt(dir);
      await use(dir);
    },
    { scope: 'worker' },
  ],

  // Each test sees only its own requests in testWeb.requests and maxConcurrent().
  resetTestWebLog: [
    async ({ testWeb }, use) => {
      testWeb.resetLog();
      await use(undefined);
    },
    { auto: true },
  ],

  context: async ({ testWeb, extensionDir }, use) => {
    const userDataDir = await mkdtemp(path.join(tmpdir(), 'cited-e2e-profile-'));
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumPath(),
      headless: true,
      // Playwright disables extensions by default; Cited is the one under test.
      ignoreDefaultArgs: ['--disable-extensions'],
      // Playwright adds --headless itself.
      args: chromiumFlags({
        extensionDir,
        proxyUrl: testWeb.proxyUrl,
        directRoutes: testWeb.directRoutes(),
        headless: true,
        debugging: true,
      }).filter((flag) => flag !== '--headless'),
    });
    (context as ContextWithCdp)[CDP] = { profileDir: userDataDir, connections: [] };
    await use(context);
    await closeCdp(context);
    await context.close();
    await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
  },

  page: async ({ context }, use) => {
    await use(context.pages()[0] ?? (await context.newPage()));
  },

  serviceWorker: async ({ context }, use) => {
    const isCited = (w: Worker) => w.url().startsWith('chrome-extension://');
    const worker =
      context.serviceWorkers().find(isCited) ??
      (await context.waitForEvent('serviceworker', { predicate: isCited, timeout: 15_000 }));
    await use(worker);
  },

  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },

  cdpBrowser: async ({ context }, use) => {
    await use(() => connectOverCdp(context));
  },

  openSidePanel: async ({ context, extensionId, serviceWorker }, use) => {
    await use(async (page) => {
      // Cited's worker runs as soon as the extension is installed, long before a reader's first click; a click
      // in the first milliseconds after install, before the worker's first run registered anything, is dropped
      // by Chrome itself (no listener, no panel behaviour yet). Wait until Cited has started, as a reader would.
      await expect
        .poll(
          () =>
            serviceWorker.evaluate(
              async () => (await chrome.sidePanel.getPanelBehavior()).openPanelOnActionClick,
            ),
          {
            message: 'the worker never made the toolbar button open the side panel',
          },
        )
        .toBe(true);
      return openSidePanel(context, extensionId, page);
    });
  },

  openExtensionPage: async ({ context, extensionId }, use) => {
    await use(async (pagePath) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${pagePath.replace(/^\//, '')}`);
      return page;
    });
  },
});

export { expect };

const CDP = Symbol('cdp');
interface CdpState {
  profileDir: string;
  connections: Browser[];
  control?: Promise<Browser>;
  panel?: Page;
}
type ContextWithCdp = BrowserContext & { [CDP]?: CdpState };

function cdpState(context: BrowserContext): CdpState {
  const state = (context as ContextWithCdp)[CDP];
  if (!state) throw new Error('CDP access works only on the context these fixtures launched');
  return state;
}

/**
 * A new Playwright connection over CDP. Playwright lists only the pages that exist when it connects and does not
 * pick up a side panel opened later, so each caller that needs to see new pages connects afresh.
 */
async function connectOverCdp(context: BrowserContext): Promise<Browser> {
  const state = cdpState(context);
  const portFile = path.join(state.profileDir, 'DevToolsActivePort');
  // Chromium writes the file once its DevTools server listens, moments after start.
  await expect.poll(() => existsSync(portFile), { message: `${portFile} never appeared` }).toBe(true);
  const [port] = (await readFile(portFile, 'utf8')).split('\n');
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  state.connections.push(browser);
  return browser;
}

async function closeCdp(context: BrowserContext): Promise<void> {
  const state = (context as ContextWithCdp)[CDP];
  await Promise.all((state?.connections ?? []).map((b) => b.close().catch(() => {})));
}

/** The side panel's page target, if the panel is open in some window. */
async function panelTargetOpen(session: CdpSession, panelUrl: string): Promise<boolean> {
  return (await session.send('Target.getTargets', {})).targetInfos.some(
    (t) => t.type === 'page' && t.url.startsWith(panelUrl),
  );
}

/**
 * One click on Cited's toolbar button for `page`'s tab, as a reader's click (CDP's Extensions.triggerAction).
 * Resolves once the browser has taken the click, not once anything opened.
 */
export async function clickToolbarButton(context: BrowserContext, extensionId: string, page: Page) {
  const state = cdpState(context);
  state.control ??= connectOverCdp(context);
  const session = await (await state.control).newBrowserCDPSession();
  try {
    await session.send('Extensions.triggerAction', {
      id: extensionId,
      targetId: await tabTargetOf(session, page),
    });
  } finally {
    await session.detach().catch(() => {});
  }
}

/** Whether the side panel is open in some window. */
export async function sidePanelIsOpen(context: BrowserContext, extensionId: string): Promise<boolean> {
  const state = cdpState(context);
  state.control ??= connectOverCdp(context);
  const session = await (await state.control).newBrowserCDPSession();
  try {
    return await panelTargetOpen(session, `chrome-extension://${extensionId}/sidepanel.html`);
  } finally {
    await session.detach().catch(() => {});
  }
}

async function openSidePanel(context: BrowserContext, extensionId: string, page: Page): Promise<Page> {
  const state = cdpState(context);
  const panelUrl = `chrome-extension://${extensionId}/sidepanel.html`;
  // The panel is per window: when it is already open, the toolbar button would close it.
  if (!(await sidePanelIsOpen(context, extensionId))) {
    // One click, as a reader gives it: a second click would hide a panel that opens late.
    await clickToolbarButton(context, extensionId, page);
    await expect
      .poll(() => sidePanelIsOpen(context, extensionId), {
        message: `one click on the toolbar button should open the side panel (${panelUrl})`,
        timeout: 15_000,
      })
      .toBe(true);
  }
  if (state.panel && !state.panel.isClosed()) return state.panel;
  const viewer = await connectOverCdp(context);
  const panel = viewer
    .contexts()
    .flatMap((c) => c.pages())
    .find((p) => p.url().startsWith(panelUrl));
  if (!panel) throw new Error(`The side panel is open but Playwright cannot see it (${panelUrl})`);
  await panel.waitForLoadState('domcontentloaded');
  state.panel = panel;
  return panel;
}

type CdpSession = Awaited<ReturnType<Browser['newBrowserCDPSession']>>;

/** Extensions.triggerAction wants the TAB target, which CDP tells apart from the page only by URL (and title). */
async function tabTargetOf(session: CdpSession, page: Page): Promise<string> {
  const tabs = async () =>
    (await session.send('Target.getTargets', { filter: [{ type: 'tab' }] })).targetInfos.filter(
      (t) => t.url === page.url(),
    );
  let matches = await tabs();
  if (matches.length > 1) {
    // Several tabs show this URL: mark ours by its title for a moment.
    const marker = `cited-e2e-${Math.random().toString(36).slice(2)}`;
    const title = await page.title();
    await page.evaluate((t) => {
      document.title = t;
    }, marker);
    matches = (await tabs()).filter((t) => t.title === marker);
    await page.evaluate((t) => {
      document.title = t;
    }, title);
  }
  const [tab] = matches;
  if (!tab || matches.length > 1)
    throw new Error(`Found ${matches.length} tabs for ${page.url()}; expected one.`);
  return tab.targetId;
}
