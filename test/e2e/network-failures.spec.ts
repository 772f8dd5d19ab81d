import { networkFailuresArticleUrl } from '../web/sites/long-article';
import { networkFailures, networkFailureUrl } from '../web/sites/network-failures';
import { expect, test } from './fixtures';
import { row, rowStatuses, waitForVerdicts } from './linkcheck-helpers';

// Issue 17: a browser's fetch says "Failed to fetch" for every network failure; the worker reads the browser's own
// network log, so a server that was there is never called dead, and the reason is said in words.

test('servers that fail below HTTP: each verdict and its reason, from the browser’s own network log', async ({
  page,
  openSidePanel,
}) => {
  test.setTimeout(120_000);
  await page.goto(networkFailuresArticleUrl);
  const panel = await openSidePanel(page);
  await waitForVerdicts(panel, networkFailures.length, 90_000);

  const expected = Object.fromEntries(networkFailures.map((f) => [networkFailureUrl(f), f.status]));
  expect(await rowStatuses(panel)).toEqual(expected);

  for (const failure of networkFailures) {
    const citation = row(panel, networkFailureUrl(failure));
    await citation.locator('[data-action="details"]').click();
    await expect(citation.locator('[data-field="reason"]'), failure.what).toHaveText(failure.reason);
    await citation.locator('[data-action="details"]').click();
  }
});
