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
  projects: [
    { name: 'chromium', testDir: 'test/e2e' },
    { name: 'firefox', testDir: 'test/e2e-firefox' },
  ],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter,
});
