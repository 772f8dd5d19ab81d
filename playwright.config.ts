import { defineConfig } from '@playwright/test';

// Extensions need a persistent Chromium profile per test file; the fixtures in
// test/e2e/fixtures.ts launch it. Never download browsers: Debian's Chromium is used.
export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
});
