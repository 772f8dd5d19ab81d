import { expect } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { isVerdict } from '../../core/citation-status/summary';
import type { CitationStatus } from '../../core/linkcheck/types';
import type { AddonApi } from './pages';

// Cited's panel in Firefox: the sidebar page open in a tab (it follows its window's active tab, as the sidebar
// does), or the real sidebar read from another of the add-on's pages.

/** Each citation row's URL → its data-status, in `addonPage` itself or in the real sidebar (null while closed). */
function statusesOf(addonPage: Page, inSidebar: boolean): Promise<Record<string, string> | null> {
  return addonPage.evaluate((sidebar) => {
    const api = (globalThis as unknown as { browser: AddonApi }).browser;
    // The sidebar runs in the add-on's process too, so its document is reachable from here.
    const doc = sidebar ? api.extension.getViews({ type: 'sidebar' })[0]?.document : document;
    if (!doc) return null;
    return Object.fromEntries(
      Array.from(doc.querySelectorAll('[role="row"][data-citation-url]')).map((row) => [
        row.getAttribute('data-citation-url') ?? '',
        row.getAttribute('data-status') ?? '',
      ]),
    );
  }, inSidebar);
}

/** The rows of the panel page open in a tab. */
export async function rowStatuses(panel: Page): Promise<Record<string, string>> {
  return (await statusesOf(panel, false)) ?? {};
}

/** The rows of the real sidebar, read from another of the add-on's pages; null while it is closed. */
export function sidebarRowStatuses(addonPage: Page): Promise<Record<string, string> | null> {
  return statusesOf(addonPage, true);
}

/** Text of `selector` in the real sidebar, or null while there is no sidebar or no such element. */
export async function sidebarText(addonPage: Page, selector: string): Promise<string | null> {
  return addonPage.evaluate((sel) => {
    const api = (globalThis as unknown as { browser: AddonApi }).browser;
    const [view] = api.extension.getViews({ type: 'sidebar' });
    return view?.document.querySelector(sel)?.textContent?.trim() ?? null;
  }, selector);
}

/**
 * Waits until `count` rows each have their verdict, then gives them. `readRows` reads the panel page
 * (`rowStatuses`) or the real sidebar (`sidebarRowStatuses`).
 */
export async function verdicts(
  readRows: () => Promise<Record<string, string> | null>,
  count: number,
): Promise<Record<string, string>> {
  let last: Record<string, string> = {};
  await expect
    .poll(
      async () => {
        last = (await readRows()) ?? {};
        const statuses = Object.values(last);
        return {
          rows: statuses.length,
          waiting: statuses.filter((status) => !isVerdict(status as CitationStatus)).length,
        };
      },
      // The slow, rate-limited and unreachable sources take their retries and waits.
      { message: `${count} citations should get their verdicts`, timeout: 90_000, intervals: [1000] },
    )
    .toEqual({ rows: count, waiting: 0 });
  return last;
}

/** What a save from the panel came to, once it is over. */
export interface SaveResult {
  state: string;
  /** "Saved, 230 kB", "Saved with 3 of 5 sources, 1.2 MB". */
  text: string;
  id: string;
  /** The sources that could not be kept. */
  failedSources: string[];
  /** Everything the status area says, for failure messages. */
  status: string;
}

/** Waits until the panel's save is over, and tells how it went. */
export async function saveResult(panel: Page): Promise<SaveResult> {
  await expect
    .poll(
      () =>
        panel.evaluate(
          () => document.querySelector('[data-snapshot-state]')?.getAttribute('data-snapshot-state') ?? '',
        ),
      { message: 'the save should end', timeout: 120_000 },
    )
    .toMatch(/^(saved|failed)$/);
  return panel.evaluate(() => ({
    state: document.querySelector('[data-snapshot-state]')?.getAttribute('data-snapshot-state') ?? '',
    text: document.querySelector('[data-result-text]')?.textContent ?? '',
    id: document.querySelector('[data-saved-id]')?.getAttribute('data-saved-id') ?? '',
    failedSources: Array.from(document.querySelectorAll('[data-failed-source]')).map(
      (source) => source.getAttribute('data-failed-source') ?? '',
    ),
    status: document.querySelector('[data-snapshot-status]')?.textContent ?? '',
  }));
}
