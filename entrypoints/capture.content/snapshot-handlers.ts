import { browser } from 'wxt/browser';
import { captureArticle } from '../../core/capture';
import { prepareSnapshotDocument, serializeDocument } from '../../core/snapshot/live-state';
import { onMessage } from '../../utils/messaging';

/**
 * The snapshot's part of the capture script: hands the background the page as the reader sees it (typed form
 * values, the image each `<img>` shows, scroll positions, canvases, CSSOM-only styles, open shadow roots, hidden
 * elements marked), serialised from a clone (the live page is never changed), with the article and its citations
 * read at the same moment. Guarded like the script's other handlers: one listener however often it is injected.
 */
const INSTALLED = Symbol.for('cited.snapshot-handlers.installed');

type Marked = typeof globalThis & { [INSTALLED]?: { isAlive(): boolean } };

/**
 * On a page with scripting on, a `<noscript>` holds its markup as one raw text node. Serialised from the clone
 * (a document without scripting) that text is escaped, and when the snapshot builder parses it again the escaped
 * text of a `<noscript>` in `<head>` spills into the body as visible text ("<link rel=stylesheet …>" at the top
 * of the page). Parsing it into elements here keeps it markup: the builder reads its images, then drops it.
 */
export function noscriptAsMarkup(clone: Document): void {
  for (const noscript of Array.from(clone.querySelectorAll('noscript'))) {
    if (noscript.children.length > 0 || !/</.test(noscript.textContent ?? '')) continue;
    const template = clone.createElement('template');
    template.innerHTML = noscript.textContent ?? '';
    noscript.replaceChildren(template.content);
  }
}

/** The live page as the builder needs it: its live state written into a clone, serialised. */
export function preparedPageHtml(live: Document): string {
  const clone = prepareSnapshotDocument(live);
  noscriptAsMarkup(clone);
  return serializeDocument(clone);
}

export function installSnapshotHandlers(): 'installed' | 'already-installed' {
  const scope = globalThis as Marked;
  if (scope[INSTALLED]?.isAlive()) return 'already-installed';
  onMessage('snapshotPage', () => ({
    html: preparedPageHtml(document),
    url: location.href,
    capture: captureArticle(document),
  }));
  scope[INSTALLED] = { isAlive: () => Boolean(browser.runtime?.id) };
  return 'installed';
}
