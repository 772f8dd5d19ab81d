import { networkFailuresArticleUrl } from '../web/sites/long-article';
import { networkFailures, networkFailureUrl } from '../web/sites/network-failures';
import { expect, test } from './fixtures';
import { clickOn, textOf } from './pages';
import { rowStatuses, verdicts } from './panel';

// Issue 17 in Firefox: its fetch says "NetworkError when attempting to fetch resource." for every network failure;
// the add-on reads Firefox's own network log (NS_ERROR_*), so a server that was there is never called dead.

test.describe.configure({ timeout: 120_000 });

test('servers that fail below HTTP: each verdict and its reason, from Firefox’s own network log', async ({
  openTab,
  openExtensionPage,
}) => {
  const article = await openTab(networkFailuresArticleUrl);
  const panel = await openExtensionPage('sidepanel.html');
  await article.bringToFront();
  const expected = Object.fromEntries(networkFailures.map((f) => [networkFailureUrl(f), f.status]));
  expect(await verdicts(() => rowStatuses(panel), networkFailures.length)).toEqual(expected);

  for (const failure of networkFailures) {
    const row = `[role="row"][data-citation-url="${networkFailureUrl(failure)}"]`;
    await clickOn(panel, `${row} [data-action="details"]`);
    await expect
      .poll(() => textOf(panel, `${row} [data-field="reason"]`), failure.what)
      .toMatch(failure.reason);
    await clickOn(panel, `${row} [data-action="details"]`);
  }
});
