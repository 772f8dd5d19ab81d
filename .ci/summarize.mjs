// Sums the vitest and Playwright JSON reports written during `npm test` into one plain closing line that also
// names each suite, so a suite that never ran shows: "885 passed, 0 failed (unit 828, chromium 47, firefox 10)".
// A step that failed before any test ran (type-check, lint, build) counts as one failure.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, statusArg] = process.argv.slice(2);
const status = Number(statusArg ?? 0);
/** suite name → { passed, failed, skipped } */
const suites = new Map();
const count = (suite, key, n = 1) => {
  const counts = suites.get(suite) ?? { passed: 0, failed: 0, skipped: 0 };
  counts[key] += n;
  suites.set(suite, counts);
};

const vitestFile = join(dir, 'vitest.json');
if (existsSync(vitestFile)) {
  const report = JSON.parse(readFileSync(vitestFile, 'utf8'));
  count('unit', 'passed', report.numPassedTests ?? 0);
  count('unit', 'failed', report.numFailedTests ?? 0);
  count('unit', 'skipped', (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0));
}

// The preflight projects count with the suite they guard: "chromium-preflight" is part of "chromium".
const playwrightFile = join(dir, 'playwright.json');
if (existsSync(playwrightFile)) {
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        const name = String(test.projectName ?? 'e2e').replace(/-preflight$/, '');
        if (test.status === 'expected' || test.status === 'flaky') count(name, 'passed');
        else if (test.status === 'skipped') count(name, 'skipped');
        else count(name, 'failed');
      }
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of JSON.parse(readFileSync(playwrightFile, 'utf8')).suites ?? []) walk(suite);
}

let passed = 0;
let failed = 0;
const parts = [];
for (const [name, counts] of suites) {
  passed += counts.passed;
  failed += counts.failed;
  const extra = [counts.failed && `${counts.failed} failed`, counts.skipped && `${counts.skipped} skipped`]
    .filter(Boolean)
    .join(', ');
  parts.push(`${name} ${counts.passed}${extra ? ` (${extra})` : ''}`);
}
if (status !== 0 && failed === 0) failed = 1;
console.log(
  `${passed} passed, ${failed} failed${parts.length ? ` (${parts.join(', ')})` : ' (no test ran)'}`,
);
