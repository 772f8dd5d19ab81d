import type { Page } from '@playwright/test';
import { demoArticleTitle } from '../web/sites/demo/article';
import { demoArticleUrl, demoCitation, demoCitations } from '../web/sites/demo/fates';
import { expect, test } from './fixtures';
import { keptSourceReadings, sourceReads, storeSettings, waitForVerdicts } from './linkcheck-helpers';
import { copiedText, listenToClipboard, row } from './panel-helpers';

// Issue 12, "changed since cited", end to end on the demo article: with archive lookups allowed, the panel compares
// the quoted sources and those that no longer stand with the local Wayback's copies from before the article was
// published, as fates.ts says each one turns out.

const rowOf = (panel: Page, id: string) => row(panel, demoCitation(id).url);

test('the demo article: each compared source says whether it changed since the article cited it', async ({
  page,
  openSidePanel,
  serviceWorker,
  testWeb,
}) => {
  // The slow, rate-limited and unreachable sources take their retries and waits before sources are compared.
  test.setTimeout(180_000);
  await storeSettings(serviceWorker, { archiveLookups: true });
  await page.goto(demoArticleUrl);
  let panel = await openSidePanel(page);
  await waitForVerdicts(panel, demoCitations.length, 90_000);

  const compared = demoCitations.filter((fate) => fate.changedSinceCited);
  for (const fate of compared) {
    await expect(rowOf(panel, fate.id), fate.id).toHaveAttribute(
      'data-change-status',
      fate.changedSinceCited ?? '',
      { timeout: 30_000 },
    );
  }
  // A source that was not compared (alive, not quoted) says nothing about it.
  await expect(rowOf(panel, 'state-guidance')).not.toHaveAttribute('data-change-status', /.+/);

  const lab = rowOf(panel, 'lab-statement-moved');
  await expect(lab.locator('[data-change-line]')).toContainText('Since cited: ✏️ edited');
  await lab.locator('[data-action="change-evidence"]').click();
  const evidence = lab.locator('[data-change-evidence]');
  await expect(evidence).toContainText('The page was edited since the archived copy of 2025-09-10');
  await expect(evidence).toContainText('We [-will resume-]{+resumed+} weekly sampling at all…');
  await expect(evidence.locator('[data-action="open-compared-copy"]')).toHaveAttribute(
    'href',
    `https://web.archive.org/web/20250910120000/${demoCitation('lab-statement-moved').url}`,
  );
  // Its quotation is still there: the edit is elsewhere in the statement.
  await expect(lab).toHaveAttribute('data-quote-status', 'found');

  // The reader copies this source's evidence for a correction request: the source, its quotation's verdict with the
  // source's words, and the edit since the article cited it, each dated.
  await listenToClipboard(panel);
  await lab.locator('[data-action="details"]').click();
  await lab.locator('[data-action="copy-evidence"]').click();
  await expect(lab.locator('[data-evidence-feedback]')).toHaveText('Copied');
  const copied = await copiedText(panel);
  expect(copied).toContain(`Article: “${demoArticleTitle}”`);
  expect(copied).toContain(`: ${demoCitation('lab-statement-moved').url}`);
  expect(copied).toMatch(/Link check, \d{4}-\d\d-\d\d \d\d:\d\d UTC: redirected/);
  expect(copied).toMatch(/Final address after redirects: https:\/\/www\.ellerylabs\.example\/newsroom\//);
  expect(copied).toMatch(
    /Quotation 1: “[^”]*sent three renewal notices[^”]*”\nVerdict, \d{4}-\d\d-\d\d \d\d:\d\d UTC: found\./,
  );
  expect(copied).toContain(
    'The source says: “sent three renewal notices between April and June and received no reply”',
  );
  expect(copied).toContain('Changed since cited, compared');
  expect(copied).toContain(
    `Archived copy of 2025-09-10, the last before publication (2026-03-12): https://web.archive.org/web/20250910120000/${demoCitation('lab-statement-moved').url}`,
  );
  expect(copied).toContain('Changed: “We [-will resume-]{+resumed+} weekly sampling at all…”');

  // A source that is gone: its evidence names the archived copy to cite instead.
  const keepers = rowOf(panel, 'keepers-sampling');
  await keepers.locator('[data-action="details"]').click();
  await keepers.locator('[data-action="copy-evidence"]').click();
  await expect(keepers.locator('[data-evidence-feedback]')).toHaveText('Copied');
  const gone = await copiedText(panel);
  expect(gone).toMatch(/Link check, \d{4}-\d\d-\d\d \d\d:\d\d UTC: dead \(HTTP 410\)/);
  expect(gone).toMatch(
    /Archived copy to cite instead, captured \d{4}-\d\d-\d\d: https:\/\/web\.archive\.org\/web\/\d{14}\//,
  );

  const changed = compared.filter((fate) => fate.changedSinceCited !== 'unchanged').length;
  await expect(panel.locator('[data-change-summary]')).toContainText(
    `${changed} of ${compared.length} sources compared changed since cited`,
  );
  // The copies were read in their original bytes, not the archive's replay with its banner.
  expect(testWeb.requests.some((request) => /\/web\/20250910120000id_\//.test(request.url))).toBe(true);

  // Reopened, the panel shows every comparison again without reading a source or an archived copy again.
  await expect
    .poll(() => keptSourceReadings(serviceWorker, 'sourceChanges'))
    .toBeGreaterThanOrEqual(compared.length);
  const quoted = await panel.locator('[role="row"][data-quote-status]').count();
  await expect.poll(() => keptSourceReadings(serviceWorker, 'quoteChecks')).toBe(quoted);
  await panel.close();
  testWeb.resetLog();
  panel = await openSidePanel(page);
  await waitForVerdicts(panel, demoCitations.length);
  for (const fate of compared) {
    await expect(rowOf(panel, fate.id), fate.id).toHaveAttribute(
      'data-change-status',
      fate.changedSinceCited ?? '',
    );
  }
  await expect(rowOf(panel, 'lab-statement-moved')).toHaveAttribute('data-quote-status', 'found');
  expect(sourceReads(testWeb.requests)).toEqual([]);
});
