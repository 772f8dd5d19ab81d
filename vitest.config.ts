import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// CI asks for a JSON report too, so .ci/run can print one "N passed, N failed" line.
const reportDir = process.env.CITED_REPORT_DIR;

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 30_000,
    reporters: reportDir
      ? ['default', ['json', { outputFile: join(reportDir, 'vitest.json') }]]
      : ['default'],
  },
});
