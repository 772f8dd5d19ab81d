import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * SingleFile (npm single-file-cli) as the snapshot benchmark runs it: its own CLI, in its own Node process,
 * connected with --browser-server to the Chromium the benchmark already runs (the one with Cited in it, behind
 * the test web's proxy), so both tools save through the same browser, network and cache.
 *
 * The CLI opens a tab, loads the page, waits, then captures. Its debug log (--debug-messages-file) stamps each
 * step; the save is timed from "Capturing page" (the page is loaded and the wait is over) to the moment the
 * output file was last written (its mtime). Node's start-up, the tab and the page load are outside that span.
 */

const repoRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const CLI = path.join(repoRoot, 'node_modules/single-file-cli/single-file-node.js');
const PROXY_PRELOAD = path.join(repoRoot, 'scripts/bench/singlefile-node-proxy.mjs');

export function singleFileCliPath(): string | null {
  return existsSync(CLI) ? CLI : null;
}

export interface SingleFileRun {
  /** "Capturing page" → output written, in ms. */
  saveMs: number;
  /** Bytes of the output file. */
  bytes: number;
  file: string;
}

export interface SingleFileOptions {
  /** http://127.0.0.1:<port> of the running Chromium's DevTools server. */
  browserServer: string;
  /** The test web's proxy, for the fetches SingleFile makes from Node (see singlefile-node-proxy.mjs). */
  proxyUrl: string;
  /** Extra CLI flags (e.g. --remove-frames). */
  flags?: readonly string[];
}

const STAMP = /^\[(\d{4}-\d\d-\d\dT[\d:.]+Z)\] (.*)$/;

/** Saves `url` to `file` with the SingleFile CLI; throws with SingleFile's own words when it saved nothing. */
export async function runSingleFile(
  url: string,
  file: string,
  options: SingleFileOptions,
): Promise<SingleFileRun> {
  const debugFile = `${file}.debug.txt`;
  const errorsFile = `${file}.errors.txt`;
  await Promise.all([file, debugFile, errorsFile].map((f) => rm(f, { force: true })));
  await promisify(execFile)(
    process.execPath,
    [
      '--import',
      PROXY_PRELOAD,
      CLI,
      url,
      file,
      `--browser-server=${options.browserServer}`,
      `--debug-messages-file=${debugFile}`,
      `--errors-file=${errorsFile}`,
      '--filename-conflict-action=overwrite',
      ...(options.flags ?? []),
    ],
    { env: { ...process.env, CITED_BENCH_PROXY: options.proxyUrl }, maxBuffer: 64 * 1024 * 1024 },
  );
  const errors = await readFile(errorsFile, 'utf8').catch(() => '');
  if (!existsSync(file))
    throw new Error(`SingleFile saved nothing for ${url}: ${errors.trim() || 'no reason given'}`);
  const log = (await readFile(debugFile, 'utf8')).split('\n');
  // After a load timeout SingleFile retries with a weaker wait; the last capture is the one that was saved.
  const capturing = log
    .map((line) => STAMP.exec(line))
    .filter((m): m is RegExpExecArray => m !== null && m[2] === 'Capturing page')
    .at(-1);
  if (!capturing) throw new Error(`SingleFile's debug log for ${url} has no "Capturing page" step`);
  const { mtimeMs, size } = await stat(file);
  await Promise.all([debugFile, errorsFile].map((f) => rm(f, { force: true })));
  return { saveMs: mtimeMs - Date.parse(capturing[1] as string), bytes: size, file };
}
