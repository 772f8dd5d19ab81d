import { hasShared } from '../web/paths';
import { seedArticleUrl } from '../web/sites/seed';
import { seedCitationFates } from '../web/sites/seed-sources';
import { expect, test } from './fixtures';
import { rowStatuses, verdicts } from './panel';

// The seed article in Firefox, loaded from its 2017 site by the test web.

const seedMissing = !hasShared('fixtures/seed/article-fragment.txt');
const FATES = seedCitationFates('2017');

test('the seed article lists its five citations', async ({ openTab, openExtensionPage }) => {
  test.skip(seedMissing, 'needs ../shared/fixtures/seed/article-fragment.txt, which is not here');
  const article = await openTab(seedArticleUrl);
  const panel = await openExtensionPage('sidepanel.html');
  await article.bringToFront();
  expect(await verdicts(() => rowStatuses(panel), FATES.length)).toEqual(
    Object.fromEntries(FATES.map((fate) => [fate.url, fate.status])),
  );
});
