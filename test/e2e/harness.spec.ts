import { demoArticleTitle } from '../web/sites/demo/article';
import { demoArticleUrl } from '../web/sites/demo/fates';
import { expect, test } from './fixtures';

// The end-to-end harness as the product tests use it: the built extension loaded, its worker running, the real
// side panel opened by the toolbar action, extension pages in tabs. The test web's own tests are test-web.spec.ts.

test('Cited is loaded, with its service worker running', async ({ extensionId, serviceWorker }) => {
  expect(extensionId).toMatch(/^[a-p]{32}$/);
  expect(serviceWorker.url()).toBe(`chrome-extension://${extensionId}/background.js`);
});

test('the toolbar action opens the real side panel', async ({ page, openSidePanel, extensionId }) => {
  await page.goto(demoArticleUrl);
  await expect(page).toHaveTitle(new RegExp(`^${demoArticleTitle}`));
  const panel = await openSidePanel(page);
  expect(panel.url()).toBe(`chrome-extension://${extensionId}/sidepanel.html`);
  await expect(panel).toHaveTitle('Cited');
  // Asking again while it is open gives the same panel rather than toggling it shut.
  expect(await openSidePanel(page)).toBe(panel);
});

test('the side panel opens when two tabs show the same article', async ({ context, page, openSidePanel }) => {
  await page.goto(demoArticleUrl);
  const second = await context.newPage();
  await second.goto(demoArticleUrl);
  const panel = await openSidePanel(second);
  await expect(panel).toHaveTitle('Cited');
  // The tabs were told apart by a temporary title; both have theirs back.
  await expect(page).toHaveTitle(new RegExp(`^${demoArticleTitle}`));
  await expect(second).toHaveTitle(new RegExp(`^${demoArticleTitle}`));
});

test('an extension page opens in a normal tab', async ({ openExtensionPage, extensionId }) => {
  const tab = await openExtensionPage('sidepanel.html');
  expect(tab.url()).toBe(`chrome-extension://${extensionId}/sidepanel.html`);
  await expect(tab).toHaveTitle('Cited');
});
