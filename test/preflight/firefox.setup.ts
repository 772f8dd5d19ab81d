import { test } from '@playwright/test';
import { firefoxMissing, firefoxPath } from '../e2e-firefox/firefox';
import { closeFirefox, launchFirefox } from '../e2e-firefox/fixtures';
import { gotoExtensionPage } from '../e2e-firefox/pages';
import { browserVersion } from './versions';

// Runs before the Firefox suite: names the browser it runs against, and stops the suite with one plain message
// when Firefox cannot start, cannot install the add-on or cannot show its pages, rather than a timeout per test.

test('Firefox starts with Cited installed', async () => {
  test.setTimeout(90_000);
  const missing = firefoxMissing();
  // CI installs Firefox, so there a missing one fails below instead.
  test.skip(missing !== undefined && !process.env.CI, missing);
  if (missing) throw new Error(missing);
  console.log(`e2e browser: ${browserVersion(firefoxPath())} (${firefoxPath()})`);

  const firefox = await launchFirefox().catch((error: Error) => {
    throw new Error(
      `Firefox at ${firefoxPath()} could not be started with Cited installed: ${error.message.split('\n')[0]}`,
    );
  });
  try {
    const tab = await firefox.browser.newPage();
    const options = `${firefox.extensionOrigin}/options.html`;
    await gotoExtensionPage(tab, options).catch(() => {
      throw new Error(
        `Firefox (${browserVersion(firefoxPath())}) installed Cited but would not show its page ${options}; ` +
          'a newer Firefox may restrict what WebDriver may open (see test/e2e-firefox/fixtures.ts).',
      );
    });
    console.log(`e2e extension: ${firefox.extensionOrigin} (${await firefox.browser.version()})`);
  } finally {
    await closeFirefox(firefox);
  }
});
