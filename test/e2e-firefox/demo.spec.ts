import { ARTICLE_READ_IN_PANEL_MARK } from '../../entrypoints/sidepanel/capture-in-panel';
import { demoArticleTitle } from '../web/sites/demo/article';
import { demoArticleUrl, demoCitation, demoCitations, demoHomeUrl } from '../web/sites/demo/fates';
import { expect, type FirefoxFixtures, openedByAddon, test } from './fixtures';
import { type AddonApi, badgeText, clickOn, textOf, toggleSidebar } from './pages';
import { rowStatuses, saveResult, sidebarRowStatuses, sidebarText, verdicts } from './panel';

// The demo article in Firefox, whose sources play every status (test/web/sites/demo/fates.ts). The panel is the
// sidebar page open in a tab of the same window: it follows the window's active tab, as the sidebar does.

const EXPECTED = Object.fromEntries(demoCitations.map((citation) => [citation.url, citation.status]));
const BROKEN = demoCitations.filter((c) => c.status === 'dead' || c.status === 'soft-404').length;

// The slow, rate-limited and unreachable sources take their retries and waits.
test.describe.configure({ timeout: 120_000 });

/** The demo article in a tab, then the panel page in another, following the article once it is in front. */
async function demoWithPanel({
  openTab,
  openExtensionPage,
}: Pick<FirefoxFixtures, 'openTab' | 'openExtensionPage'>) {
  const article = await openTab(demoArticleUrl);
  const panel = await openExtensionPage('sidepanel.html');
  await article.bringToFront();
  await expect.poll(() => textOf(panel, '[data-field="title"]')).toBe(demoArticleTitle);
  return { article, panel };
}

test('the demo article’s citations and statuses appear in the Firefox sidebar page', async ({
  openTab,
  openExtensionPage,
}) => {
  const { article, panel } = await demoWithPanel({ openTab, openExtensionPage });
  // Readability's parse ran in the panel page's own worker, and the page took its article.
  expect(
    await panel.evaluate((mark) => performance.getEntriesByName(mark).length, ARTICLE_READ_IN_PANEL_MARK),
  ).toBe(1);
  expect(await verdicts(() => rowStatuses(panel), demoCitations.length)).toEqual(EXPECTED);
  await expect.poll(() => badgeText(panel, demoArticleUrl)).toBe(String(BROKEN));
  const markers = () =>
    article.evaluate(() =>
      Object.fromEntries(
        Array.from(document.querySelectorAll('cited-status-marker')).map((marker) => [
          marker.getAttribute('data-cited-url') ?? '',
          marker.getAttribute('data-cited-status') ?? '',
        ]),
      ),
    );
  await expect.poll(markers).toEqual(EXPECTED);

  // A row's click scrolls the article to its link and flashes it.
  const target = demoCitation('herald-closures').url;
  await clickOn(panel, `[role="row"][data-citation-url="${target}"] [role="gridcell"]`);
  const highlighted = () =>
    article.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLAnchorElement>('a[data-cited-highlight]')).map((a) => a.href),
    );
  await expect.poll(highlighted).toContain(target);
});

test('"show in source" in Firefox: the quote line links to the quoted passage with a text fragment', async ({
  openTab,
  openExtensionPage,
}) => {
  const { panel } = await demoWithPanel({ openTab, openExtensionPage });
  await verdicts(() => rowStatuses(panel), demoCitations.length);
  // Made in the panel's hidden frame, as in Chrome: the statement's passage, at the address it moved to.
  const link = `[role="row"][data-citation-url="${demoCitation('lab-statement-moved').url}"] [data-action="show-in-source"]`;
  await expect
    .poll(() => panel.evaluate((sel) => document.querySelector(sel)?.getAttribute('href') ?? null, link), {
      timeout: 60_000,
      intervals: [1000],
    })
    .toMatch(/^https:\/\/www\.ellerylabs\.example\/.*#:~:text=.*renewal%20notices/);
});

test('saving a snapshot in Firefox works and the panel’s link opens it in the library', async ({
  firefox,
  openTab,
  openExtensionPage,
}) => {
  const { panel } = await demoWithPanel({ openTab, openExtensionPage });
  await clickOn(panel, '[data-action="save-snapshot"]');
  const saved = await saveResult(panel);
  expect(saved.state, saved.status).toBe('saved');
  expect(saved.text).toMatch(/^Saved, [\d.]+ (kB|MB)$/);

  // The reader's way in: "Open in library" under the result opens the library in a tab, at the snapshot.
  const library = await openedByAddon(firefox, 'library.html', () =>
    clickOn(panel, '[data-action="open-snapshot"]'),
  );
  await expect
    .poll(() => textOf(library, `[data-viewer="${saved.id}"] [data-field="title"]`))
    .toBe(demoArticleTitle);
  // Back to the list, as the viewer's back link does, and in again from the list.
  await clickOn(library, '[data-action="back"]');
  const listed = `[data-snapshot-id="${saved.id}"] [data-field="title"]`;
  await expect.poll(() => textOf(library, listed)).toBe(demoArticleTitle);
  await clickOn(library, listed);
  await expect
    .poll(() => textOf(library, `[data-viewer="${saved.id}"] [data-field="title"]`))
    .toBe(demoArticleTitle);
  const headingIn = (frame: string) =>
    library.evaluate(
      (kind) =>
        document
          .querySelector<HTMLIFrameElement>(`iframe[data-snapshot-frame="${kind}"]`)
          ?.contentDocument?.querySelector('h1')
          ?.textContent?.trim() ?? null,
      frame,
    );
  await expect.poll(() => headingIn('page')).toBe(demoArticleTitle);
  await clickOn(library, '[data-viewer-tab="reader"]');
  await expect.poll(() => headingIn('reader')).toBe(demoArticleTitle);
  await clickOn(library, '[data-viewer-tab="details"]');
  await expect
    .poll(() =>
      library.evaluate(() =>
        document.querySelector('[data-hash-verified]')?.getAttribute('data-hash-verified'),
      ),
    )
    .toBe('true');
});

test('save with sources keeps the live sources and lists the others with the reason', async ({
  openTab,
  openExtensionPage,
}) => {
  const { panel } = await demoWithPanel({ openTab, openExtensionPage });
  // The button counts the external sources once the citations are listed.
  await verdicts(() => rowStatuses(panel), demoCitations.length);
  await clickOn(panel, '[data-action="save-with-sources"]');
  const saved = await saveResult(panel);
  expect(saved.state, saved.status).toBe('saved');

  // Same rules as Chromium (test/e2e/snapshot-sources.spec.ts): live web pages are kept, the PDF is not a page.
  const external = demoCitations.filter((c) => !c.sameSite);
  const kept = external.filter(
    (c) => (c.status === 'alive' || c.status === 'redirected') && c.id !== 'council-minutes-pdf',
  );
  expect(saved.text).toMatch(new RegExp(`^Saved with ${kept.length} of ${external.length} sources, `));
  expect(saved.failedSources.sort()).toEqual(
    external
      .filter((c) => !kept.includes(c))
      .map((c) => c.url)
      .sort(),
  );
});

test('archived copies after consent', async ({ openTab, openExtensionPage }) => {
  const { panel } = await demoWithPanel({ openTab, openExtensionPage });
  await verdicts(() => rowStatuses(panel), demoCitations.length);
  await clickOn(panel, '[data-archive-consent] [data-action="allow-archive"]');
  try {
    // The test web plays the Wayback Machine: a copy from before the article was published, and none at all.
    const coastline = `[role="row"][data-citation-url="${demoCitation('coastline-backlog').url}"]`;
    await clickOn(panel, `${coastline} [data-action="details"]`);
    const copy = `${coastline} [data-archive="before-publication"]`;
    await expect
      .poll(() =>
        panel.evaluate(
          (sel) => document.querySelector(sel)?.getAttribute('href'),
          `${copy} a[data-action="open-archived"]`,
        ),
      )
      .toBe(`https://web.archive.org/web/20250903101500/${demoCitation('coastline-backlog').url}`);
    const noCopy = demoCitations.find((c) => c.status === 'dead' && !c.archivedCopy);
    if (!noCopy) throw new Error('the demo fates have no dead source without an archived copy');
    const row = `[role="row"][data-citation-url="${noCopy.url}"]`;
    await clickOn(panel, `${row} [data-action="details"]`);
    await expect
      .poll(() => textOf(panel, `${row} [data-archive="none"]`))
      .toBe('archive.org has no usable copy of this page.');
  } finally {
    // Consent is a stored setting: take it back, so the next test finds Cited as installed.
    await panel.evaluate(async () => {
      const api = (globalThis as unknown as { browser: AddonApi }).browser;
      const { settings } = await api.storage.local.get('settings');
      await api.storage.local.set({ settings: { ...(settings as object), archiveLookups: false } });
    });
  }
});

test('the sidebar follows the active tab', async ({ openTab, openExtensionPage }) => {
  const control = await openExtensionPage('options.html');
  const article = await openTab(demoArticleUrl);
  await toggleSidebar(control, true);
  try {
    await article.bringToFront();
    await expect.poll(() => sidebarText(control, '[data-field="title"]')).toBe(demoArticleTitle);
    expect(await verdicts(() => sidebarRowStatuses(control), demoCitations.length)).toEqual(EXPECTED);

    // Another tab, a page without an article: the sidebar lists the links of its main content.
    const home = await openTab(demoHomeUrl);
    await home.bringToFront();
    await expect
      .poll(() => sidebarText(control, '[data-no-article]'))
      .toContain('No article found on this page');
    await expect
      .poll(async () => Object.keys((await sidebarRowStatuses(control)) ?? {}))
      .toContain(demoArticleUrl);

    await article.bringToFront();
    await expect.poll(() => sidebarText(control, '[data-field="title"]')).toBe(demoArticleTitle);
    expect(await verdicts(() => sidebarRowStatuses(control), demoCitations.length)).toEqual(EXPECTED);
  } finally {
    await toggleSidebar(control, false);
  }
});
