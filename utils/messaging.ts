import { defineExtensionMessaging } from '@webext-core/messaging';
import { browser } from 'wxt/browser';
import { CitedError, deserializeError, isSerializedError } from '../core/errors/cited-error';
import type { ProtocolMap } from './protocol';

const quiet = { debug() {}, log() {}, warn: console.warn, error: console.error };

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>({
  logger: quiet,
});

/** What the browser says when nothing listens (no panel open): expected of a broadcast, not a failure. */
export function isNoReceiverError(error: unknown): boolean {
  const message = String((error as Error)?.message ?? error);
  return /receiving end does not exist|could not establish connection|no response/i.test(message);
}

/**
 * A CitedError thrown in another context arrives as a plain object that kept its code; this gives it its class
 * back. Undefined for any other failure, which the caller puts in its own words.
 */
export function revivedCitedError(error: unknown): CitedError | undefined {
  if (error instanceof CitedError) return error;
  if (isSerializedError(error) && error.name === 'CitedError') return deserializeError(error);
  return undefined;
}

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
