import type { Page } from '@playwright/test';
import { demoArticleTitle, demoByline } from '../web/sites/demo/article';
import {
  demoArticleUrl,
  demoCitation,
  demoCitations,
  demoEarlierReportUrl,
  demoPublished,
} from '../web/sites/demo/fates';
import { type CitedFixtures, expect, test } from './fixtures';
import { storeSettings } from './linkcheck-helpers';
import { linkOnPage, row, rows, rowUrls } from './panel-helpers';

// Issue 2 end to end on the project's own demo article, so a clone without ../shared runs the whole path:
// capture, the rows, click-to-scroll, the keyboard, filters, following the reader. citations.spec.ts does the same
// on the seed article when ../shared is here.

const EXTERNAL = demoCitations.filter((c) => !c.sameSite).map((c) => c.url);
const SAME_SITE = demoCitations.filter((c) => c.sameSite).map((c) => c.url);

/** The article's body links in reading order, read from the page itself (not from Cited). */
async function bodyLinksInOrder(page: Page): Promise<string[]> {
  const hrefs = await page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLAnchorElement>('.story-body a[href]')).map((a) => a.href),
  );
  return [...new Set(hrefs)];
}

/** The demo article and its panel, with automatic checks off so every row stays as captured. */
async function openDemo(
  page: Page,
  { openSidePanel, serviceWorker }: Pick<CitedFixtures, 'openSidePanel' | 'serviceWorker'>,
): Promise<Page> {
  await storeSettings(serviceWorker, { autoCheck: false });
  await page.goto(demoArticleUrl);
  const panel = await openSidePanel(page);
  await expect(rows(panel)).toHaveCount(demoCitations.length);
  return panel;
}

test('the demo article: the panel lists its citations in reading order, each with its sentence', async ({
  page,
  openSidePanel,
  serviceWorker,
}) => {
  const panel = await openDemo(page, { openSidePanel, serviceWorker });
  expect(await rowUrls(panel)).toEqual(await bodyLinksInOrder(page));
  expect(new Set(await rowUrls(panel))).toEqual(new Set(demoCitations.map((c) => c.url)));

  await expect(panel.locator('[data-field="title"]')).toHaveText(demoArticleTitle);
  await expect(panel.locator('[data-field="byline"]')).toHaveText(`By ${demoByline}`);
  await expect(panel.locator(`time[datetime^="${demoPublished.slice(0, 10)}"]`)).toBeVisible();
  await expect(panel.locator('[data-count="external"]')).toHaveText(`${EXTERNAL.length} external`);
  await expect(panel.locator('[data-count="same-site"]')).toHaveText(`${SAME_SITE.length} same-site`);
  await expect(panel.locator('[data-no-article]')).toHaveCount(0);
  // Share buttons, tags, the author box and "related stories" are the page's furniture, not its sources.
  const listed = await rowUrls(panel);
  for (const furniture of ['facebook.com/sharer', 'x.com/intent', '/tag/', '/author/', 'ferry-timetable'])
    expect(
      listed.filter((url) => url.includes(furniture)),
      furniture,
    ).toEqual([]);

  for (const citation of demoCitations) {
    const cited = row(panel, citation.url);
    await expect(cited).toHaveAttribute('data-status', 'not-checked');
    const anchor = (await cited.locator('[data-field="anchor"]').textContent()) ?? '';
    const sentence = (await cited.locator('[data-field="sentence"]').textContent()) ?? '';
    expect(anchor.length, citation.id).toBeGreaterThan(0);
    expect(sentence, citation.id).toContain(anchor);
    expect(sentence.length, citation.id).toBeGreaterThan(anchor.length);
    await expect(cited.locator('mark')).toHaveText(anchor);
  }
  const statement = row(panel, demoCitation('lab-statement-moved').url);
  await expect(statement.locator('[data-field="anchor"]')).toHaveText('a statement posted in September');
  await expect(statement.locator('[data-field="domain"]')).toHaveText('ellerylabs.example');
  await expect(statement.locator('[data-field="relation"]')).toHaveText('External');
  await expect(row(panel, demoEarlierReportUrl).locator('[data-field="relation"]')).toHaveText('Same-site');
  await expect(panel.locator('[data-live-count]')).toHaveText(`${demoCitations.length} citations`);
});

test('the demo article: a click on a row scrolls the page to its link and flashes it', async ({
  page,
  openSidePanel,
  serviceWorker,
}) => {
  await page.setViewportSize({ width: 1000, height: 400 });
  const panel = await openDemo(page, { openSidePanel, serviceWorker });
  const last = demoCitation('observer-analysis').url;
  await page.evaluate(() => window.scrollTo(0, 0));
  expect(await linkOnPage(page, last)).toEqual({ highlighted: false, inView: false });

  await row(panel, last).locator('[data-col="0"]').click();
  await expect.poll(() => linkOnPage(page, last)).toEqual({ highlighted: true, inView: true });
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  await expect(row(panel, last)).toHaveAttribute('aria-current', 'true');
  // A flash, not a permanent mark.
  await expect
    .poll(() => linkOnPage(page, last), { timeout: 5000 })
    .toEqual({ highlighted: false, inView: false });

  const first = demoCitation('herald-contract-2024').url;
  await row(panel, first).locator('[data-col="0"]').click();
  await expect.poll(() => linkOnPage(page, first)).toEqual({ highlighted: true, inView: true });
  await expect(page.locator('[data-cited-highlight]')).toHaveText('awarded in 2024');
});

test('the demo article: the list works from the keyboard', async ({
  context,
  page,
  openSidePanel,
  serviceWorker,
}) => {
  await page.setViewportSize({ width: 1000, height: 400 });
  const panel = await openDemo(page, { openSidePanel, serviceWorker });
  const order = await rowUrls(panel);
  const focusedRow = () =>
    panel.evaluate(() =>
      document.activeElement?.closest('[data-citation-url]')?.getAttribute('data-citation-url'),
    );

  await panel.locator('[role="grid"] [tabindex="0"]').focus();
  expect(await focusedRow()).toBe(order[0]);
  await panel.keyboard.press('ArrowDown');
  await panel.keyboard.press('ArrowDown');
  expect(await focusedRow()).toBe(order[2]);
  await panel.keyboard.press('End');
  expect(await focusedRow()).toBe(order.at(-1));
  await panel.keyboard.press('ArrowUp');
  expect(await focusedRow()).toBe(order.at(-2));
  await panel.keyboard.press('Home');
  expect(await focusedRow()).toBe(order[0]);
  await panel.keyboard.press('ArrowDown');
  await panel.keyboard.press('ArrowDown');
  await panel.keyboard.press('Enter');
  await expect.poll(() => linkOnPage(page, order[2] ?? '')).toEqual({ highlighted: true, inView: true });

  // "/" jumps to the search box; typing narrows the list to the matching rows.
  await panel.keyboard.press('/');
  await expect(panel.locator('[data-search]')).toBeFocused();
  await panel.keyboard.type('mastodon');
  expect(await rowUrls(panel)).toEqual([demoCitation('harbourmaster-post').url]);
  await panel.keyboard.press('Escape');
  await expect(rows(panel)).toHaveCount(demoCitations.length);

  // Shift+Enter opens the source in a new tab; the list's focus is back on the row the reader left.
  await panel.locator('[role="grid"] [tabindex="0"]').focus();
  expect(await focusedRow()).toBe(order[2]);
  const opened = context.waitForEvent('page');
  await panel.keyboard.press('Shift+Enter');
  const source = await opened;
  await expect.poll(() => source.url()).toBe(order[2]);
});

test('the demo article: the external and same-site filters', async ({
  page,
  openSidePanel,
  serviceWorker,
}) => {
  const panel = await openDemo(page, { openSidePanel, serviceWorker });
  await panel.locator('[data-filter="external"]').check();
  expect(new Set(await rowUrls(panel))).toEqual(new Set(EXTERNAL));
  await expect(panel.locator('[data-live-count]')).toHaveText(
    `${EXTERNAL.length} of ${demoCitations.length} citations shown`,
  );
  await panel.locator('[data-filter="same-site"]').check();
  expect(await rowUrls(panel)).toEqual(SAME_SITE);
  await panel.locator('[data-filter="all"]').check();
  await expect(rows(panel)).toHaveCount(demoCitations.length);
});

test('the panel follows the reader from the demo article to another tab and back', async ({
  context,
  page,
  openSidePanel,
  serviceWorker,
}) => {
  const panel = await openDemo(page, { openSidePanel, serviceWorker });
  const second = await context.newPage();
  await second.goto(demoEarlierReportUrl);
  await second.bringToFront();
  await expect(panel.locator('[data-field="title"]')).not.toHaveText(demoArticleTitle);
  expect(await rowUrls(panel)).not.toContain(demoCitation('harbourmaster-post').url);

  await page.bringToFront();
  await expect(panel.locator('[data-field="title"]')).toHaveText(demoArticleTitle);
  await expect(rows(panel)).toHaveCount(demoCitations.length);

  // Following a link in the same tab updates the panel too.
  await page.goto(demoEarlierReportUrl);
  await expect(panel.locator('[data-field="title"]')).not.toHaveText(demoArticleTitle);
  await expect(rows(panel)).not.toHaveCount(demoCitations.length);
});
