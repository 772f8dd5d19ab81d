import type { Worker } from '@playwright/test';
import { demoArticleUrl } from '../web/sites/demo/fates';
import { clickToolbarButton, expect, sidePanelIsOpen, test } from './fixtures';

// One click on the toolbar button opens the panel, however busy Cited's worker is (issue 9).

/** Keeps the worker's only thread busy for `ms`; resolves when it is free again. */
function keepBusy(worker: Worker, ms: number): Promise<void> {
  return worker.evaluate((duration) => {
    const until = Date.now() + duration;
    while (Date.now() < until) {
      // A long synchronous task: link checks parsing a huge page, a restore hashing a backup.
    }
  }, ms);
}

test('one click opens the panel while the worker is busy', async ({
  context,
  page,
  serviceWorker,
  extensionId,
}) => {
  await page.goto(demoArticleUrl);
  await expect
    .poll(() =>
      serviceWorker.evaluate(async () => (await chrome.sidePanel.getPanelBehavior()).openPanelOnActionClick),
    )
    .toBe(true);
  let workerFree = false;
  const busy = keepBusy(serviceWorker, 8_000).then(() => {
    workerFree = true;
  });
  await clickToolbarButton(context, extensionId, page);
  // The browser opens the panel itself: nothing waits for the worker's turn.
  await expect.poll(() => sidePanelIsOpen(context, extensionId), { timeout: 5_000 }).toBe(true);
  expect(workerFree, 'the panel opened only once the worker was free').toBe(false);
  await busy;
});

test('a click that beats the panel behaviour still opens the panel, once', async ({
  context,
  page,
  serviceWorker,
  extensionId,
}) => {
  await page.goto(demoArticleUrl);
  // As in the moments after install, before the worker's setPanelBehavior has taken effect: the click reaches
  // the worker's onClicked listener, which opens the panel with the click's gesture even after a busy spell.
  await serviceWorker.evaluate(() => chrome.sidePanel.setPanelBehavior({ openPanelOnActionClick: false }));
  const busy = keepBusy(serviceWorker, 2_000);
  await clickToolbarButton(context, extensionId, page);
  await busy;
  await expect.poll(() => sidePanelIsOpen(context, extensionId), { timeout: 10_000 }).toBe(true);
});
