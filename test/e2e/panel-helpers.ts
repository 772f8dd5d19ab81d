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
