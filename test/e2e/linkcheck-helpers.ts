import type { BrowserContext, Page, Worker } from '@playwright/test';
import { isVerdict } from '../../core/citation-status/summary';
import type { CitationStatus } from '../../core/linkcheck/types';
import { SOURCE_TEXT_ACCEPT } from '../../core/quote-check/source-check';
import type { RecordedRequest } from '../web/site';
import { expect } from './fixtures';
import { rows } from './panel-helpers';

export { row, rows } from './panel-helpers';

// Helpers for the link-check end-to-end specs (issue 3).

/** A row still waiting for its verdict: not checked yet, queued or being checked. */
export function awaitingVerdict(status: string): boolean {
  return !isVerdict(status as CitationStatus);
}

/** Each row's URL → its data-status. */
export async function rowStatuses(panel: Page): Promise<Record<string, string>> {
  const pairs = await rows(panel).evaluateAll((found) =>
    found.map((r) => [r.getAttribute('data-citation-url') ?? '', r.getAttribute('data-status') ?? '']),
  );
  return Object.fromEntries(pairs);
}

/** Waits until every row shows a verdict (nothing queued, being checked or unchecked). */
export async function waitForVerdicts(panel: Page, count: number, timeout = 30_000): Promise<void> {
  await expect(rows(panel)).toHaveCount(count);
  await expect
    .poll(async () => Object.values(await rowStatuses(panel)).filter(awaitingVerdict).length, {
      timeout,
      message: 'every citation should get a verdict',
    })
    .toBe(0);
}

/** The toolbar badge of the tab showing `url`, as the background worker set it. */
export async function badgeText(serviceWorker: Worker, url: string): Promise<string> {
  return serviceWorker.evaluate(async (pageUrl) => {
    const [tab] = await chrome.tabs.query({ url: pageUrl });
    if (tab?.id === undefined) throw new Error(`no tab shows ${pageUrl}`);
    return chrome.action.getBadgeText({ tabId: tab.id });
  }, url);
}

/**
 * Link-check requests made by Cited (fetches from the worker), not by the page loading (no document, image,
 * style...) nor by the quote check reading quoted sources' text (it asks for text: SOURCE_TEXT_ACCEPT).
 */
export function extensionRequests(requests: RecordedRequest[]): RecordedRequest[] {
  return requests.filter((request) => {
    if (request.method !== 'GET' || request.headers.accept === SOURCE_TEXT_ACCEPT) return false;
    const dest = request.headers['sec-fetch-dest'];
    // Chromium sends no Sec-Fetch-* over plain http; over https a fetch() is "empty".
    return dest === undefined || dest === 'empty';
  });
}

/** The status markers on the page: host attributes, and the words the accessibility tree reads for each. */
export async function markersOnPage(
  context: BrowserContext,
  page: Page,
): Promise<{ statuses: Record<string, string>; spoken: string[]; archiveLinks: string[] }> {
  const statuses = await page.evaluate(() =>
    Object.fromEntries(
      Array.from(document.querySelectorAll('cited-status-marker')).map((marker) => [
        marker.getAttribute('data-cited-url') ?? '',
        marker.getAttribute('data-cited-status') ?? '',
      ]),
    ),
  );
  // The markers' shadow roots are closed: only the browser's accessibility tree sees inside, as a screen reader does.
  const cdp = await context.newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { role?: { value?: string }; name?: { value?: string }; ignored?: boolean }[];
    };
    const named = nodes.filter((node) => !node.ignored && typeof node.name?.value === 'string');
    const spoken = named
      .filter((node) => node.role?.value === 'StaticText' && node.name?.value?.startsWith('Cited:'))
      .map((node) => node.name?.value ?? '');
    const archiveLinks = named
      .filter((node) => node.role?.value === 'link' && node.name?.value === 'archived copy')
      .map((node) => node.name?.value ?? '');
    return { statuses, spoken, archiveLinks };
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** Sets Cited's settings as the options page stores them (for tests that are not about the options page). */
export async function storeSettings(serviceWorker: Worker, settings: Record<string, unknown>): Promise<void> {
  await serviceWorker.evaluate(async (values) => {
    const { settings: current = {} } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...(current as object), ...values } });
  }, settings);
}

/**
 * The reader points Cited at another Wayback-compatible endpoint in the options page (the test web plays
 * wayback.archive.org): a non-https address is refused with a reason, the right one is saved, and lookups stay off.
 */
export async function setArchiveEndpointInOptions(
  openExtensionPage: (pagePath: string) => Promise<Page>,
  address: string,
): Promise<void> {
  const options = await openExtensionPage('options.html');
  const endpoint = options.locator('[data-setting="archiveEndpoint"]');
  await endpoint.fill('ftp://archive.example');
  await endpoint.blur();
  await expect(options.locator('[data-field-error]')).toContainText('must start with https://');
  await endpoint.fill(address);
  await endpoint.blur();
  await expect(options.locator('[data-settings-status]')).toHaveText(
    `Saved: archive address ${address.replace(/\/$/, '')}`,
  );
  await expect(options.locator('[data-setting="archiveLookups"]')).not.toBeChecked();
  await options.close();
}

/** The quote checks' and comparisons' reads of sources and archived copies: they ask for text (SOURCE_TEXT_ACCEPT). */
export function sourceReads(requests: RecordedRequest[]): string[] {
  return requests
    .filter((request) => request.headers.accept === SOURCE_TEXT_ACCEPT)
    .map((request) => request.url);
}

/** How many quote checks or comparisons the worker keeps (stores of the `cited-checks` database). */
export function keptSourceReadings(
  serviceWorker: Worker,
  store: 'quoteChecks' | 'sourceChanges',
): Promise<number> {
  return serviceWorker.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('cited-checks');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(name)) {
            db.close();
            resolve(0);
            return;
          }
          const count = db.transaction(name).objectStore(name).count();
          count.onsuccess = () => {
            db.close();
            resolve(count.result);
          };
          count.onerror = () => reject(count.error);
        };
      }),
    store,
  );
}
