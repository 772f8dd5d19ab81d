import { RequestScheduler } from '../../core/linkcheck/scheduler';
import { browserJobDeps } from '../../core/save-job/platform-deps';
import { runSaveJob } from '../../core/save-job/save-job';
import { PER_HOST_REQUESTS } from '../../core/settings/settings';
import { onMessage, sendMessage } from '../../utils/messaging';
import { watchedQuoteVerdicts } from '../../utils/source-quotes';

/**
 * Chrome's offscreen document: the DOM the MV3 worker lacks. It builds snapshots (DOMParser, inlining images,
 * styles and fonts with the extension's host permissions) and stores them, and reads watched sources' text for
 * their quotations; the worker opens it for a job and closes it when idle. Progress goes straight to the
 * extension's pages (and the worker) as `snapshotProgress`.
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

// The watch run asks for one source at a time, right after its link check; the document's own scheduler keeps
// the same per-host limit should two runs' reads ever meet here.
const quoteReads = new RequestScheduler({ perHost: PER_HOST_REQUESTS });
onMessage('offscreenQuoteVerdicts', ({ data }) => watchedQuoteVerdicts(data.url, data.quotes, quoteReads));
