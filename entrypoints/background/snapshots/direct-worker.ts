import type { SaveProgress } from '../../../core/snapshot/save-job-types';
import { browserJobDeps } from './job-deps';
import { runSaveJob } from './save-job';
import type { SnapshotWorker } from './worker';

/** Any background with a DOM (Firefox's background page): run the job here, telling the extension's pages. */
export function directWorker(emit: (progress: SaveProgress) => void): SnapshotWorker {
  return { run: (request) => runSaveJob(request, browserJobDeps(emit)) };
}
