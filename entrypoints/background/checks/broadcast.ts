import type { CheckSnapshot } from '../../../core/citation-status/types';
import { sendMessage } from '../../../utils/messaging';

/** What the browser says when no extension page listens (no panel open): expected, not an error. */
export function isNoReceiverError(error: unknown): boolean {
  const message = String((error as Error)?.message ?? error);
  return /receiving end does not exist|could not establish connection|no response/i.test(message);
}

/** Tells every open panel and extension page what changed. Fire-and-forget. */
export function broadcastCheckUpdate(update: Partial<CheckSnapshot>): void {
  sendMessage('checkUpdate', update).catch((error: unknown) => {
    if (!isNoReceiverError(error)) console.warn('Cited: could not tell the panel about a check', error);
  });
}
