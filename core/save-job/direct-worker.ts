import { browserJobDeps } from './platform-deps';
import { runSaveJob } from './save-job';
import type { SaveProgress, SnapshotWorker } from './types';

/** Any background with a DOM (Firefox's background page): run the job here, telling the extension's pages. */
export function directWorker(emit: (progress: SaveProgress) => void): SnapshotWorker {
  return { run: (request) => runSaveJob(request, browserJobDeps(emit)) };
}
