import { browserJobDeps } from '../../core/save-job/platform-deps';
import { runSaveJob } from '../../core/save-job/save-job';
import { onMessage, sendMessage } from '../../utils/messaging';

/**
 * Chrome's offscreen document: the DOM the MV3 worker lacks. It builds snapshots (DOMParser, inlining images,
 * styles and fonts with the extension's host permissions) and stores them; the worker opens it for a save and
 * closes it when idle. Progress goes straight to the extension's pages (and the worker) as `snapshotProgress`.
 */
onMessage('offscreenSaveJob', ({ data }) =>
  runSaveJob(
    data,
    browserJobDeps((progress) => {
      sendMessage('snapshotProgress', progress).catch(() => {
        // No page is listening (the panel is closed): nothing to tell.
      });
    }),
  ),
);
