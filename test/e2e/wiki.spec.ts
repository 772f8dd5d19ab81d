import type { Page } from '@playwright/test';
import { WIKI_HOST, wikiArticleUrl, wikiOwnPages, wikiSources } from '../web/sites/wiki';
import { expect, test } from './fixtures';
import { badgeText, extensionRequests, storeSettings, waitForVerdicts } from './linkcheck-helpers';
import { row, rows, rowUrls } from './panel-helpers';

// Issue 11 end to end on Harbourpedia, the test web's MediaWiki of our own: references are the sources, a row
// steps through a note's markers and reaches the note, and the wiki's own articles are never checked.

/** Notes, on the page, which element Cited flashed each time: the marker's `sup` id, or the note's `li` id. */
async function recordFlashes(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    const hrefs: string[] = [];
    Object.assign(window, { citedFlashes: seen, citedFlashedLinks: hrefs });
    new MutationObserver((changes) => {
      for (const change of changes) {
        const element = change.target as Element;
        // A flash restarted on the same link removes the attribute and sets it again: count the setting only.
        if (change.oldValue !== null || !element.hasAttribute('data-cited-highlight')) continue;
        seen.push(element.closest('sup')?.id || element.closest('li')?.id || element.outerHTML);
        hrefs.push((element.closest('a') as HTMLAnchorElement | null)?.href ?? '');
      }
    }).observe(document.body, {
      attributes: true,
      attributeOldValue: true,
      subtree: true,
      attributeFilter: ['data-cited-highlight'],
    });
  });
}

const flashes = (page: Page) =>
  page.evaluate(() => [...(window as unknown as { citedFlashes: string[] }).citedFlashes]);
/** The address of the link each flash was on. */
const flashedLinks = (page: Page) =>
  page.evaluate(() => [...(window as unknown as { citedFlashedLinks: string[] }).citedFlashedLinks]);

test('a MediaWiki article: its references are the rows, a click steps through a note’s markers to the note, no wiki link is checked', async ({
  page,
  openSidePanel,
  testWeb,
  serviceWorker,
}) => {
  test.setTimeout(90_000);
  await page.goto(wikiArticleUrl);
  const panel = await openSidePanel(page);

  // One row per reference: its archived copy and DOI link are part of its source's row, not rows of their own.
  await expect(rows(panel)).toHaveCount(6);
  await expect(panel.locator('[data-count="all"]')).toHaveText('6 citations');
  expect(await rowUrls(panel)).toEqual([
    wikiSources.gazette,
    wikiSources.survey,
    wikiSources.coastwatch,
    wikiSources.study,
    wikiSources.bathing,
    wikiSources.official,
  ]);
  const gazette = row(panel, wikiSources.gazette);
  await expect(gazette.locator('[data-field="reference"]')).toHaveText(
    '“Harbour wall gives way after night of storms” — The Westcombe Gazette · Gazette Media',
  );
  await expect(gazette.locator('[data-field="section"]')).toHaveText('Reference');
  await expect(row(panel, wikiSources.survey).locator('[data-field="reference"]')).toHaveText(
    '“Harbour wall condition survey 2019” — Westcombe Borough Council',
  );
  await expect(row(panel, wikiSources.official).locator('[data-field="section"]')).toHaveText(
    'External links',
  );
  const siteLinks = await panel.locator('[data-site-links] summary').textContent();
  expect(Number(/^(\d+) links within this site/.exec(siteLinks ?? '')?.[1])).toBeGreaterThanOrEqual(
    wikiOwnPages.length,
  );

  // Three markers of note 1 in the text, then the note itself, then the first marker again.
  await recordFlashes(page);
  const counter = gazette.locator('[data-field="occurrences"]');
  const expected = [
    'cite_ref-gazette_1-0',
    'cite_ref-gazette_1-1',
    'cite_ref-gazette_1-2',
    'cite_note-gazette-1',
  ];
  for (const [step, id] of [...expected, expected[0]].entries()) {
    await gazette.locator('[data-col="0"]').click();
    await expect.poll(() => flashes(page), { timeout: 10_000 }).toHaveLength(step + 1);
    expect((await flashes(page))[step]).toBe(id);
    await expect(counter).toHaveText(`${(step % 4) + 1} of 4`);
  }
  await gazette.locator('[data-col="0"]').click();
  await gazette.locator('[data-col="0"]').click();
  await gazette.locator('[data-col="0"]').click();
  await expect(gazette.locator('[data-field="note"]')).toHaveText(
    'Note: Price, Alys (3 March 2024). "Harbour wall gives way after night of storms". The Westcombe Gazette. ' +
      'Gazette Media. Archived from the original on 5 March 2024. Retrieved 12 April 2024.',
  );
  await expect(gazette.locator('[data-field="sentence"]')).toHaveCount(0);

  // A reference's archived copy and DOI link have no rows; the source's details take the reader to them.
  for (const [source, link, href] of [
    [wikiSources.gazette, 'archive', wikiSources.gazetteCopy],
    [wikiSources.study, 'doi', wikiSources.doi],
  ] as const) {
    const sourceRow = row(panel, source);
    await sourceRow.locator('[data-action="details"]').click();
    const before = (await flashedLinks(page)).length;
    await sourceRow.locator(`[data-action="show-reference-link"][data-link="${link}"]`).click();
    await expect.poll(() => flashedLinks(page), { timeout: 10_000 }).toHaveLength(before + 1);
    expect((await flashedLinks(page)).at(-1)).toBe(href);
    await sourceRow.locator('[data-action="details"]').click();
  }

  // Every source is checked; the wiki's own articles never are.
  await waitForVerdicts(panel, 6, 60_000);
  await expect(row(panel, wikiSources.survey)).toHaveAttribute('data-status', 'dead');
  // The archived copies the references give are checked, and each source's row says whether its copy is usable.
  for (const source of [wikiSources.gazette, wikiSources.survey])
    await expect(row(panel, source).locator('[data-field="reference-copy"]')).toHaveText(
      'Archived copy in the reference: usable (alive)',
    );
  // The DOI's resolver link is checked (it leads to the publisher's page, as a DOI should: alive); the ISBN is shown.
  await expect(row(panel, wikiSources.study).locator('[data-field="identifiers"]')).toHaveText(
    `DOI 10.5555/hwq.2024.0173 (link alive) · ISBN ${wikiSources.isbn}`,
  );
  // A DOI and PMID printed without links: their resolver links are checked all the same (the DOI is not registered).
  await expect(row(panel, wikiSources.bathing).locator('[data-field="identifiers"]')).toHaveText(
    'DOI 10.5555/cw.2023.0042 (link dead) · PMID 31415926 (link alive)',
  );
  await expect(row(panel, wikiSources.survey).locator('[data-field="status"]')).toHaveText(
    'dead, archived copy in reference',
  );
  // The badge counts citations, as the summary does: the survey, not the unregistered DOI beside a live source.
  await expect.poll(() => badgeText(serviceWorker, wikiArticleUrl)).toBe('1');
  // On the page, a source's status marker sits after its link in the note, never after a note's marker in the text.
  await expect
    .poll(() =>
      page.evaluate(() =>
        Array.from(document.querySelectorAll('cited-status-marker')).map((marker) => [
          marker.getAttribute('data-cited-url'),
          marker.closest('sup')?.id ?? marker.closest('li')?.id ?? 'text',
        ]),
      ),
    )
    .toEqual(
      expect.arrayContaining([
        [wikiSources.gazette, 'cite_note-gazette-1'],
        [wikiSources.survey, 'cite_note-survey-2'],
      ]),
    );
  expect(await page.locator('sup.reference cited-status-marker').count()).toBe(0);

  const checked = extensionRequests(testWeb.requests).map((request) => request.url);
  expect(checked).toEqual(
    expect.arrayContaining([
      wikiSources.gazette,
      wikiSources.official,
      wikiSources.gazetteCopy,
      wikiSources.surveyCopy,
      wikiSources.doi,
      wikiSources.bathingDoi,
      wikiSources.bathingPmid,
    ]),
  );
  // Not by the worker, nor the page, nor anything else: the test web saw no request for the wiki's other pages.
  const wikiPages = testWeb.requests
    .filter((request) => request.host === WIKI_HOST && new URL(request.url).pathname.startsWith('/wiki/'))
    .map((request) => request.url);
  expect(wikiPages.length).toBeGreaterThan(0);
  expect(wikiPages.filter((url) => url !== wikiArticleUrl)).toEqual([]);
});

test('a MediaWiki reference’s access date picks the archived copy closest before the editor read the source', async ({
  page,
  openSidePanel,
  serviceWorker,
  testWeb,
}) => {
  test.setTimeout(90_000);
  await storeSettings(serviceWorker, { archiveLookups: true });
  await page.goto(wikiArticleUrl);
  const panel = await openSidePanel(page);
  await waitForVerdicts(panel, 6, 60_000);

  const survey = row(panel, wikiSources.survey);
  await survey.locator('[data-action="details"]').click();
  const before = survey.locator('[data-check-details] [data-archive="before-publication"]');
  await expect(before).toContainText('Before it was retrieved (Feb 1, 2021)', { timeout: 20_000 });
  await expect(before.locator('a[data-action="open-archived"]')).toHaveAttribute(
    'href',
    wikiSources.surveyCopy,
  );
  await expect(
    survey.locator('[data-check-details] [data-archive="most-recent"] a[data-action="open-archived"]'),
  ).toHaveAttribute('href', `https://web.archive.org/web/20210620120000/${wikiSources.survey}`);

  // The archive was asked for the copy before the reference's access date (the wiki page has no date of its own).
  const asked = testWeb.requests
    .map((request) => new URL(request.url))
    .filter(
      (url) => url.pathname === '/wayback/available' && url.searchParams.get('url') === wikiSources.survey,
    );
  expect(asked.map((url) => url.searchParams.get('timestamp'))).toContain('20210201235959');
});
