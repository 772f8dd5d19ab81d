import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { errorMessage } from '../core/errors/cited-error';
import {
  assertBuilt,
  chromiumFlags,
  chromiumPath,
  extensionDir,
  unpackedExtensionId,
} from '../test/web/chromium';
import { repoRoot } from '../test/web/paths';
import { startTestWeb, type TestWeb } from '../test/web/server';
import { demoArticleTitle } from '../test/web/sites/demo/article';
import { demoArticleUrl } from '../test/web/sites/demo/fates';
import { allSites } from '../test/web/sites/index';
import { seedArticleUrl } from '../test/web/sites/seed';

// `npm start`: build Cited, start the local demo web, open Chromium with Cited on the demo article.

const HELP = `Usage: npm start [-- options]

Builds Cited, starts the local test web (a proxy that plays the demo outlet and every site it cites), and opens
Chromium with Cited loaded, a fresh profile, on the demo article. Nothing leaves this machine: every address the
browser asks for is answered by the local test web.

Options:
  --headed        open a browser window (the default when $DISPLAY or $WAYLAND_DISPLAY is set)
  --headless      run without a window (for machines without a display)
  --smoke         check that the article loaded and Cited is running, then exit (0 = fine); use with --headless
  --seed          open the seed article (deepdotweb.com, 2017) instead of the demo article
  --url URL       open this address instead (any host the test web plays)
  --no-build      use the existing build instead of running wxt build
  --port N        let the test web listen on port N (default: a free port)
  -h, --help      show this help

Environment:
  CHROME_PATH            the Chromium to run (default /usr/bin/chromium)
  CITED_OUT_DIR          where wxt builds (default .output); the extension is <dir>/chrome-mv3
  CITED_EXTENSION_DIR    load this unpacked extension folder instead

Stop with Ctrl-C (or close the browser window); the temporary profile is deleted.`;

const { values } = parseArgs({
  options: {
    headed: { type: 'boolean', default: false },
    headless: { type: 'boolean', default: false },
    smoke: { type: 'boolean', default: false },
    seed: { type: 'boolean', default: false },
    url: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    port: { type: 'string', default: '0' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(HELP);
  process.exit(0);
}

const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const headless = values.headless && !values.headed;
if (!headless && !hasDisplay && !values.headed) {
  console.error(`No display found (DISPLAY is not set), so no browser window can open.
  - On a desktop, run npm start from a terminal inside it.
  - Or give it a virtual display: xvfb-run npm start -- --headed
  - Or run without a window: npm start -- --headless (add --smoke to check it works and exit).`);
  process.exit(1);
}

const startUrl = values.url ?? (values.seed ? seedArticleUrl : demoArticleUrl);
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535)
  fail(`--port must be a port number, got "${values.port}"`);

const cleanups: (() => Promise<void>)[] = [];
let stopping = false;

async function main(): Promise<void> {
  if (!values['no-build']) await run('npx', ['wxt', 'build']);
  const extension = extensionDir();
  assertBuilt(extension);
  const executable = chromiumPath();

  const web = await startTestWeb({ sites: allSites(), port });
  cleanups.push(() => web.close());

  const profile = await mkdtemp(path.join(tmpdir(), 'cited-demo-profile-'));
  cleanups.push(() => rm(profile, { recursive: true, force: true, maxRetries: 3 }));
  const extensionId = unpackedExtensionId(extension);
  await pinToToolbar(profile, extensionId);

  const flags = chromiumFlags({
    extensionDir: extension,
    proxyUrl: web.proxyUrl,
    directRoutes: web.directRoutes(),
    headless,
    debugging: values.smoke,
  });
  const logFile = path.join(profile, 'chromium.log');
  const browser = spawn(executable, [...flags, '--test-type', `--user-data-dir=${profile}`, startUrl], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // Chromium's own chatter goes to a log file rather than over the instructions.
  browser.stderr?.pipe(createWriteStream(logFile));
  cleanups.unshift(() => stopBrowser(browser));

  console.log(`
Cited demo running${headless ? ' (headless)' : ''}.
  Opened:     ${startUrl}
  Extension:  ${extension} (id ${extensionId})
  Browser:    ${executable}, profile ${profile} (deleted on exit; log in chromium.log there)
  Test web:   ${web.proxyUrl} (the browser's proxy: every host it visits is played locally)
${headless ? '' : '\nClick the Cited button in the toolbar (or the puzzle-piece menu, then Cited) to open the side panel.'}
Stop with Ctrl-C${headless ? '' : ' or by closing the browser window'}.`);

  browser.once('exit', (code) => {
    if (!stopping) void stop(values.smoke ? 1 : 0, `Chromium exited (code ${code}).`);
  });
  if (values.smoke) {
    await smokeCheck(web, profile, extensionId);
    await stop(0, 'Smoke check passed.');
  }
}

/** The article's request finished, a tab shows it with its title, and Cited's service worker runs. */
async function smokeCheck(web: TestWeb, profile: string, extensionId: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  let last = 'nothing yet';
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const served = web.requests.some((r) => r.url === startUrl && r.endedAt !== null && !r.connection);
    const targets = await devtoolsTargets(profile).catch(() => []);
    const tab = targets.find((t) => t.type === 'page' && t.url === startUrl);
    const worker = targets.find(
      (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`),
    );
    const titled = startUrl !== demoArticleUrl || tab?.title.startsWith(demoArticleTitle);
    if (served && tab && titled && worker) {
      console.log(
        `Smoke: "${tab.title}" loaded from the test web; Cited's service worker runs (${worker.url}).`,
      );
      return;
    }
    last = `article served: ${served}, tab: ${tab ? `"${tab.title}"` : 'none'}, Cited worker: ${Boolean(worker)}`;
  }
  throw new Error(`Smoke check failed after 30 s (${last}).`);
}

interface DevtoolsTarget {
  type: string;
  url: string;
  title: string;
}

async function devtoolsTargets(profile: string): Promise<DevtoolsTarget[]> {
  const [debugPort] = (await readFile(path.join(profile, 'DevToolsActivePort'), 'utf8')).split('\n');
  const response = await fetch(`http://127.0.0.1:${debugPort}/json/list`);
  return (await response.json()) as DevtoolsTarget[];
}

/** A fresh profile would hide Cited under the puzzle-piece menu; pinning it puts the button in the toolbar. */
async function pinToToolbar(profile: string, extensionId: string): Promise<void> {
  await mkdir(path.join(profile, 'Default'), { recursive: true });
  const preferences = { extensions: { pinned_extensions: [extensionId] } };
  await writeFile(path.join(profile, 'Default', 'Preferences'), JSON.stringify(preferences));
}

function run(command: string, args: string[]): Promise<void> {
  console.log(`> ${command} ${args.join(' ')}`);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed (exit ${code})`)),
    );
  });
}

async function stopBrowser(browser: ChildProcess): Promise<void> {
  if (browser.exitCode !== null || browser.signalCode !== null) return;
  const exited = new Promise((resolve) => browser.once('exit', resolve));
  browser.kill('SIGTERM');
  const timer = setTimeout(() => browser.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

async function stop(code: number, message?: string): Promise<never> {
  stopping = true;
  if (message) (code === 0 ? console.log : console.error)(message);
  for (const cleanup of cleanups)
    await cleanup().catch((error) => console.error(`cleanup: ${String(error)}`));
  process.exit(code);
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(
    signal,
    () => void stop(0, '\nStopping: closing Chromium and the test web, removing the profile.'),
  );
}

main().catch((error: unknown) => stop(1, errorMessage(error)));
