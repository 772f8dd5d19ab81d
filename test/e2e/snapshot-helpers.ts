import type { BrowserContext, Page } from '@playwright/test';
import type { SaveOutcome } from '../../core/save-job/types';
import { expect } from './fixtures';

/**
 * Saving from a test without clicking: any extension page can ask the background to save a tab, exactly as the
 * panel does (the `saveTabSnapshot` message). It resolves once the snapshot is stored, with the outcome.
 */
export async function saveTab(
  extensionPage: Page,
  tabUrl: string,
  options: { withSources?: boolean } = {},
): Promise<SaveOutcome> {
  const reply = await extensionPage.evaluate(
    async ({ url, withSources }) => {
      const tabs = await chrome.tabs.query({});
      const tab = tabs.find((t) => t.url === url);
      if (tab?.id === undefined) return { err: { message: `No tab shows ${url}` } };
      return chrome.runtime.sendMessage({
        id: Date.now(),
        type: 'saveTabSnapshot',
        data: { tabId: tab.id, withSources },
        timestamp: Date.now(),
      });
    },
    { url: tabUrl, withSources: options.withSources ?? false },
  );
  const { res, err } = (reply ?? {}) as { res?: SaveOutcome; err?: { message: string; code?: string } };
  if (err) throw Object.assign(new Error(err.message), { code: err.code });
  if (!res) throw new Error('The background gave no answer to saveTabSnapshot');
  return res;
}

/** Whitespace-normalised visible text, the way a reader compares two copies of a page. */
export function normaliseText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The library page of one snapshot (`tab`: the saved page, its reader view, or its details). */
export async function openSnapshot(
  context: BrowserContext,
  extensionId: string,
  id: string,
  tab: 'page' | 'reader' | 'details' = 'page',
): Promise<Page> {
  const page = await context.newPage();
  const suffix = tab === 'page' ? '' : `/${tab}`;
  await page.goto(`chrome-extension://${extensionId}/library.html#/snapshot/${id}${suffix}`);
  await expect(page.locator(`[data-viewer="${id}"]`)).toBeVisible();
  return page;
}

/** The stored bytes of a snapshot, read straight from the extension's IndexedDB (no Cited code involved). */
export async function storedSnapshotHtml(extensionPage: Page, id: string): Promise<string> {
  const html = await extensionPage.evaluate(async (key) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('cited');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      return await new Promise<string | undefined>((resolve, reject) => {
        const request = db.transaction('bodies').objectStore('bodies').get(key);
        request.onsuccess = () => resolve((request.result as { html?: string } | undefined)?.html);
        request.onerror = () => reject(request.error);
      });
    } finally {
      db.close();
    }
  }, id);
  if (html === undefined) throw new Error(`No snapshot ${id} in the library`);
  return html;
}

/** Chromium's own background services (component updates, sign-in), which no page or snapshot asked for. */
const BROWSER_SERVICES = /(?:^|\.)(?:google\.com|gvt1\.com|gvt2\.com|googleapis\.com|gstatic\.com)$/;

/** The test web's log without the browser's own background traffic. */
export function webRequests(requests: ReadonlyArray<{ url: string; host: string }>): string[] {
  return requests.filter((r) => !BROWSER_SERVICES.test(r.host)).map((r) => r.url);
}

/** Every snapshot the extension holds: id → its stored bytes and recorded SHA-256 (raw IndexedDB reads). */
export async function libraryContents(
  extensionPage: Page,
): Promise<Record<string, { html: string; sha256: string; kind: string; parentId: string | null }>> {
  return extensionPage.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('cited');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = <T>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as T[]);
        request.onerror = () => reject(request.error);
      });
    try {
      if (!db.objectStoreNames.contains('snapshots')) return {};
      const summaries = await all<{ id: string; sha256: string; kind: string; parentId: string | null }>(
        'snapshots',
      );
      const bodies = new Map((await all<{ id: string; html: string }>('bodies')).map((b) => [b.id, b.html]));
      return Object.fromEntries(
        summaries.map((s) => [
          s.id,
          { html: bodies.get(s.id) ?? '', sha256: s.sha256, kind: s.kind, parentId: s.parentId },
        ]),
      );
    } finally {
      db.close();
    }
  });
}

/** Clicks the panel's "Save with sources" and waits for the result: the article's id and library address. */
export async function saveWithSources(
  panel: Page,
  progress?: RegExp,
): Promise<{ id: string; libraryUrl: string }> {
  await panel.locator('[data-action="save-with-sources"]').click();
  await expect(panel.locator('[data-snapshot-state="saving"]')).toBeVisible();
  if (progress) await expect(panel.locator('[data-progress-text]')).toHaveText(progress);
  const saved = panel.locator('[data-snapshot-state="saved"]');
  await expect(saved).toBeVisible({ timeout: 120_000 });
  const link = saved.locator('[data-action="open-snapshot"]');
  const libraryUrl = (await link.getAttribute('href')) ?? '';
  const id = (await saved.locator('[data-saved-id]').getAttribute('data-saved-id')) ?? '';
  return { id, libraryUrl };
}
