import { hasShared } from '../web/paths';
import { seedArticleUrl } from '../web/sites/seed';
import { newburyportnewsUrl, seedCitationFates, wickedlocalUrl } from '../web/sites/seed-sources';
import { expect, test } from './fixtures';
import { storeSettings, waitForVerdicts } from './linkcheck-helpers';
import { row } from './panel-helpers';
import { fragmentMatches, openFromKeyboard } from './text-fragment-helpers';

// Issue 12 on the seed article, with archive lookups allowed: the Newburyport quotation (with its […] and [and]
// marks) is gone from the live page but in the archived copy from before publication, and the page itself is gone;
// the Wareham quotation's address now leads to a home page.

const seedMissing = !hasShared('fixtures/seed/article-fragment.txt');

test('the seed: a quotation found only in the archived copy, and its source gone since cited', async ({
  page,
  openSidePanel,
  serviceWorker,
}) => {
  test.skip(seedMissing, 'needs ../shared/fixtures/seed/article-fragment.txt, which is not here');
  test.setTimeout(120_000);
  await storeSettings(serviceWorker, { archiveLookups: true });
  await page.goto(seedArticleUrl);
  const panel = await openSidePanel(page);
  await waitForVerdicts(panel, seedCitationFates('2017').length, 60_000);

  const newburyport = row(panel, newburyportnewsUrl);
  await expect(newburyport).toHaveAttribute('data-quote-status', 'archived-only', { timeout: 30_000 });
  await expect(newburyport).toHaveAttribute('data-change-status', 'gone', { timeout: 30_000 });
  await newburyport.locator('[data-action="quote-evidence"]').click();
  await expect(newburyport.locator('li[data-quote-status="archived-only"]')).toContainText(
    'filed with the national center by electronic service provider',
  );
  await expect(row(panel, wickedlocalUrl)).toHaveAttribute('data-quote-status', 'not-found');

  // "Show in source" opens the archived copy at the quoted passage (the live page no longer has it).
  const show = newburyport.locator('[data-action="show-in-source"]').first();
  const href = (await show.getAttribute('href')) ?? '';
  expect(href).toMatch(/^https?:\/\/web\.archive\.org\/web\/2017\d+\/.*newburyportnews.*#:~:text=/);
  // (The panel then follows the reader to that tab: the article's rows are checked before.)
  const copy = await openFromKeyboard(show);
  const [passage, ...others] = await fragmentMatches(copy, href);
  expect(others).toEqual([]);
  expect(passage).toContain('filed with the national center by electronic service provider Chatstep.com');
});
