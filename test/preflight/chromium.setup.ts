import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, test } from '@playwright/test';
import { assertBuilt, chromiumFlags, chromiumPath, extensionDir } from '../web/chromium';
import { startTestWeb } from '../web/server';
import { browserVersion } from './versions';

// Runs before the Chromium suite: names the browser it runs against, and stops the suite with one plain message
// when Chromium cannot start or cannot load Cited, rather than a timeout in every test.

test('Chromium starts with Cited loaded', async () => {
  test.setTimeout(60_000);
  const executable = chromiumPath();
  const dir = extensionDir();
  assertBuilt(dir);
  console.log(`e2e browser: ${browserVersion(executable)} (${executable})`);

  const web = await startTestWeb({ sites: [] });
  const profile = await mkdtemp(path.join(tmpdir(), 'cited-preflight-'));
  try {
    const context = await chromium
      .launchPersistentContext(profile, {
        executablePath: executable,
        headless: true,
        ignoreDefaultArgs: ['--disable-extensions'],
        args: chromiumFlags({
          extensionDir: dir,
          proxyUrl: web.proxyUrl,
          headless: true,
          debugging: false,
        }).filter((flag) => flag !== '--headless'),
        timeout: 30_000,
      })
      .catch((error: Error) => {
        throw new Error(`Chromium at ${executable} could not be launched: ${error.message.split('\n')[0]}`);
      });
    try {
      const isCited = (w: { url(): string }) => w.url().startsWith('chrome-extension://');
      const worker =
        context.serviceWorkers().find(isCited) ??
        (await context.waitForEvent('serviceworker', { predicate: isCited, timeout: 20_000 }).catch(() => {
          throw new Error(
            `Chromium started but never ran Cited's service worker from ${dir}: is the build broken?`,
          );
        }));
      console.log(`e2e extension: ${worker.url()}`);
    } finally {
      await context.close();
    }
  } finally {
    await web.close();
    await rm(profile, { recursive: true, force: true, maxRetries: 3 });
  }
});
