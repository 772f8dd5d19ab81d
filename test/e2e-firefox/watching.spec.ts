import {
  watchDeskArticle as articleUrl,
  playWatchDesk,
  watchDeskTimetable as timetable,
  watchDeskQuote,
} from '../web/sites/watch-desk';
import { expect, test } from './fixtures';
import { type AddonApi, clickOn, textOf } from './pages';
import { rowStatuses, verdicts } from './panel';

// Issue 13 in Firefox: the article is watched from the panel (the sidebar page in a tab of the same window),
// re-checked now, then one of its sources breaks; the panel, the timeline and the toolbar badge say so, as
// "failing (1 of 3)". Firefox's background page has a DOM, so its re-checks look for the quotation again too.

test.describe.configure({ timeout: 120_000 });

const watchLine = '[data-article-watch]';
const timeline = `[role="row"][data-citation-url="${timetable}"] [data-watch-timeline]`;

test('a source of an article watched from the panel breaks: the panel, its timeline and the badge show it', async ({
  firefox,
  openTab,
  openExtensionPage,
}) => {
  const ferryline = playWatchDesk(firefox.testWeb);
  const article = await openTab(articleUrl);
  const panel = await openExtensionPage('sidepanel.html');
  await article.bringToFront();
  await expect.poll(() => textOf(panel, '[data-field="title"]')).toBe('Ferry timetable cut');
  await verdicts(() => rowStatuses(panel), 2);

  // Watch it from the panel, and re-check now: both sources stand, and the quotation is found.
  await expect.poll(() => textOf(panel, '[data-field="watch-state"]')).toMatch(/^Not watched/);
  await clickOn(panel, '[data-action="watch-from-panel"]');
  await expect
    .poll(() =>
      panel.evaluate((sel) => document.querySelector(sel)?.getAttribute('data-article-watch'), watchLine),
    )
    .toBe('watched');
  await clickOn(panel, '[data-action="recheck-watch"]');
  await expect
    .poll(() => textOf(panel, '[data-field="watch-message"]'), { timeout: 30_000 })
    .toBe('Re-checked: nothing changed.');

  // The source breaks; the next re-check tells the panel and the badge, never "dead" after one failed check.
  ferryline.setFate('gone');
  await clickOn(panel, '[data-action="recheck-watch"]');
  await expect
    .poll(() => textOf(panel, '[data-field="watch-message"]'), { timeout: 30_000 })
    .toBe('Re-checked: 1 change.');
  expect(await textOf(panel, '[data-field="watch-state"]')).toContain('1 change since you last looked');
  expect(await textOf(panel, `${watchLine} [data-change="broke"]`)).toContain(
    `${timetable} broke: failing since`,
  );
  // The toolbar's own badge (not a tab's): unseen changes in watched articles.
  const unseenBadge = () =>
    panel.evaluate(() =>
      (globalThis as unknown as { browser: AddonApi }).browser.browserAction.getBadgeText({}),
    );
  await expect.poll(unseenBadge).toBe('1');

  // The row's details: the source's verdict under the rule, each check, and the quotation found before it broke.
  await clickOn(panel, `[role="row"][data-citation-url="${timetable}"] [data-action="details"]`);
  await expect
    .poll(() => textOf(panel, `${timeline} [data-field="verdict"]`))
    .toMatch(/^failing since .* \(1 of 3\)$/);
  const entries = await panel.evaluate(
    (sel) => Array.from(document.querySelectorAll(`${sel} li`)).map((li) => li.textContent ?? ''),
    timeline,
  );
  expect(entries).toEqual([
    expect.stringMatching(/^✓ \d{4}-\d\d-\d\d alive \(200\)$/),
    expect.stringMatching(new RegExp(`^\\d{4}-\\d\\d-\\d\\d quote “${watchDeskQuote}” found$`)),
    expect.stringMatching(/^✗ \d{4}-\d\d-\d\d dead \(404\)$/),
  ]);

  // Seen from the panel: the badge clears.
  await clickOn(panel, '[data-action="watch-seen"]');
  await expect
    .poll(() => textOf(panel, '[data-field="watch-state"]'))
    .toContain('No change since you last looked');
  await expect.poll(unseenBadge).toBe('');
});
