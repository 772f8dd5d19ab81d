import { CitedError } from '../../../core/errors/cited-error';
import { asCitedError, type SaveProgress, type SnapshotWorker } from '../../../core/save-job/types';
import { sendMessage } from '../../../utils/messaging';
import { type OffscreenDocument, sharedOffscreenDocument } from '../offscreen-document';

/**
 * Firefox: the background page runs the job itself. The job's code (the snapshot engine, Readability, DOMPurify) is
 * loaded on the first save, so Chrome's service worker, which never runs it, does not carry it at all.
 */
function lazyDirectWorker(emit: (progress: SaveProgress) => void): SnapshotWorker {
  return {
    async run(request) {
      const { directWorker } = await import('../../../core/save-job/direct-worker');
      return directWorker(emit).run(request);
    },
  };
}

/** Chrome: each save runs in the offscreen document, the one the worker shares with its other DOM work. */
export function offscreenWorker(document: OffscreenDocument): SnapshotWorker {
  return {
    async run(request) {
      try {
        return await document.use(() => sendMessage('offscreenSaveJob', request));
      } catch (error) {
        throw asCitedError(error);
      }
    },
  };
}

/** The worker for this browser. */
export function snapshotWorker(emit: (progress: SaveProgress) => void): SnapshotWorker {
  // Decided at build time: the Chrome build has no copy of the job code in its worker.
  if (import.meta.env.FIREFOX) return lazyDirectWorker(emit);
  const document = sharedOffscreenDocument();
  if (document) return offscreenWorker(document);
  throw new CitedError('internal', 'This browser offers Cited no place to build snapshots.');
}
