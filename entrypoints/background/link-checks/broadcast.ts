import { createUpdateBatcher } from '../../../core/check-run/update-batch';
import type { CheckSnapshot } from '../../../core/citation-status/types';
import { isNoReceiverError } from '../../../utils/browser-errors';
import { sendMessage } from '../../../utils/messaging';

/** Ten messages a second at most: quicker than a reader notices, rarer than a long article's answers. */
const BROADCAST_INTERVAL_MS = 100;

const batcher = createUpdateBatcher((update) => {
  sendMessage('checkUpdate', update).catch((error: unknown) => {
    if (!isNoReceiverError(error)) console.warn('Cited: could not tell the panel about a check', error);
  });
}, BROADCAST_INTERVAL_MS);

/** Tells every open panel and extension page what changed, batched. Fire-and-forget. */
export function broadcastCheckUpdate(update: Partial<CheckSnapshot>): void {
  batcher.add(update);
}
