import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { builtExtensionDir } from '../web/paths';
import { firefoxRouting } from '../web/routing';
import type { DirectRoutes } from '../web/server';

/** Debian's Firefox ESR, or the one FIREFOX_PATH names; never a downloaded browser. */
export function firefoxPath(): string {
  return process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
}

/** Why the Firefox tests cannot run on this machine, or undefined when they can. */
export function firefoxMissing(): string | undefined {
  const executable = firefoxPath();
  if (existsSync(executable)) return undefined;
  return `Firefox not found at ${executable}; install Debian's firefox-esr or set FIREFOX_PATH`;
}

/** The built add-on: CITED_FIREFOX_EXTENSION_DIR, else <CITED_OUT_DIR or .output>/firefox-mv2. */
export function firefoxExtensionDir(): string {
  return builtExtensionDir('firefox-mv2', 'CITED_FIREFOX_EXTENSION_DIR');
}

/** The add-on's id as its manifest declares it: Firefox keys the extension UUID pref by it. */
export function addonId(extensionDir: string): string {
  const manifest = JSON.parse(readFileSync(path.join(extensionDir, 'manifest.json'), 'utf8'));
  const id: unknown = manifest.browser_specific_settings?.gecko?.id;
  if (typeof id !== 'string') throw new Error(`${extensionDir}/manifest.json declares no gecko id`);
  return id;
}

export interface FirefoxPrefsOptions {
  proxyPort: number;
  directRoutes: DirectRoutes;
  addonId: string;
  /** The moz-extension:// host the add-on gets, so tests know its pages' addresses before installing it. */
  uuid: string;
}

export function firefoxPrefs(options: FirefoxPrefsOptions): Record<string, unknown> {
  return {
    // Every request, HTTPS and localhost included, goes to the test web, but for the hosts that must fail as on the
    // open web (see test/web/routing.ts).
    ...firefoxRouting(options.proxyPort, options.directRoutes),
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
    'network.dns.disablePrefetch': true,
    // No QUIC: the test web is reached through a TCP proxy, as Chromium's --disable-quic does.
    'network.http.http3.enable': false,
    'extensions.webextensions.uuids': JSON.stringify({ [options.addonId]: options.uuid }),
    // The browser console (the add-on's background page included) on stdout, where the fixtures read it.
    'devtools.console.stdout.content': true,
    'devtools.console.stdout.chrome': true,
    'browser.dom.window.dump.enabled': true,
  };
}

/** Tests log this through the background page to prove its console reaches them; it is not an error. */
export const CONSOLE_PROBE = 'cited-e2e console probe';

/** The lines of Firefox's output that are errors or warnings from the add-on. */
export function extensionErrors(lines: string[]): string[] {
  return lines.filter(
    (line) =>
      /moz-extension:\/\/|cited/i.test(line) &&
      /error|exception|warn/i.test(line) &&
      !line.includes(CONSOLE_PROBE),
  );
}
