import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { builtExtensionDir } from './paths';
import { chromiumRouting } from './routing';
import type { DirectRoutes } from './server';

/** Debian's Chromium, or the one CHROME_PATH names; never a downloaded browser. */
export function chromiumPath(): string {
  const executable = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executable)) {
    throw new Error(`No Chromium at ${executable}: apt-get install chromium, or set CHROME_PATH.`);
  }
  return executable;
}

/** The built extension: CITED_EXTENSION_DIR, else <CITED_OUT_DIR or .output>/chrome-mv3. */
export function extensionDir(): string {
  return builtExtensionDir('chrome-mv3', 'CITED_EXTENSION_DIR');
}

export function assertBuilt(dir: string, overrideVariable = 'CITED_EXTENSION_DIR'): void {
  if (!existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(`No built extension in ${dir}: run npm run build first (or set ${overrideVariable}).`);
  }
}

/** Chromium names an unpacked extension after its folder: the SHA-256 of the path, in letters a-p. */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(path.resolve(dir)).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}

export interface ChromiumFlags {
  extensionDir: string;
  proxyUrl: string;
  /** Hosts reached without the proxy, to fail as on the open web (TestWeb.directRoutes()). */
  directRoutes?: DirectRoutes;
  headless: boolean;
  /** Remote debugging on a free port (written to <profile>/DevToolsActivePort), and Extensions.triggerAction. */
  debugging: boolean;
}

/** The flags every Cited Chromium runs with: e2e tests and `npm start` alike. */
export function chromiumFlags(flags: ChromiumFlags): string[] {
  const runningAsRoot = process.getuid?.() === 0;
  return [
    `--disable-extensions-except=${flags.extensionDir}`,
    `--load-extension=${flags.extensionDir}`,
    ...(flags.directRoutes
      ? chromiumRouting(Number(new URL(flags.proxyUrl).port), flags.directRoutes)
      : [`--proxy-server=${flags.proxyUrl}`]),
    // The test web's certificate is a throwaway self-signed one.
    '--ignore-certificate-errors',
    ...(flags.debugging
      ? // Port 0 = any free port; Extensions.triggerAction (a toolbar click over CDP) needs the unsafe flag.
        ['--remote-debugging-port=0', '--enable-unsafe-extension-debugging']
      : []),
    ...(flags.headless ? ['--headless', '--disable-gpu'] : []),
    // Chromium refuses to run as root with its sandbox on.
    ...(flags.headless || runningAsRoot ? ['--no-sandbox'] : []),
    '--disable-quic',
    '--no-first-run',
    '--no-default-browser-check',
    // Without these Chromium reaches for Google hosts, which a closed network refuses.
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}
