import { randomUUID } from 'node:crypto';
import { test as base, expect } from '@playwright/test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { assertBuilt } from '../web/chromium';
import { startTestWeb, type TestWeb } from '../web/server';
import { allSites } from '../web/sites/index';
import {
  addonId,
  extensionErrors,
  firefoxExtensionDir,
  firefoxMissing,
  firefoxPath,
  firefoxPrefs,
} from './firefox';
import { gotoExtensionPage } from './pages';

/**
 * Playwright fixtures for Cited end to end in Firefox. Playwright drives only its own patched Firefox, so Debian's
 * Firefox ESR is driven by puppeteer-core over WebDriver BiDi, with the built MV2 add-on installed as a temporary
 * add-on and every request going through the local test web. The tests use these fixtures, never Playwright's
 * `page` or `browser`, so no Playwright browser is needed.
 *
 * One Firefox per worker, launched by the first test that asks for it; each test closes the tabs it opened and
 * fails when the add-on logged an error on the browser console meanwhile.
 */

export interface Firefox {
  browser: Browser;
  /** moz-extension://<uuid>: the UUID is fixed by a pref, so the add-on's pages have known addresses. */
  extensionOrigin: string;
  /** Every line Firefox printed so far: the browser console, the add-on's background page included. */
  log: string[];
  testWeb: TestWeb;
}

export interface FirefoxFixtures {
  firefox: Firefox;
  /** A new tab in Firefox's window, showing `url` once loaded. */
  openTab: (url: string) => Promise<Page>;
  /** A new tab showing one of the add-on's pages (e.g. 'library.html'), once loaded. */
  openExtensionPage: (pagePath: string) => Promise<Page>;
}

interface FirefoxWorkerFixtures {
  startFirefox: () => Promise<Firefox>;
}

export const test = base.extend<FirefoxFixtures & { consoleClean: undefined }, FirefoxWorkerFixtures>({
  startFirefox: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads fixture dependencies from this pattern.
    async ({}, use) => {
      // Launched lazily, so that a machine without Firefox skips before anything starts.
      let started: Promise<Firefox> | undefined;
      await use(() => {
        started ??= launchFirefox();
        return started;
      });
      const firefox = await started?.catch(() => undefined);
      if (firefox) await closeFirefox(firefox);
    },
    { scope: 'worker' },
  ],

  firefox: async ({ startFirefox }, use, testInfo) => {
    const missing = firefoxMissing();
    // CI installs Firefox, so there a missing one fails (launchFirefox throws the same reason) instead.
    testInfo.skip(missing !== undefined && !process.env.CI, missing);
    await use(await startFirefox());
  },

  openTab: async ({ firefox }, use) => {
    await withOwnTabs(firefox, use, (tab, url) => tab.goto(url, { waitUntil: 'load' }));
  },

  openExtensionPage: async ({ firefox }, use) => {
    await withOwnTabs(firefox, use, (tab, pagePath) =>
      gotoExtensionPage(tab, `${firefox.extensionOrigin}/${pagePath.replace(/^\//, '')}`),
    );
  },

  // Set up first and torn down last, so it also sees what closing the test's tabs logged.
  consoleClean: [
    async ({ firefox }, use) => {
      const from = firefox.log.length;
      await use(undefined);
      expect(extensionErrors(firefox.log.slice(from)), 'errors of the add-on on the browser console').toEqual(
        [],
      );
    },
    { auto: true },
  ],
});

export { expect };

export async function launchFirefox(): Promise<Firefox> {
  const missing = firefoxMissing();
  if (missing) throw new Error(missing);
  const extensionDir = firefoxExtensionDir();
  assertBuilt(extensionDir, 'CITED_FIREFOX_EXTENSION_DIR');
  const uuid = randomUUID();
  const testWeb = await startTestWeb({ sites: allSites() });
  let browser: Browser | undefined;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: firefoxPath(),
      headless: true,
      // The test web's certificate is a throwaway self-signed one.
      acceptInsecureCerts: true,
      // Firefox 153 lets WebDriver navigate only to http(s), file, blob and about:blank unless the browser was
      // started for system access: this is the switch Firefox provides for automation that opens add-on pages.
      // Firefox 140 accepts it too (and needs nothing), so the same launch works on both ESRs.
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: firefoxPrefs({
        proxyPort: testWeb.port,
        directRoutes: testWeb.directRoutes(),
        addonId: addonId(extensionDir),
        uuid,
      }),
    });
    const log = outputLines(browser);
    await browser.installExtension(extensionDir);
    return { browser, extensionOrigin: `moz-extension://${uuid}`, log, testWeb };
  } catch (error) {
    await browser?.close().catch(() => {});
    await testWeb.close();
    throw error;
  }
}

/** Gives the test a tab opener (`load` shows the address in a new tab), then closes every tab it opened. */
async function withOwnTabs(
  firefox: Firefox,
  use: (open: (address: string) => Promise<Page>) => Promise<void>,
  load: (tab: Page, address: string) => Promise<unknown>,
): Promise<void> {
  const tabs: Page[] = [];
  await use(async (address) => {
    const tab = await firefox.browser.newPage();
    tabs.push(tab);
    await load(tab, address);
    return tab;
  });
  await Promise.all(tabs.map((tab) => tab.close().catch(() => {})));
}

export async function closeFirefox(firefox: Firefox): Promise<void> {
  await firefox.browser.close().catch(() => {});
  await firefox.testWeb.close();
}

/** Collects Firefox's stdout and stderr line by line, as it comes. */
function outputLines(browser: Browser): string[] {
  const lines: string[] = [];
  const firefox = browser.process();
  for (const stream of [firefox?.stdout, firefox?.stderr]) {
    // A chunk can end mid-line: keep the rest for the next one.
    let partial = '';
    stream?.on('data', (chunk) => {
      const parts = (partial + String(chunk)).split('\n');
      partial = parts.pop() ?? '';
      lines.push(...parts.filter((line) => line.trim() !== ''));
    });
  }
  return lines;
}

/**
 * The tab the add-on opens on its own (browser.tabs.create from a click in its pages, as the panel's library link
 * does) at `pagePath`, once loaded; `act` is what makes it open. Puppeteer's BiDi keeps an add-on page's target
 * URL at about:blank, so the new tab is found by asking each new page where it is.
 */
export async function openedByAddon(
  firefox: Firefox,
  pagePath: string,
  act: () => Promise<unknown>,
): Promise<Page> {
  const address = `${firefox.extensionOrigin}/${pagePath.replace(/^\//, '')}`;
  const before = new Set(await firefox.browser.pages());
  await act();
  let opened: Page | undefined;
  await expect
    .poll(
      async () => {
        for (const page of await firefox.browser.pages()) {
          if (before.has(page)) continue;
          const where = await page
            .evaluate(() => (document.readyState === 'complete' ? location.href : ''))
            .catch(() => '');
          if (where.startsWith(address)) opened = page;
        }
        return opened !== undefined;
      },
      { message: `the add-on should open ${address} in a new tab`, timeout: 15_000 },
    )
    .toBe(true);
  return opened as Page;
}
