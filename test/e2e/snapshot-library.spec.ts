import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { verifySnapshotHash } from '../../core/snapshot/hash';
import { demoArticleTitle } from '../web/sites/demo/article';
import { demoArticleUrl } from '../web/sites/demo/fates';
import { hostilePageUrl, hostileSites } from '../web/sites/hostile';
import { expect, test } from './fixtures';
import { libraryContents, saveTab, storedSnapshotHtml } from './snapshot-helpers';

// Issue 4, the library page: search, sort, open, reader view, download, delete with confirmation, all from the
// keyboard where a reader would use it; and the offscreen document Chrome builds snapshots in is closed when idle.

async function offscreenOpen(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    const contexts = await (
      chrome.runtime as unknown as { getContexts(filter: { contextTypes: string[] }): Promise<unknown[]> }
    ).getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] });
    return contexts.length > 0;
  });
}

test('the library: find, open, read, download and delete snapshots', async ({
  context,
  page,
  testWeb,
  openExtensionPage,
}) => {
  test.setTimeout(120_000);
  for (const site of hostileSites()) testWeb.addSite(site);
  await page.goto(demoArticleUrl);
  const other = await context.newPage();
  await other.goto(hostilePageUrl);
  const library = await openExtensionPage('library.html');
  const demo = await saveTab(library, demoArticleUrl);
  const hostile = await saveTab(library, hostilePageUrl);
  await other.close();
  await library.reload();

  // Newest first; sorting by title puts them the other way round.
  const titles = library.locator('[data-snapshot-id] [data-field="title"]');
  await expect(titles).toHaveText([hostile.title, demo.title]);
  await library.locator('[data-library-sort]').selectOption('title');
  await expect(titles).toHaveText([demo.title, hostile.title].sort((a, b) => a.localeCompare(b)));
  await expect(library.locator('[data-storage-used]')).toContainText('2 snapshots');

  // "/" jumps to the search; the article's own words find it (full text, not only the title).
  await library.keyboard.press('/');
  const search = library.locator('[data-library-search]');
  await expect(search).toBeFocused();
  await search.fill('Whitlock');
  await expect(library.locator('[data-snapshot-id]')).toHaveCount(1);
  await expect(library.locator(`[data-snapshot-id="${demo.id}"]`)).toBeVisible();
  await expect(library.locator('[data-library-count]')).toHaveText('1 of 2 saved pages shown');
  await search.fill('Whitlock nowhere-to-be-found');
  await expect(library.locator('[data-library-empty]')).toHaveText('No snapshot matches your search');
  await search.fill('');
  await expect(library.locator('[data-snapshot-id]')).toHaveCount(2);

  // Download: the exact stored bytes, under a name a reader recognises, still matching their SHA-256.
  const item = library.locator(`[data-snapshot-id="${demo.id}"]`);
  const downloading = library.waitForEvent('download');
  await item.locator('[data-action="download"]').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\(\d{4}-\d{2}-\d{2}\)\.html$/);
  const bytes = await readFile((await download.path()) as string, 'utf8');
  expect(bytes).toBe(await storedSnapshotHtml(library, demo.id));
  expect(await verifySnapshotHash(bytes)).toMatchObject({ ok: true, recorded: demo.sha256 });

  // Open it; its reader view shows the article's text.
  await item.locator('[data-field="title"]').click();
  await expect(library.locator(`[data-viewer="${demo.id}"] [data-field="title"]`)).toHaveText(demo.title);
  await library.locator('[data-viewer-tab="reader"]').click();
  const reader = library.frameLocator('iframe[data-snapshot-frame="reader"]');
  await expect(reader.locator('h1')).toHaveText(demoArticleTitle);
  await library.locator('[data-viewer-tab="details"]').click();
  await expect(library.locator('[data-hash-verified="true"]')).toBeVisible();

  // Delete, from the keyboard: Escape keeps it, the confirm button removes it.
  await library.locator('[data-action="back"]').click();
  const hostileItem = library.locator(`[data-snapshot-id="${hostile.id}"]`);
  await hostileItem.locator('[data-action="delete"]').focus();
  await library.keyboard.press('Enter');
  const dialog = library.locator('[data-confirm-dialog]');
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('[data-action="cancel"]')).toBeFocused();
  await library.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(Object.keys(await libraryContents(library))).toContain(hostile.id);
  await hostileItem.locator('[data-action="delete"]').click();
  await dialog.locator('[data-action="confirm"]').click();
  await expect(hostileItem).toHaveCount(0);
  await expect(library.locator('[data-notice]')).toContainText(`Deleted “${hostile.title}”`);
  expect(Object.keys(await libraryContents(library))).toEqual([demo.id]);
});

test('Chrome builds snapshots in an offscreen document and closes it once idle', async ({
  page,
  openExtensionPage,
}) => {
  test.setTimeout(90_000);
  await page.goto(demoArticleUrl);
  const library = await openExtensionPage('library.html');
  expect(await offscreenOpen(library)).toBe(false);
  await saveTab(library, demoArticleUrl);
  expect(await offscreenOpen(library)).toBe(true);
  await expect.poll(() => offscreenOpen(library), { timeout: 40_000, intervals: [1000] }).toBe(false);
});
