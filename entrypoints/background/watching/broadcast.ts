import { isNoReceiverError } from '../../../utils/browser-errors';
import { sendMessage } from '../../../utils/messaging';

/** Tells open panels and pages that these watched articles changed, so they read them again. Fire-and-forget. */
export function broadcastWatchesChanged(keys: string[]): void {
  if (keys.length === 0) return;
  sendMessage('watchesChanged', { keys }).catch((error: unknown) => {
    if (!isNoReceiverError(error))
      console.warn('Cited: could not tell the pages about watched articles', error);
  });
}
