/**
 * `npm run bench`: every benchmark in turn, each printing its own figures side by side with its peer, then one
 * summary block of every closing ratio line.
 *
 *   npm run bench                  # all of them
 *   npm run bench -- linkcheck     # only the ones named
 *
 * A benchmark is one line in BENCHES: its name, its module (next to this file) and the function it exports. A
 * module that is not there yet is reported as missing rather than imported, so a benchmark can be listed before
 * it lands. Benchmarks run one after another, never together: each measures time.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { errorMessage } from '../../core/errors/cited-error';

interface Bench {
  name: string;
  module: string;
  run: string;
}

const BENCHES: readonly Bench[] = [
  { name: 'capture', module: 'capture.ts', run: 'benchCapture' },
  { name: 'linkcheck', module: 'linkcheck.ts', run: 'benchLinkcheck' },
  { name: 'snapshot', module: 'snapshot.ts', run: 'benchSnapshot' },
  { name: 'panel', module: 'panel.ts', run: 'benchPanel' },
  { name: 'panel-memory', module: 'panel-memory.ts', run: 'benchPanelMemory' },
  { name: 'watch-storage', module: 'watch-storage.ts', run: 'benchWatchStorage' },
  { name: 'quotes', module: 'quotes.ts', run: 'benchQuotes' },
  { name: 'changes', module: 'changes.ts', run: 'benchChanges' },
  { name: 'fragments', module: 'fragments.ts', run: 'benchFragments' },
];

/**
 * A closing line of a benchmark: `<what>/<peer> ... ratio: X.XX` or `... ratio (median): X.XX` at the start of a
 * line, the snapshot bench's `images kept: ...` line, the panel bench's `panel longest task ms at ...` line, the
 * panel-memory bench's `worker heap growth over N opens: X MB`, the quotes bench's
 * `quote check found precision P recall R`, the changes bench's `source change verdicts correct N/M`, or the
 * fragments bench's `show in source links made N/M, longest page ms X`.
 */
export const RATIO_LINE =
  /^\S.*\bratio(?: \([^)]*\))?: -?\d+(?:\.\d+)?\s*$|^images kept: |^panel longest task ms at |^worker heap growth over \d+ opens: |^quote check found precision \d|^source change verdicts correct \d|^show in source links made \d/;

const here = path.dirname(fileURLToPath(import.meta.url));

export function selectBenches(names: readonly string[]): Bench[] {
  if (names.length === 0) return [...BENCHES];
  const unknown = names.filter((name) => !BENCHES.some((bench) => bench.name === name));
  if (unknown.length > 0) {
    throw new Error(
      `Unknown benchmark ${unknown.map((name) => `"${name}"`).join(', ')}: choose from ${BENCHES.map((bench) => bench.name).join(', ')}.`,
    );
  }
  return BENCHES.filter((bench) => names.includes(bench.name));
}

/** Runs `fn`, echoing what it prints, and returns its ratio lines. */
async function collectRatioLines(fn: () => Promise<unknown>): Promise<string[]> {
  const lines: string[] = [];
  const original = console.log;
  console.log = (...args: unknown[]) => {
    original(...args);
    for (const line of args.map(String).join(' ').split('\n')) if (RATIO_LINE.test(line)) lines.push(line);
  };
  try {
    await fn();
  } finally {
    console.log = original;
  }
  return lines;
}

export async function runBenches(names: readonly string[]): Promise<boolean> {
  const summary: string[] = [];
  let ok = true;
  for (const bench of selectBenches(names)) {
    const file = path.join(here, bench.module);
    console.log(`\n## ${bench.name}`);
    if (!existsSync(file)) {
      summary.push(`${bench.name}: not run (${bench.module} is not there yet)`);
      console.log(`not run: ${bench.module} is not there yet`);
      continue;
    }
    try {
      const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      const run = module[bench.run];
      if (typeof run !== 'function') throw new Error(`${bench.module} does not export ${bench.run}()`);
      const lines = await collectRatioLines(() => Promise.resolve(run()));
      summary.push(...(lines.length > 0 ? lines : [`${bench.name}: printed no ratio line`]));
    } catch (error) {
      ok = false;
      const message = errorMessage(error);
      console.error(`${bench.name} failed: ${message}`);
      summary.push(`${bench.name}: FAILED (${message})`);
    }
  }
  console.log('\n## Summary');
  for (const line of summary) console.log(line);
  return ok;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    process.exitCode = (await runBenches(process.argv.slice(2))) ? 0 : 1;
  } catch (error) {
    console.error(errorMessage(error));
    process.exitCode = 1;
  }
}
