import type { Page } from '@playwright/test';
import { AUTOMATIC_CHECK_LIMIT } from '../../core/check-run/check-order';
import { ARTICLE_READ_IN_PANEL_MARK } from '../../entrypoints/sidepanel/capture-in-panel';
import { longArticleUrl, longCitationUrl } from '../web/sites/long-article';
import { expect, test } from './fixtures';
import { extensionRequests } from './linkcheck-helpers';
import { linkInView, row } from './panel-helpers';

// Issues 10 and 17 on the test web's long articles: thousands of citations on 60 hosts of mixed speed.

const headline = (panel: Page) => panel.locator('[data-field="check-headline"]');

/** "Checking: 120 of 5,000 done…" → 120. */
async function doneCount(panel: Page): Promise<number> {
  const match = /Checking: ([\d,]+) of/.exec((await headline(panel).textContent()) ?? '');
  return match ? Number(match[1]?.replace(/,/g, '')) : -1;
}

test('5,000 citations: checks are sent and the count moves, past the limit only when asked, and Stop stops', async ({
  page,
  openSidePanel,
  testWeb,
}) => {
  test.setTimeout(180_000);
  await page.goto(longArticleUrl(5000));
  const panel = await openSidePanel(page);

  await expect(headline(panel)).toHaveText(/^Checking: [\d,]+ of 5,000 done…$/, { timeout: 30_000 });
  await expect(panel.locator('[data-field="check-limit-text"]')).toHaveText(
    `Not checked: 3,000 more than the automatic limit of ${AUTOMATIC_CHECK_LIMIT.toLocaleString('en-US')} links.`,
  );
  // The count matches work actually done: it moves, and requests for citations reach the test web.
  const first = await doneCount(panel);
  await expect.poll(() => doneCount(panel), { timeout: 60_000 }).toBeGreaterThan(first + 20);
  const cited = new Set(Array.from({ length: 5000 }, (_, i) => longCitationUrl(i)));
  const citedRequests = () => extensionRequests(testWeb.requests).filter((r) => cited.has(r.url));
  expect(citedRequests().length).toBeGreaterThan(20);

  await panel.locator('[data-action="stop-checks"]').click();
  await expect(headline(panel)).not.toHaveText(/^Checking/, { timeout: 30_000 });
  await expect(panel.locator('[data-action="stop-checks"]')).toHaveCount(0);
  // Requests under way when Stop came may finish; then nothing more goes out.
  await page.waitForTimeout(1_500);
  const afterStop = citedRequests().length;
  await page.waitForTimeout(3_000);
  expect(citedRequests().length).toBe(afterStop);

  // The citations past the limit are checked when the reader asks: requests for them go out, the notice goes.
  // The outlet's own pages come last in check order; those far down the article were not on screen.
  const pastLimit = new Set(Array.from({ length: 900 }, (_, i) => longCitationUrl(5 * (i + 100) + 4)));
  const before = citedRequests().filter((r) => pastLimit.has(r.url)).length;
  expect(before).toBe(0);
  await panel.locator('[data-action="check-rest"]').click();
  await expect(panel.locator('[data-check-limit]')).toHaveCount(0, { timeout: 30_000 });
  await expect
    .poll(() => citedRequests().filter((r) => pastLimit.has(r.url)).length, { timeout: 60_000 })
    .toBeGreaterThan(0);
  await expect(headline(panel)).toHaveText(/^Checking: [\d,]+ of 5,000 done…$/);
});

test('2,000 citations: a click on a row near the end scrolls the page to its link while checks still run', async ({
  page,
  openSidePanel,
}) => {
  test.setTimeout(120_000);
  await page.goto(longArticleUrl(2000));
  const panel = await openSidePanel(page);
  await expect(headline(panel)).toHaveText(/^Checking: [\d,]+ of 2,000 done…$/, { timeout: 30_000 });
  // Readability's parse ran in the panel's worker, and the page took its article instead of parsing itself.
  expect(
    await panel.evaluate((mark) => performance.getEntriesByName(mark).length, ARTICLE_READ_IN_PANEL_MARK),
  ).toBe(1);

  // The keyboard reaches the last row though the list draws only the rows near the screen.
  await panel.locator('[role="row"] [data-col="0"]').first().focus();
  await panel.keyboard.press('End');
  const lastUrl = longCitationUrl(1999);
  await expect(row(panel, lastUrl).locator('[data-col="0"]')).toBeFocused();
  const nearEnd = longCitationUrl(1990);
  // The flash lasts two seconds: note it when it happens, however busy the page is when the test looks.
  await page.evaluate((href) => {
    const link = Array.from(document.querySelectorAll('a')).find((a) => a.href === href);
    if (!link) throw new Error(`no link to ${href}`);
    new MutationObserver(() => {
      if (link.hasAttribute('data-cited-highlight')) link.dataset.e2eFlashed = 'yes';
    }).observe(link, { attributes: true, attributeFilter: ['data-cited-highlight'] });
  }, nearEnd);
  expect(await linkInView(page, nearEnd)).toEqual({ flashed: false, inView: false });
  await row(panel, nearEnd).locator('[data-col="0"]').click();
  await expect
    .poll(() => linkInView(page, nearEnd), { timeout: 20_000 })
    .toEqual({ flashed: true, inView: true });
  await expect(headline(panel)).toHaveText(/^Checking/);
});
