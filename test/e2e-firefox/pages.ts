import { expect } from '@playwright/test';
import type { Page } from 'puppeteer-core';

// Helpers over puppeteer-core pages in Firefox: the add-on's pages, the citation rows, the toolbar badge.

/** The parts of Firefox's WebExtension API the tests call from inside the add-on's own pages. */
export interface AddonApi {
  storage: {
    local: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> };
  };
  runtime: { getBackgroundPage(): Promise<Window & typeof globalThis> };
  contextMenus: { update(id: string, properties: object): Promise<void> };
  tabs: { query(query: object): Promise<{ id?: number; url?: string }[]> };
  browserAction: { getBadgeText(details: { tabId?: number }): Promise<string> };
  sidebarAction: { open(): Promise<void>; close(): Promise<void> };
  extension: { getViews(filter: { type: 'sidebar' | 'tab' }): Window[] };
}

/**
 * Puppeteer's BiDi navigation never sees a moz-extension page finish loading (the load moves to the add-on's
 * process), so navigate without waiting for it and watch the document instead.
 */
export async function gotoExtensionPage(page: Page, url: string): Promise<void> {
  page.goto(url, { timeout: 15_000 }).catch(() => {});
  await expect
    .poll(
      () =>
        page
          .evaluate((u) => location.href === u && document.readyState === 'complete', url)
          .catch(() => false),
      { message: `${url} never finished loading`, timeout: 15_000 },
    )
    .toBe(true);
}

/** The text of the first element matching `selector`, or null when there is none. */
export function textOf(page: Page, selector: string): Promise<string | null> {
  return page.evaluate((sel) => document.querySelector(sel)?.textContent?.trim() ?? null, selector);
}

/**
 * Clicks the first element matching `selector` from within the page: a tab in the background (the panel page,
 * which must not take the focus from the article it follows) takes no mouse clicks.
 */
export async function clickOn(page: Page, selector: string): Promise<void> {
  const found = await page.evaluate((sel) => {
    const element = document.querySelector<HTMLElement>(sel);
    element?.click();
    return element !== null;
  }, selector);
  if (!found) throw new Error(`nothing matches ${selector} in ${page.url()}`);
}

/** The toolbar badge of the tab showing `url`, read from one of the add-on's pages. */
export async function badgeText(addonPage: Page, url: string): Promise<string> {
  return addonPage.evaluate(async (pageUrl) => {
    const api = (globalThis as unknown as { browser: AddonApi }).browser;
    const tab = (await api.tabs.query({})).find((t) => t.url === pageUrl);
    if (tab?.id === undefined) throw new Error(`no tab shows ${pageUrl}`);
    return api.browserAction.getBadgeText({ tabId: tab.id });
  }, url);
}

/**
 * Opens or closes the real sidebar. Firefox allows that only while handling a user action, so a trusted click on
 * `addonPage` (one of the add-on's pages) does it.
 */
export async function toggleSidebar(addonPage: Page, open: boolean): Promise<void> {
  await addonPage.bringToFront();
  await addonPage.evaluate((wantOpen) => {
    const api = (globalThis as unknown as { browser: AddonApi }).browser;
    const state = globalThis as unknown as { citedSidebar?: string };
    state.citedSidebar = 'waiting';
    document.addEventListener(
      'click',
      () => {
        (wantOpen ? api.sidebarAction.open() : api.sidebarAction.close()).then(
          () => {
            state.citedSidebar = 'done';
          },
          (error: unknown) => {
            state.citedSidebar = String(error);
          },
        );
      },
      { once: true },
    );
  }, open);
  await addonPage.mouse.click(5, 5);
  await expect
    .poll(() => addonPage.evaluate(() => (globalThis as unknown as { citedSidebar?: string }).citedSidebar))
    .toBe('done');
}
