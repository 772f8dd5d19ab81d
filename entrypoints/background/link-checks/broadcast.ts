import type { CheckSnapshot } from '../../../core/citation-status/types';
import { isNoReceiverError } from '../../../utils/browser-errors';
import { sendMessage } from '../../../utils/messaging';

/** Tells every open panel and extension page what changed. Fire-and-forget. */
export function broadcastCheckUpdate(update: Partial<CheckSnapshot>): void {
  sendMessage('checkUpdate', update).catch((error: unknown) => {
    if (!isNoReceiverError(error)) console.warn('Cited: could not tell the panel about a check', error);
  });
}
