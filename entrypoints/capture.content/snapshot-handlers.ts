import { browser } from 'wxt/browser';
import { captureArticle } from '../../core/capture';
import { prepareSnapshotDocument, serializeDocument } from '../../core/snapshot/live-state';
import { onMessage } from '../../utils/messaging';

/**
 * The snapshot's part of the capture script: hands the background the page as the reader sees it (typed form
 * values, the image each `<img>` shows, scroll positions, canvases, CSSOM-only styles, open shadow roots, hidden
 * elements marked, `<noscript>` text made markup again), serialised from a clone (the live page is never changed),
 * with the article and its citations read at the same moment. Guarded like the script's other handlers: one
 * listener however often it is injected.
 */
const INSTALLED = Symbol.for('cited.snapshot-handlers.installed');

type Marked = typeof globalThis & { [INSTALLED]?: { isAlive(): boolean } };

export function installSnapshotHandlers(): 'installed' | 'already-installed' {
  const scope = globalThis as Marked;
  if (scope[INSTALLED]?.isAlive()) return 'already-installed';
  onMessage('snapshotPage', () => ({
    html: serializeDocument(prepareSnapshotDocument(document)),
    url: location.href,
    capture: captureArticle(document),
  }));
  scope[INSTALLED] = { isAlive: () => Boolean(browser.runtime?.id) };
  return 'installed';
}
