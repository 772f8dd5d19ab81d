import { join } from 'node:path';
import { defineConfig, type ReporterDescription } from '@playwright/test';

// CI asks for a JSON report too, so .ci/run can print one "N passed, N failed" line.
const reportDir = process.env.CITED_REPORT_DIR;
const reporter: ReporterDescription[] = [['list']];
if (reportDir) reporter.push(['json', { outputFile: join(reportDir, 'playwright.json') }]);

// Extensions need a persistent Chromium profile; the fixtures in test/e2e/fixtures.ts launch it.
// Browsers are never downloaded: Debian's Chromium is used.
export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter,
});
