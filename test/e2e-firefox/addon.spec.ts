import { demoArticleTitle } from '../web/sites/demo/article';
import { demoArticleUrl } from '../web/sites/demo/fates';
import { CONSOLE_PROBE, extensionErrors } from './firefox';
import { expect, openedByAddon, test } from './fixtures';
import { type AddonApi, clickOn, textOf } from './pages';

// The add-on itself in Firefox: its options page, its background page (MV2) and the context menus it makes there.

const MENU_IDS = ['cited-save-snapshot', 'cited-save-with-sources', 'cited-open-library', 'cited-save-page'];

test('the panel’s gear opens the options page, which stores a setting', async ({
  firefox,
  openTab,
  openExtensionPage,
}) => {
  const article = await openTab(demoArticleUrl);
  const panel = await openExtensionPage('sidepanel.html');
  await article.bringToFront();
  await expect.poll(() => textOf(panel, '[data-field="title"]')).toBe(demoArticleTitle);
  // The reader's way in: the gear in the panel.
  const options = await openedByAddon(firefox, 'options.html', () =>
    clickOn(panel, '[data-action="settings"]'),
  );
  await expect.poll(() => textOf(options, 'h1')).toBe('Cited settings');
  const box = '[data-setting="pageMarkers"]';
  const checked = () =>
    options.evaluate((sel) => document.querySelector<HTMLInputElement>(sel)?.checked, box);
  const stored = () =>
    options.evaluate(async () => {
      const api = (globalThis as unknown as { browser: AddonApi }).browser;
      const { settings } = await api.storage.local.get('settings');
      return (settings as { pageMarkers?: boolean } | undefined)?.pageMarkers;
    });
  await expect.poll(checked).toBe(true);

  await options.click(box);
  await expect.poll(stored).toBe(false);
  // Put it back: the other tests expect markers on the page.
  await options.click(box);
  await expect.poll(stored).toBe(true);
});

test('the context menu items exist', async ({ openExtensionPage }) => {
  const control = await openExtensionPage('options.html');
  // menus.update rejects an id that does not exist.
  const missingMenus = () =>
    control.evaluate(async (ids) => {
      const api = (globalThis as unknown as { browser: AddonApi }).browser;
      const missing: string[] = [];
      for (const id of ids) await api.contextMenus.update(id, {}).catch(() => missing.push(id));
      return missing;
    }, MENU_IDS);
  await expect.poll(missingMenus).toEqual([]);
});

test('no extension errors on the browser console', async ({ firefox, openExtensionPage }) => {
  // First prove the check can see the background page's errors at all.
  const control = await openExtensionPage('options.html');
  await control.evaluate(async (probe) => {
    const api = (globalThis as unknown as { browser: AddonApi }).browser;
    (await api.runtime.getBackgroundPage()).console.error(`Cited: ${probe}`);
  }, CONSOLE_PROBE);
  await expect.poll(() => firefox.log.some((line) => line.includes(CONSOLE_PROBE))).toBe(true);

  // Each test checks its own stretch of the log (fixtures.ts); this looks at all of it since Firefox started.
  expect(extensionErrors(firefox.log)).toEqual([]);
});
