import type { Locator, Page } from '@playwright/test';

// The panel's citation rows and the page's cited links, as the end-to-end specs read them.

export function rows(panel: Page): Locator {
  return panel.locator('[role="row"][data-citation-url]');
}

export function row(panel: Page, url: string): Locator {
  return panel.locator(`[role="row"][data-citation-url="${url}"]`);
}

/** The rows' addresses, in the order the panel lists them. */
export async function rowUrls(panel: Page): Promise<string[]> {
  return rows(panel).evaluateAll((found) => found.map((r) => r.getAttribute('data-citation-url') ?? ''));
}

/** Where the page's link to `url` is, and whether Cited's highlight is on it. */
export async function linkOnPage(page: Page, url: string) {
  return page.evaluate((href) => {
    const link = Array.from(document.querySelectorAll<HTMLAnchorElement>('a[href]')).find(
      (a) => a.href === href && a.hasAttribute('data-cited-highlight'),
    );
    if (!link) return { highlighted: false, inView: false };
    const box = link.getBoundingClientRect();
    return { highlighted: true, inView: box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0 };
  }, url);
}

/**
 * Whether the page's link to `href` is on screen, and whether Cited flashed it, as a MutationObserver the test set
 * on the link noted (`data-e2e-flashed`): unlike linkOnPage, it does not need the two-second flash to be on now.
 */
export function linkInView(page: Page, href: string) {
  return page.evaluate((target) => {
    const link = Array.from(document.querySelectorAll('a')).find((a) => a.href === target);
    const box = link?.getBoundingClientRect();
    return {
      flashed: link?.dataset.e2eFlashed === 'yes',
      inView: !!box && box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0,
    };
  }, href);
}

/**
 * Records what the panel writes to the clipboard from now on, for `copiedText` to read: Chromium grants no
 * clipboard-read to extension origins, so the test listens to what the panel writes.
 */
export async function listenToClipboard(panel: Page): Promise<void> {
  await panel.evaluate(() => {
    const clipboard = navigator.clipboard;
    const write = clipboard.writeText.bind(clipboard);
    clipboard.writeText = async (text: string) => {
      (window as unknown as { copied: string }).copied = text;
      await write(text).catch(() => {});
    };
  });
}

/** The last text the panel wrote to the clipboard since `listenToClipboard`. */
export function copiedText(panel: Page): Promise<string> {
  return panel.evaluate(() => (window as unknown as { copied: string }).copied);
}
