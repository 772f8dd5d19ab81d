import { browser } from 'wxt/browser';

/**
 * The panel injects the capture script before each request, so each set of handlers must be installed once
 * however often the script runs. A marker in the content script's own world (invisible to the page) records the
 * live installation; after an extension update the old one's runtime is gone and a fresh installation takes over.
 */
export type Installation = 'installed' | 'already-installed';

type Marked = typeof globalThis & { [marker: symbol]: { isAlive(): boolean } | undefined };

export function installOnce(marker: string, install: () => void): Installation {
  const key = Symbol.for(marker);
  const scope = globalThis as Marked;
  if (scope[key]?.isAlive()) return 'already-installed';
  install();
  scope[key] = { isAlive: () => Boolean(browser.runtime?.id) };
  return 'installed';
}
