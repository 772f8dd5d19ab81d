import type { Frame } from '@playwright/test';
import { JSDOM } from 'jsdom';
import { findActiveContent } from '../../core/snapshot/sanitize';
import {
  canaryHost,
  HOSTILE_REFRESH_SECONDS,
  HOSTILE_TEXT,
  hostilePageUrl,
  hostileSites,
} from '../web/sites/hostile';
import { expect, test } from './fixtures';
import { saveTab, storedSnapshotHtml, webRequests } from './snapshot-helpers';

// Issue 4, safety: a page that tries every way to run code or reach the network is saved by the built extension
// and opened in its library. Every payload would leave traces (a request to canary.test, `data-ran` on the root,
// the window's name, a message to the library page); none may appear, and the frame's DOM must stay exactly the
// stored document's.

declare global {
  interface Window {
    citedMessages?: string[];
  }
}

/** What a reader might click or focus in the copy: every one of them carried a payload on the live page. */
const POKES = [
  '#clickme',
  '#js-link',
  '#js-mixed-case',
  '#data-link',
  '#formaction',
  '#submit',
  '#autofocus',
];

test('a hostile page’s snapshot runs nothing and fetches nothing when opened in the library', async ({
  context,
  page,
  testWeb,
  extensionId,
  openExtensionPage,
}) => {
  test.setTimeout(90_000);
  for (const site of hostileSites()) testWeb.addSite(site);

  // On the live page the payloads do run: the canary works.
  await page.goto(hostilePageUrl);
  await expect
    .poll(() => testWeb.requests.filter((r) => r.host === canaryHost).map((r) => new URL(r.url).pathname))
    .toEqual(expect.arrayContaining(['/inline-script', '/external-script', '/body-onload']));

  const library = await openExtensionPage('library.html');
  const outcome = await saveTab(library, hostilePageUrl);
  // The live page's own meta refresh would reach the canary later; it has done its part.
  await page.close();
  const stored = await storedSnapshotHtml(library, outcome.id);
  await library.close();

  // The stored file itself: no script, handler, script URL, frame, refresh or outside resource left.
  const report = findActiveContent(new JSDOM(stored).window.document);
  expect(report).toEqual({
    scripts: 0,
    eventHandlers: [],
    scriptUrls: [],
    embeds: 0,
    metaRefresh: 0,
    externalResources: [],
  });

  testWeb.resetLog();
  const pagesBefore = context.pages().length;
  const viewer = await context.newPage();
  await viewer.addInitScript(() => {
    window.citedMessages = [];
    window.addEventListener('message', (event) => window.citedMessages?.push(String(event.data)));
  });
  const requested: string[] = [];
  viewer.on('request', (request) => requested.push(request.url()));
  await viewer.goto(`chrome-extension://${extensionId}/library.html#/snapshot/${outcome.id}`);
  const element = viewer.locator('iframe[data-snapshot-frame="page"]');
  await expect(element).toHaveAttribute('sandbox', 'allow-same-origin');
  const frame = (await (await element.elementHandle())?.contentFrame()) as Frame;
  await frame.waitForLoadState('load');
  await expect(frame.locator('#lede')).toHaveText(HOSTILE_TEXT);

  for (const selector of POKES) {
    const target = frame.locator(selector);
    if ((await target.count()) > 0)
      await target
        .first()
        .click({ timeout: 2000 })
        .catch(() => {});
  }
  await frame.locator('#clickme').hover();
  // Longer than the live page's meta refresh took.
  await viewer.waitForTimeout((HOSTILE_REFRESH_SECONDS + 1) * 1000);

  expect(await frame.evaluate(() => window.name)).toBe('');
  expect(await viewer.evaluate(() => window.citedMessages)).toEqual([]);
  expect(webRequests(testWeb.requests)).toEqual([]);
  expect(requested.filter((url) => !url.startsWith(`chrome-extension://${extensionId}/`))).toEqual([]);
  expect(frame.url()).toBe('about:srcdoc');
  expect(context.pages().length).toBe(pagesBefore + 1);

  // Nothing changed the document: the frame holds exactly what the stored file parses to. (`data-ran` on the root
  // is the live page's, saved with it; a payload that ran in the copy would have added its id.)
  // Both sides attach declarative shadow roots (DOMParser would not), and both serialise them.
  const shown = await frame.evaluate(() => {
    const shadowRoots = Array.from(document.querySelectorAll('*')).flatMap((e) => e.shadowRoot ?? []);
    return {
      ran: document.documentElement.getAttribute('data-ran'),
      body: document.body.getHTML({ shadowRoots }),
    };
  });
  const parsed = await viewer.evaluate((html) => {
    const doc = Document.parseHTMLUnsafe(html);
    const shadowRoots = Array.from(doc.querySelectorAll('*')).flatMap((e) => e.shadowRoot ?? []);
    return { ran: doc.documentElement.getAttribute('data-ran'), body: doc.body.getHTML({ shadowRoots }) };
  }, stored);
  expect(shown.body).toContain(HOSTILE_TEXT);
  expect(shown).toEqual(parsed);

  // The reader view of the same snapshot is as inert.
  await viewer.goto(`chrome-extension://${extensionId}/library.html#/snapshot/${outcome.id}/reader`);
  const readerElement = viewer.locator('iframe[data-snapshot-frame="reader"]');
  const reader = (await (await readerElement.elementHandle())?.contentFrame()) as Frame;
  await reader.waitForLoadState('load');
  await expect(reader.locator('body')).toContainText(HOSTILE_TEXT);
  for (const selector of POKES) {
    const target = reader.locator(selector);
    if ((await target.count()) > 0)
      await target
        .first()
        .click({ timeout: 2000 })
        .catch(() => {});
  }
  await viewer.waitForTimeout(1000);
  expect(await reader.evaluate(() => document.documentElement.getAttribute('data-ran'))).toBeNull();
  expect(await reader.evaluate(() => window.name)).toBe('');
  expect(await viewer.evaluate(() => window.citedMessages)).toEqual([]);
  expect(webRequests(testWeb.requests)).toEqual([]);
  expect(requested.filter((url) => !url.startsWith(`chrome-extension://${extensionId}/`))).toEqual([]);
});
