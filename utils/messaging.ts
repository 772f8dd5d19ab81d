import { defineExtensionMessaging } from '@webext-core/messaging';
import { browser } from 'wxt/browser';
import { CitedError } from '../core/errors/cited-error';

import type { ProtocolMap } from './protocol';

const quiet = { debug() {}, log() {}, warn: console.warn, error: console.error };

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>({
  logger: quiet,
});

/**
 * Refuses a message that does not come from one of Cited's own pages (the panel, the library): a content script
 * runs inside web pages, and a page that subverted it must not make Cited request or store what it chooses.
 */
export function assertFromExtensionPage(
  sender: { id?: string; url?: string } | undefined,
  refusal: string,
): void {
  if (sender?.id === browser.runtime.id && sender.url?.startsWith(browser.runtime.getURL('/'))) return;
  throw new CitedError('no-access', refusal);
}
