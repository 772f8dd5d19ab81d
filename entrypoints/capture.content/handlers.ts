import { browser } from 'wxt/browser';
import { captureArticle } from '../../core/capture';
import { onMessage } from '../../utils/messaging';
import { CAPTURE_SCRIPT_MARKER } from '../../utils/page-access';
import { highlightLink } from './highlight';

/**
 * The panel injects this script before each request, so it must answer once however often it is injected. A
 * marker in the content script's own world (invisible to the page) records the live installation; after an
 * extension update the old one's runtime is gone and a fresh installation takes over.
 */
const INSTALLED = Symbol.for(CAPTURE_SCRIPT_MARKER);

interface Installation {
  isAlive(): boolean;
}

type Marked = typeof globalThis & { [INSTALLED]?: Installation };

export function installCaptureHandlers(): 'installed' | 'already-installed' {
  const scope = globalThis as Marked;
  if (scope[INSTALLED]?.isAlive()) return 'already-installed';
  onMessage('capturePage', () => captureArticle(document));
  onMessage('highlightLink', ({ data }) => highlightLink(document, data));
  scope[INSTALLED] = { isAlive: () => Boolean(browser.runtime?.id) };
  return 'installed';
}
