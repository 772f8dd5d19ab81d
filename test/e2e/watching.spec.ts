import {
  watchDeskArticle as articleUrl,
  watchDeskFigures as figures,
  playWatchDesk,
  watchDeskQuote as quote,
  watchDeskTimetable as timetable,
} from '../web/sites/watch-desk';
import { expect, test } from './fixtures';
import { row } from './panel-helpers';
import { saveTab } from './snapshot-helpers';

// Issue 13: a saved article watched from the library (or from the panel, once saved); one of its sources breaks
// between two re-checks, and the toolbar badge and the library's timeline show it, as "failing (1 of 3)", never
// "dead" after one failed check.

test('a watched article whose source breaks shows the change in the badge, the library timeline and the panel', async ({
  page,
  testWeb,
  openExtensionPage,
  openSidePanel,
}) => {
  test.setTimeout(120_000);
  const ferryline = playWatchDesk(testWeb);
  await page.goto(articleUrl);
  const library = await openExtensionPage('library.html');
  await saveTab(library, articleUrl);
  await library.reload();

  // Watch the saved article from the library, then re-check it: both sources stand.
  await library.locator('[data-action="watch"]').click();
  const watched = library.locator(`[data-watch="${articleUrl}"]`);
  await expect(watched).toBeVisible();
  await library.locator('[data-action="recheck-all"]').click();
  await expect(library.locator('[data-notice]')).toHaveText(/Re-checked: nothing changed/);
  await expect(watched.locator('[data-field="unseen"]')).toHaveText('No change since you last looked');

  // The source breaks; the next re-check tells the reader, and counts it on the toolbar badge.
  ferryline.setFate('gone');
  await watched.locator('[data-action="recheck"]').click();
  await expect(watched.locator('[data-field="unseen"]')).toHaveText('1 change since you last looked');
  await expect(watched.locator('[data-change="broke"]')).toContainText(`${timetable} broke: failing since`);
  await expect(watched.locator('[data-change="broke"]')).toContainText('(1 of 3)');
  const badge = () => library.evaluate(() => chrome.action.getBadgeText({}));
  expect(await badge()).toBe('1');
  await watched.locator('summary').click();
  const timeline = watched.locator(`[data-source="${timetable}"]`);
  await expect(timeline.locator('[data-field="verdict"]')).toContainText('(1 of 3)');
  await expect(timeline.locator('[data-status]')).toHaveCount(2);
  await expect(timeline.locator('[data-status="dead"]')).toContainText('(404)');

  // The panel on the article says it is watched, what changed, and each source's timeline in its row's details.
  await page.bringToFront();
  const panel = await openSidePanel(page);
  const watching = panel.locator('[data-article-watch="watched"]');
  await expect(watching.locator('[data-field="watch-state"]')).toContainText(
    '1 change since you last looked',
  );
  await expect(watching.locator('[data-change="broke"]')).toContainText('(1 of 3)');
  await row(panel, timetable).locator('[data-action="details"]').click();
  const panelTimeline = row(panel, timetable).locator('[data-watch-timeline]');
  await expect(panelTimeline.locator('[data-field="verdict"]')).toContainText('failing since');
  await expect(panelTimeline.locator('[data-field="verdict"]')).toContainText('(1 of 3)');
  await expect(panelTimeline.locator('[data-status]')).toHaveCount(2);
  await expect(panelTimeline.locator('[data-status="dead"]')).toContainText('(404)');
  await row(panel, figures).locator('[data-action="details"]').click();
  await expect(row(panel, figures).locator('[data-watch-timeline] [data-field="verdict"]')).toContainText(
    'standing',
  );
  // Re-check now from the panel, with the keyboard: a third check of the broken source, too soon to count.
  await watching.locator('[data-action="recheck-watch"]').focus();
  await panel.keyboard.press('Enter');
  await expect(watching.locator('[data-field="watch-message"]')).toHaveText(/Re-checked: nothing changed/);
  await expect(panelTimeline.locator('[data-status]')).toHaveCount(3);
  await expect(panelTimeline.locator('[data-field="verdict"]')).toContainText('(1 of 3)');

  // Seen: the badge clears.
  await library.bringToFront();
  await library.reload();
  await watched.locator('[data-action="seen"]').click();
  await expect(watched.locator('[data-field="unseen"]')).toHaveText('No change since you last looked');
  expect(await badge()).toBe('');
});

test('saving an article in the panel offers to watch it, and the library then lists it as watched', async ({
  page,
  testWeb,
  openSidePanel,
  openExtensionPage,
}) => {
  test.setTimeout(120_000);
  playWatchDesk(testWeb);
  await page.goto(articleUrl);
  const panel = await openSidePanel(page);
  await panel.locator('[data-action="save-snapshot"]').click();
  await expect(panel.locator('[data-snapshot-state="saved"]')).toBeVisible({ timeout: 30_000 });
  await panel.locator('[data-action="watch-article"]').click();
  await expect(panel.locator('[data-action="watch-article"]')).toHaveText('Watching this article');
  // The panel's watching line hears of it from the worker.
  await expect(panel.locator('[data-article-watch="watched"]')).toContainText('not re-checked yet');

  const library = await openExtensionPage('library.html');
  const watched = library.locator(`[data-watch="${articleUrl}"]`);
  await expect(watched).toBeVisible();
  await expect(watched).toContainText('2 sources');
  await expect(library.locator('[data-action="watch"]')).toHaveText('Watching');
});

test('a quotation its source no longer says shows in the panel, its timeline and the badge: Chrome reads it in its offscreen document', async ({
  page,
  testWeb,
  openSidePanel,
}) => {
  test.setTimeout(120_000);
  const ferryline = playWatchDesk(testWeb);
  await page.goto(articleUrl);
  const panel = await openSidePanel(page);
  await expect(panel.locator('[data-field="watch-state"]')).toHaveText(/^Not watched/);

  // Watched from the panel, the article keeps its quotations; the first re-check finds the quoted words.
  await panel.locator('[data-action="watch-from-panel"]').click();
  const watching = panel.locator('[data-article-watch="watched"]');
  await watching.locator('[data-action="recheck-watch"]').click();
  await expect(watching.locator('[data-field="watch-message"]')).toHaveText('Re-checked: nothing changed.', {
    timeout: 30_000,
  });

  // The source is edited: it still answers, but no longer says what the article quotes.
  ferryline.rewrite([
    'The winter timetable is under review; the operator has not said how often the ferry will sail.',
  ]);
  await watching.locator('[data-action="recheck-watch"]').click();
  await expect(watching.locator('[data-field="watch-message"]')).toHaveText('Re-checked: 1 change.', {
    timeout: 30_000,
  });
  await expect(watching.locator('[data-field="watch-state"]')).toContainText(
    '1 change since you last looked',
  );
  await expect(watching.locator('[data-change="quote"]')).toContainText(
    `${timetable} no longer says what the article quotes: The quotation “${quote}” is not found in it any more.`,
  );
  expect(await panel.evaluate(() => chrome.action.getBadgeText({}))).toBe('1');

  // The row's timeline: both checks stand, and the quotation's verdict went from found to not found.
  await row(panel, timetable).locator('[data-action="details"]').click();
  const timeline = row(panel, timetable).locator('[data-watch-timeline]');
  await expect(timeline.locator('[data-field="verdict"]')).toContainText('standing');
  await expect(timeline.locator('[data-status="alive"]')).toHaveCount(2);
  await expect(timeline.locator('[data-event="quote"]')).toHaveText([
    new RegExp(`^\\d{4}-\\d\\d-\\d\\d quote “${quote}” found$`),
    new RegExp(`^\\d{4}-\\d\\d-\\d\\d quote “${quote}” not found \\(was found\\)$`),
  ]);
});
