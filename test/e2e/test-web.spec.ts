import { hasShared } from '../web/paths';
import { demoArticleUrl, demoCitation, demoCitations, demoOutletHost } from '../web/sites/demo/fates';
import { readSeedArticle, seedArticleUrl, seedSite } from '../web/sites/seed';
import { expect, test } from './fixtures';

// The test web itself, apart from the product tests: hosts at their real addresses through the proxy, scripted
// connection failures, the request log, switching a site's era.

const seedMissing = !hasShared('fixtures/seed/article-fragment.txt');

test('the seed article loads at its real https address through the test web', async ({ page, testWeb }) => {
  test.skip(seedMissing, 'needs ../shared/fixtures/seed/article-fragment.txt, which is not here');
  const response = await page.goto(seedArticleUrl);
  expect(response?.status()).toBe(200);
  expect(page.url()).toBe(seedArticleUrl);
  await expect(page.locator('h1')).toHaveText(readSeedArticle().title);
  await expect(page.locator('article a[href*="thelocal.de"]')).toHaveText('the BKA arrested 67 people');
  // Its pictures are served too (generated), so the page looks whole.
  await expect
    .poll(() =>
      page
        .locator('article img')
        .first()
        .evaluate((img: HTMLImageElement) => img.naturalWidth),
    )
    .toBeGreaterThan(0);
  expect(testWeb.requests.find((r) => r.url === seedArticleUrl)?.method).toBe('GET');
});

test('a host whose name does not resolve fails to load, as on the open web', async ({ context, testWeb }) => {
  // Reached directly, not through the proxy (test/web/routing.ts): the browser's own resolver says it.
  const https = await context.newPage();
  await expect(https.goto(demoCitation('water-watch').url)).rejects.toThrow(/net::ERR_NAME_NOT_RESOLVED/);
  expect(testWeb.requests.filter((r) => r.host === 'www.ellerywaterwatch.example')).toEqual([]);
  // A host that no site claims (and that the browser was not told about) still fails at the proxy.
  const http = await context.newPage();
  await expect(http.goto('http://never-registered.example/')).rejects.toThrow(/net::ERR_EMPTY_RESPONSE/);
  expect(testWeb.requests).toContainEqual(
    expect.objectContaining({ url: 'http://never-registered.example/', connection: 'dns-failure' }),
  );
});

test('the test web records what the browser sent, and loading a page requests none of its citations', async ({
  page,
  testWeb,
}) => {
  await page.goto(demoArticleUrl);
  await expect(page.locator('figure img').first()).toBeVisible();
  const articleRequest = testWeb.requests.find((r) => r.url === demoArticleUrl);
  expect(articleRequest?.headers['user-agent']).toContain('Chrome');
  expect(articleRequest?.endedAt).not.toBeNull();
  expect(testWeb.requests.some((r) => r.url.endsWith('/images/2026/03/gull-point.svg'))).toBe(true);
  expect(testWeb.maxConcurrent(demoOutletHost)).toBeGreaterThanOrEqual(1);
  // (Chromium's own background calls to Google hosts also reach the proxy; they are not citations.)
  const citedHosts = new Set(demoCitations.filter((c) => !c.sameSite).map((c) => new URL(c.url).hostname));
  expect(testWeb.requests.filter((r) => citedHosts.has(r.host)).map((r) => r.url)).toEqual([]);
});

test('the seed site can be switched to its seized era after the article loaded', async ({
  page,
  testWeb,
}) => {
  test.skip(seedMissing, 'needs ../shared/fixtures/seed/article-fragment.txt, which is not here');
  await page.goto(seedArticleUrl);
  testWeb.addSite(seedSite({ era: 'seized' }));
  try {
    const response = await page.reload();
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1')).toHaveText('This website has been seized');
  } finally {
    testWeb.addSite(seedSite());
  }
});
