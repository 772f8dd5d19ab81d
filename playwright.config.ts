import { join } from 'node:path';
import { defineConfig, type ReporterDescription } from '@playwright/test';

// CI asks for a JSON report too, so .ci/run can print one "N passed, N failed" line.
const reportDir = process.env.CITED_REPORT_DIR;
const reporter: ReporterDescription[] = [['list']];
if (reportDir) reporter.push(['json', { outputFile: join(reportDir, 'playwright.json') }]);

// Browsers are never downloaded. Chromium: extensions need a persistent profile, which test/e2e/fixtures.ts
// launches from Debian's Chromium. Firefox: test/e2e-firefox/fixtures.ts drives Debian's Firefox ESR through
// puppeteer-core (Playwright drives only its own patched Firefox), so those tests never use Playwright's browser.
export default defineConfig({
  // Each suite first checks that its browser starts with Cited loaded and prints the browser's version; when
  // it cannot, the suite's tests do not run and the run fails with that one message.
  projects: [
    { name: 'chromium-preflight', testDir: 'test/preflight', testMatch: 'chromium.setup.ts' },
    { name: 'firefox-preflight', testDir: 'test/preflight', testMatch: 'firefox.setup.ts' },
    { name: 'chromium', testDir: 'test/e2e', dependencies: ['chromium-preflight'] },
    { name: 'firefox', testDir: 'test/e2e-firefox', dependencies: ['firefox-preflight'] },
  ],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter,
});
