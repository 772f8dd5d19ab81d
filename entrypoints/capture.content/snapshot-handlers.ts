import { captureArticle } from '../../core/capture';
import { prepareSnapshotDocument, serializeDocument } from '../../core/snapshot/live-state';
import { onMessage } from '../../utils/messaging';
import { type Installation, installOnce } from './install-once';

/**
 * The snapshot's part of the capture script: hands the background the page as the reader sees it (typed form
 * values, the image each `<img>` shows, scroll positions, canvases, CSSOM-only styles, open shadow roots, hidden
 * elements marked, `<noscript>` text made markup again), serialised from a clone (the live page is never changed),
 * with the article and its citations read at the same moment. Guarded like the script's other handlers: one
 * listener however often it is injected.
 */
export function installSnapshotHandlers(): Installation {
  return installOnce('cited.snapshot-handlers.installed', () => {
    onMessage('snapshotPage', () => ({
      html: serializeDocument(prepareSnapshotDocument(document)),
      url: location.href,
      capture: captureArticle(document),
    }));
  });
}
