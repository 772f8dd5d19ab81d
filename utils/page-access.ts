import { browser } from 'wxt/browser';
import { type RestrictedReason, restrictionFor } from '../core/capture/restricted';
import { CitedError, errorMessage, revivedCitedError } from '../core/errors/cited-error';
import {
  isErrorPageError,
  isMessageTooBigError,
  isPageReplacedError,
  isScriptingRefusedError,
  isTabGoneError,
} from './browser-errors';

/** Where WXT puts the runtime-registered content script of entrypoints/capture.content/. */
export const CAPTURE_SCRIPT_FILE = '/content-scripts/capture.js';

/**
 * Why Cited cannot read the tab at `url`, asking the browser whether the reader allowed local files.
 * `url` is undefined when the browser hides the address (pages outside Cited's host permissions).
 */
export async function pageRestriction(url: string | undefined): Promise<RestrictedReason | null> {
  if (url === undefined) return 'not-web-page';
  const fileSchemeAccess = url.startsWith('file:') ? await isAllowedFileSchemeAccess() : false;
  return restrictionFor(url, { fileSchemeAccess });
}

async function isAllowedFileSchemeAccess(): Promise<boolean> {
  try {
    return await browser.extension.isAllowedFileSchemeAccess();
  } catch {
    return false;
  }
}

/**
 * The key under which the capture script marks itself installed, in the content scripts' own world (the page
 * cannot see it). A `Symbol.for` key, so the probe below finds it without sharing any code.
 */
export const CAPTURE_SCRIPT_MARKER = 'cited.capture-script.installed';

/**
 * Makes sure the capture content script listens in the tab's top frame. A tiny probe asks first, so the full
 * script is injected only into pages that lack it; the script also guards itself, so a second injection adds
 * no listeners. Throws a CitedError the panel can put in words.
 */
export async function ensureCaptureScript(tabId: number): Promise<void> {
  try {
    const [probe] = await browser.scripting.executeScript({
      target: { tabId },
      func: (marker: string) =>
        (globalThis as unknown as Record<symbol, { isAlive?: () => boolean } | undefined>)[
          Symbol.for(marker)
        ]?.isAlive?.() === true,
      args: [CAPTURE_SCRIPT_MARKER],
    });
    if (probe?.result === true) return;
    await browser.scripting.executeScript({ target: { tabId }, files: [CAPTURE_SCRIPT_FILE] });
  } catch (error) {
    throw injectionError(error);
  }
}

/**
 * Asks the capture script in the tab, injecting it first when needed. A page that never answers (a frozen tab)
 * fails after `timeoutMs` instead of leaving the reader waiting; every failure arrives as a CitedError: the
 * script's own with their code, the browser's put in words.
 */
export async function askCaptureScript<T>(
  tabId: number,
  ask: () => Promise<T>,
  timeoutMs: number,
): Promise<T> {
  await ensureCaptureScript(tabId);
  return askInstalledCaptureScript(ask, timeoutMs);
}

/**
 * As `askCaptureScript`, for a script that answered before (the next part of a capture): nothing is injected, so a
 * page that changed meanwhile fails in words instead of being read afresh.
 */
export async function askInstalledCaptureScript<T>(ask: () => Promise<T>, timeoutMs: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new CitedError('timeout', 'The page did not answer in time. It may be busy; try again.')),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([ask(), timeout]);
  } catch (error) {
    throw revivedCitedError(error) ?? injectionError(error);
  } finally {
    clearTimeout(timer);
  }
}

/** Turns the browser's injection and messaging failures into errors with a code and plain words. */
export function injectionError(error: unknown): CitedError {
  if (error instanceof CitedError) return error;
  const message = errorMessage(error);
  // Checked first: the browser's words for an oversized answer can also mention the port closing.
  if (isMessageTooBigError(error)) {
    return new CitedError(
      'page-too-big',
      'This page is too big for Cited to read at once. Save a snapshot of it, or open a shorter version of it.',
      message,
    );
  }
  if (isTabGoneError(error)) {
    return new CitedError('page-not-ready', 'The tab was closed before Cited could read it.', message);
  }
  if (isPageReplacedError(error)) {
    return new CitedError(
      'page-not-ready',
      'The page changed while Cited was reading it. Wait for it to finish loading, then try again.',
      message,
    );
  }
  if (isErrorPageError(error)) {
    return new CitedError(
      'no-access',
      'This tab shows the browser’s error page, not the article. Reload it once it is reachable.',
      message,
    );
  }
  if (isScriptingRefusedError(error)) {
    return new CitedError('no-access', 'The browser did not let Cited read this page.', message);
  }
  return new CitedError('internal', 'Cited could not read this page.', message);
}
