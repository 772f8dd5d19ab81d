import { type BrowserContext, chromium } from '@playwright/test';
import { chromiumFlags, chromiumPath } from '../../test/web/chromium';
import type { TestWeb } from '../../test/web/server';

/**
 * Debian's Chromium with a Cited build, through the test web, for a benchmark: Playwright's own headless mode (its
 * `--headless` flag is dropped from Cited's flags), DevTools on a free port, one window of the given size.
 */
export function launchBenchChromium(
  profile: string,
  extensionDir: string,
  web: TestWeb,
  window: { width: number; height: number },
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: null,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      ...chromiumFlags({
        extensionDir,
        proxyUrl: web.proxyUrl,
        directRoutes: web.directRoutes(),
        headless: true,
        debugging: true,
      }).filter((flag) => flag !== '--headless'),
      `--window-size=${window.width},${window.height}`,
    ],
  });
}
