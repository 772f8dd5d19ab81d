import { captureArticleInSteps } from '../../core/capture';
import { prepareSnapshotDocument, serializeDocument } from '../../core/snapshot/live-state';
import { onMessage } from '../../utils/messaging';
import { type Installation, installOnce } from './install-once';
import { pageTurn } from './page-turn';

/**
 * The snapshot's part of the capture script: hands the background the page as the reader sees it (typed form
 * values, the image each `<img>` shows, scroll positions, canvases, CSSOM-only styles, open shadow roots, hidden
 * elements marked, `<noscript>` text made markup again), serialised from a clone (the live page is never changed),
 * with the article and its citations. Guarded like the script's other handlers: one listener however often it is
 * injected.
 *
 * The page is copied in one task, so the copy is of one moment; the article is then read from the live page in
 * steps, the page given its turn between them as when the panel reads it, so saving a long article does not freeze
 * the page the reader is on for the whole read.
 */
export function installSnapshotHandlers(): Installation {
  return installOnce('cited.snapshot-handlers.installed', () => {
    onMessage('snapshotPage', async () => {
      const html = serializeDocument(prepareSnapshotDocument(document));
      const url = location.href;
      await pageTurn();
      return { html, url, capture: await captureArticleInSteps(document, pageTurn) };
    });
  });
}
