import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from '@playwright/test';
import { demoArticleTitle } from '../web/sites/demo/article';
import { demoArticleUrl, demoCitation, demoCitations } from '../web/sites/demo/fates';
import { type CitedFixtures, expect, test } from './fixtures';
import {
  awaitingVerdict,
  badgeText,
  extensionRequests,
  markersOnPage,
  row,
  rowStatuses,
  setArchiveEndpointInOptions,
  storeSettings,
  waitForVerdicts,
} from './linkcheck-helpers';
import { copiedText, listenToClipboard } from './panel-helpers';

// Issue 3 end to end on the demo article, whose sources play every status (test/web/sites/demo/fates.ts).

const EXPECTED = Object.fromEntries(demoCitations.map((citation) => [citation.url, citation.status]));
const BROKEN = demoCitations.filter((c) => c.status === 'dead' || c.status === 'soft-404').length;

/** Opens the demo article and its panel, and waits until every citation has its verdict. */
async function demoPanelWithVerdicts(
  page: Page,
  openSidePanel: CitedFixtures['openSidePanel'],
): Promise<Page> {
  // The slow, rate-limited and unreachable sources take their retries and waits.
  test.setTimeout(120_000);
  await page.goto(demoArticleUrl);
  const panel = await openSidePanel(page);
  await waitForVerdicts(panel, demoCitations.length, 90_000);
  return panel;
}

/** Where the page's text sits: the first letter of every piece of text on the page, and the page's height. */
function textGeometry(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const where = [`page height ${document.documentElement.scrollHeight}`];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      const first = (text.textContent ?? '').search(/\S/);
      if (first === -1) continue;
      range.setStart(text, first);
      range.setEnd(text, first + 1);
      const box = range.getBoundingClientRect();
      where.push(`${text.textContent?.trim().slice(0, 20)} at ${box.left},${box.top + window.scrollY}`);
    }
    return where;
  });
}

async function markerCount(context: BrowserContext, page: Page): Promise<number> {
  return Object.keys((await markersOnPage(context, page)).statuses).length;
}

test('the demo article: every row’s status is the fate its source plays', async ({
  context,
  page,
  openSidePanel,
  serviceWorker,
}) => {
  const panel = await demoPanelWithVerdicts(page, openSidePanel);
  expect(await rowStatuses(panel)).toEqual(EXPECTED);
  await expect.poll(() => badgeText(serviceWorker, demoArticleUrl)).toBe(String(BROKEN));
  await expect.poll(async () => (await markersOnPage(context, page)).statuses).toEqual(EXPECTED);
  // The markers take no room, even on a page whose CSS tries to give them some: without them every word is where it
  // was (placing them moved nothing).
  await page.addStyleTag({
    content:
      'cited-status-marker{display:block!important;width:12em!important;height:3em!important;margin:1em!important}',
  });
  const withMarkers = await textGeometry(page);
  await page.evaluate(() => {
    for (const marker of document.querySelectorAll('cited-status-marker')) marker.remove();
  });
  expect(await textGeometry(page)).toEqual(withMarkers);

  // Filter by status: only the blocked ones.
  await panel.locator('[data-status-filter="blocked"]').click();
  await expect(panel.locator('[data-status-filter="blocked"]')).toHaveAttribute('aria-pressed', 'true');
  const blocked = demoCitations.filter((c) => c.status === 'blocked').map((c) => c.url);
  expect(Object.keys(await rowStatuses(panel))).toEqual(blocked);
  await expect(panel.locator('[data-live-count]')).toHaveText(
    `${blocked.length} of ${demoCitations.length} citations shown`,
  );
  await panel.locator('[data-status-filter="blocked"]').click();
  expect(Object.keys(await rowStatuses(panel))).toHaveLength(demoCitations.length);
});

test('the report: copied as Markdown, downloaded as JSON and CSV, named after the article', async ({
  page,
  openSidePanel,
}) => {
  const panel = await demoPanelWithVerdicts(page, openSidePanel);
  const day = await panel.evaluate(() => {
    const now = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  });
  // The article's title, made safe for a file name (and cut at a word), then the day.
  expect(demoArticleTitle.toLowerCase()).toMatch(/^harbour swim tests stopped for seven weeks/);
  const fileName = (extension: string) =>
    new RegExp(`^cited-report-harbour-swim-tests-stopped-for-seven-weeks(-[a-z]+)*-${day}\\.${extension}$`);

  await listenToClipboard(panel);
  await panel.locator('[data-action="copy-report"]').click();
  await expect(panel.locator('[data-report-feedback]')).toHaveText('Report copied as Markdown');
  const markdown = await copiedText(panel);
  expect(markdown).toContain(`# Citations of “${demoArticleTitle}”`);
  for (const citation of demoCitations) expect(markdown).toContain(citation.url);
  expect(markdown).toContain(`https://web.archive.org/web/`);

  const jsonDownload = panel.waitForEvent('download');
  await panel.locator('[data-action="download-json"]').click();
  const json = await jsonDownload;
  expect(json.suggestedFilename()).toMatch(fileName('json'));
  const report = JSON.parse(await readFile((await json.path()) as string, 'utf8'));
  expect(report.schema).toBe('cited.report');
  expect(report.version).toBe(1);
  expect(report.article.url).toBe(demoArticleUrl);
  expect(
    Object.fromEntries(report.citations.map((c: { url: string; status: string }) => [c.url, c.status])),
  ).toEqual(EXPECTED);
  const dead = report.citations.find(
    (c: { url: string }) => c.url === demoCitations.find((d) => d.id === 'keepers-sampling')?.url,
  );
  expect(dead.evidence.httpStatus).toBe(410);
  expect(dead.reason).toMatch(/410/);

  const csvDownload = panel.waitForEvent('download');
  await panel.locator('[data-action="download-csv"]').click();
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toMatch(fileName('csv'));
  const lines = (await readFile((await csv.path()) as string, 'utf8')).trim().split(/\r?\n/);
  expect(lines[0]).toMatch(/^number,url,domain,relation,kind,anchor_text,sentence,status,reason,http_status/);
  const gone = demoCitations.find((c) => c.id === 'coastline-backlog')?.url as string;
  expect(lines.find((line) => line.includes(gone))).toMatch(/,dead,/);
  await expect(row(panel, gone)).toHaveAttribute('data-status', 'dead');
});

test('settings: markers can be turned off, and the gear opens the options page', async ({
  context,
  page,
  openSidePanel,
  serviceWorker,
}) => {
  const panel = await demoPanelWithVerdicts(page, openSidePanel);
  await expect.poll(() => markerCount(context, page)).toBe(demoCitations.length);

  await storeSettings(serviceWorker, { pageMarkers: false });
  await expect.poll(() => markerCount(context, page)).toBe(0);
  await storeSettings(serviceWorker, { pageMarkers: true });
  await expect.poll(() => markerCount(context, page)).toBe(demoCitations.length);

  const opened = context.waitForEvent('page');
  await panel.locator('[data-action="settings"]').click();
  const options = await opened;
  await expect(options.getByRole('heading', { name: 'Cited settings' })).toBeVisible();
  await expect(options.locator('[data-setting="pageMarkers"]')).toBeChecked();
  await expect(options.locator('[data-setting="archiveLookups"]')).not.toBeChecked();
  await expect(options.locator('[data-setting="autoCheck"]')).toBeChecked();
  await expect(options.locator('[data-setting="maxRequests"]')).toHaveValue('8');

  // "Never contact third-party services" switches the archive off and hides the panel's offer.
  // (The panel follows the reader to the options tab; back on the article it shows the offer again.)
  await page.bringToFront();
  await expect(panel.locator('[data-archive-consent]')).toHaveCount(1);
  await options.locator('[data-setting="neverContactThirdParties"]').check();
  await expect(options.locator('[data-setting="archiveLookups"]')).toBeDisabled();
  await expect(panel.locator('[data-archive-consent]')).toHaveCount(0);
  await options.locator('[data-setting="neverContactThirdParties"]').uncheck();
  await expect(panel.locator('[data-archive-consent]')).toHaveCount(1);
});

test('with automatic checks off, nothing is requested until the reader asks', async ({
  page,
  openSidePanel,
  serviceWorker,
  testWeb,
}) => {
  await storeSettings(serviceWorker, { autoCheck: false });
  await page.goto(demoArticleUrl, { waitUntil: 'load' });
  testWeb.resetLog();
  const panel = await openSidePanel(page);
  await expect(panel.locator('[data-field="check-headline"]')).toHaveText('Links not checked yet');
  await page.waitForTimeout(500);
  const cited = new Set(demoCitations.map((c) => c.url));
  expect(testWeb.requests.filter((request) => cited.has(request.url))).toEqual([]);
  expect(Object.values(await rowStatuses(panel)).every((status) => status === 'not-checked')).toBe(true);

  await panel.locator('[data-action="start-checks"]').click();
  await expect
    .poll(() => testWeb.requests.filter((request) => cited.has(request.url)).length)
    .toBeGreaterThan(0);
});

test('a worker stopped mid-run comes back, finishes the queue and repeats nothing it had finished', async ({
  context,
  page,
  openSidePanel,
  cdpBrowser,
  serviceWorker,
  testWeb,
}) => {
  test.setTimeout(120_000);
  await serviceWorker.evaluate(() => {
    (self as unknown as { generation: string }).generation = 'first';
  });
  await page.goto(demoArticleUrl, { waitUntil: 'load' });
  const panel = await openSidePanel(page);
  // Stop the worker once some verdicts are in and others are still being checked (the slow host takes 4 s).
  await expect
    .poll(async () => Object.values(await rowStatuses(panel)).filter((s) => s === 'alive').length)
    .toBeGreaterThan(3);
  const before = await rowStatuses(panel);
  const finished = Object.keys(before).filter((url) => !awaitingVerdict(before[url] ?? ''));
  expect(finished.length).toBeLessThan(demoCitations.length);

  const browser = await cdpBrowser();
  const session = await browser.newBrowserCDPSession();
  const { targetInfos } = await session.send('Target.getTargets', {});
  const worker = targetInfos.find(
    (target) => target.type === 'service_worker' && target.url.endsWith('/background.js'),
  );
  expect(worker).toBeDefined();
  const stoppedAt = testWeb.requests.length;
  await session.send('Target.closeTarget', { targetId: worker?.targetId as string });

  // The panel notices (its port closes), wakes a new worker and asks again; resume() finishes the queue.
  await waitForVerdicts(panel, demoCitations.length, 90_000);
  expect(await rowStatuses(panel)).toEqual(EXPECTED);
  const generations = await Promise.all(
    context
      .serviceWorkers()
      .map((w) =>
        w
          .evaluate(() => (self as unknown as { generation?: string }).generation ?? 'new')
          .catch(() => 'gone'),
      ),
  );
  expect(generations).toContain('new');
  // The link checks, not the quote check that reads the quoted sources' text once every link has its verdict.
  const askedAgain = extensionRequests(testWeb.requests.slice(stoppedAt)).map((request) => request.url);
  expect(askedAgain.filter((url) => finished.includes(url))).toEqual([]);
});

test('the demo article: only its citations are asked for, at most two at a time per host', async ({
  page,
  openSidePanel,
  testWeb,
}) => {
  test.setTimeout(120_000);
  await page.goto(demoArticleUrl);
  // The browser loads the article's own pictures several at a time: what is measured from here is Cited's doing.
  await page.waitForLoadState('networkidle');
  testWeb.resetLog();
  const panel = await openSidePanel(page);
  await waitForVerdicts(panel, demoCitations.length, 90_000);
  const fetched = extensionRequests(testWeb.requests).filter((request) => request.url !== demoArticleUrl);
  // Where each citation ended, from the panel's own JSON report: a redirect is followed to its target.
  const download = panel.waitForEvent('download');
  await panel.locator('[data-action="download-json"]').click();
  const report = JSON.parse(await readFile((await (await download).path()) as string, 'utf8')) as {
    citations: { url: string; evidence?: { finalUrl?: string } }[];
  };
  const citedHosts = new Set(demoCitations.map((citation) => new URL(citation.url).host));
  const reachedHosts = new Set(citedHosts);
  for (const citation of report.citations)
    if (citation.evidence?.finalUrl) reachedHosts.add(new URL(citation.evidence.finalUrl).host);
  // Soft-404 probes ask a cited host for a made-up page; nothing goes to a host no citation leads to.
  expect(fetched.filter((request) => !reachedHosts.has(request.host)).map((r) => r.url)).toEqual([]);
  const pageLinks = await page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLAnchorElement>('a[href]'))
      .map((a) => a.href.split('#')[0] ?? '')
      .filter((href) => href.startsWith('http')),
  );
  const cited = new Set(demoCitations.map((citation) => citation.url));
  const notCitations = pageLinks.filter((href) => !cited.has(href));
  expect(notCitations.length).toBeGreaterThan(5);
  for (const url of notCitations) expect(fetched.map((request) => request.url)).not.toContain(url);
  for (const host of citedHosts) expect(testWeb.maxConcurrent(host), host).toBeLessThanOrEqual(2);
});

test('the demo article: archived copies with the reader’s consent, from the archive set in the options page', async ({
  context,
  page,
  openSidePanel,
  openExtensionPage,
  testWeb,
}) => {
  // The reader points Cited at another Wayback-compatible endpoint (the test web plays it).
  await setArchiveEndpointInOptions(openExtensionPage, 'https://wayback.archive.org/');

  await page.bringToFront();
  const panel = await demoPanelWithVerdicts(page, openSidePanel);
  // Nothing has gone to an archive yet: lookups are off until the reader agrees.
  expect(
    testWeb.requests.filter(
      (request) => request.host.endsWith('archive.org') && request.url.includes('/wayback/available'),
    ),
  ).toEqual([]);

  const consent = panel.locator('[data-archive-consent] [data-action="allow-archive"]');
  await expect(consent).toHaveText('Find archived copies (asks wayback.archive.org)');
  await consent.click();
  await expect(panel.locator('[data-archive-consent]')).toHaveCount(0);

  const gone = demoCitation('coastline-backlog').url;
  const coastline = row(panel, gone);
  await coastline.locator('[data-action="details"]').click();
  await expect(coastline.locator('[data-action="details"]')).toHaveAttribute('aria-expanded', 'true');
  const copy = coastline.locator('[data-check-details] [data-archive="before-publication"]');
  await expect(copy.locator('a[data-action="open-archived"]')).toHaveAttribute(
    'href',
    `https://web.archive.org/web/20250903101500/${gone}`,
  );

  // A dead source without a copy says so.
  const noCopy = demoCitations.find((c) => c.status === 'dead' && !c.archivedCopy);
  if (!noCopy) throw new Error('the demo fates have no dead source without an archived copy');
  await row(panel, noCopy.url).locator('[data-action="details"]').click();
  await expect(row(panel, noCopy.url).locator('[data-archive="none"]')).toHaveText(
    'wayback.archive.org has no usable copy of this page.',
  );

  // Every citation that did not stand was looked up, and only those and the quoted ones (compared with their copy
  // from before publication, "changed since cited"), only at the reader's endpoint.
  const asked = new Set(
    testWeb.requests
      .filter((request) => request.url.startsWith('https://wayback.archive.org/wayback/available'))
      .map((request) => new URL(request.url).searchParams.get('url')),
  );
  const notStanding = demoCitations.filter((c) => c.status !== 'alive').map((c) => c.url);
  const quotedAlive = ['council-minutes-pdf', 'harbourmaster-post', 'swim-club-notice', 'earlier-report'].map(
    (id) => demoCitation(id).url,
  );
  expect(notStanding.filter((url) => !asked.has(url))).toEqual([]);
  expect(
    [...asked].filter((url) => !notStanding.includes(url ?? '') && !quotedAlive.includes(url ?? '')),
  ).toEqual([]);
  expect(
    testWeb.requests.filter(
      (request) => request.url.includes('/wayback/available') && request.host !== 'wayback.archive.org',
    ),
  ).toEqual([]);

  // The dead links' markers on the page offer their archived copies.
  const withCopies = demoCitations.filter(
    (c) => (c.status === 'dead' || c.status === 'soft-404') && c.archivedCopy,
  ).length;
  await expect.poll(async () => (await markersOnPage(context, page)).archiveLinks.length).toBe(withCopies);

  const opened = context.waitForEvent('page');
  await copy.locator('a[data-action="open-archived"]').click();
  const archivedTab = await opened;
  await expect.poll(() => archivedTab.url()).toBe(`https://web.archive.org/web/20250903101500/${gone}`);
});

test('the demo article: closing and reopening the panel shows the stored verdicts without asking again', async ({
  page,
  openSidePanel,
  serviceWorker,
  testWeb,
}) => {
  let panel = await demoPanelWithVerdicts(page, openSidePanel);
  await panel.close();
  testWeb.resetLog();

  panel = await openSidePanel(page);
  await waitForVerdicts(panel, demoCitations.length);
  expect(await rowStatuses(panel)).toEqual(EXPECTED);
  await expect.poll(() => badgeText(serviceWorker, demoArticleUrl)).toBe(String(BROKEN));

  // Re-check asks that one site again, and only it: a check wrongly started on reopening would have been queued
  // first, so its requests to other sites would be on record by the time this one is done.
  const alive = demoCitation('herald-closures').url;
  await row(panel, alive).locator('[data-action="details"]').click();
  await row(panel, alive).locator('[data-action="recheck"]').click();
  await expect.poll(() => extensionRequests(testWeb.requests).map((request) => request.url)).toContain(alive);
  await waitForVerdicts(panel, demoCitations.length);
  expect(extensionRequests(testWeb.requests).every((request) => request.host === new URL(alive).host)).toBe(
    true,
  );
});
