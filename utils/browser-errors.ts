/**
 * The one place that reads the browser's own error messages, which carry no codes: Chrome and Firefox word the
 * same failure differently, and a message matched in four places drifts apart.
 */

function messageOf(error: unknown): string {
  return String((error as Error)?.message ?? error);
}

/** The tab is gone (closed, or its id no longer valid): Chrome "No tab with id", Firefox "Invalid tab ID". */
export function isTabGoneError(error: unknown): boolean {
  return /no tab with id|tab was closed|invalid tab( id)?\b/i.test(messageOf(error));
}

/** Nothing listens at the other end: no panel open, no content script in the page. Expected of a broadcast. */
export function isNoReceiverError(error: unknown): boolean {
  return /receiving end does not exist|could not establish connection|no response|message port closed/i.test(
    messageOf(error),
  );
}

/** The page being talked to was replaced meanwhile: a navigation, a removed frame, the back/forward cache. */
export function isPageReplacedError(error: unknown): boolean {
  return (
    isNoReceiverError(error) ||
    /\bframe\b.*\b(was removed|not found)|no frame with id|document .* (unloaded|removed)|back\/forward cache/i.test(
      messageOf(error),
    )
  );
}

/** The answer was over the browser's message limit (Chrome: 64 MiB): the page, not Cited, was too big. */
export function isMessageTooBigError(error: unknown): boolean {
  return /message (length )?exceeded|maximum allowed size|message too (long|large)/i.test(messageOf(error));
}

/** The tab shows the browser's own error page (the site could not be reached), which nothing may script. */
export function isErrorPageError(error: unknown): boolean {
  return /error page/i.test(messageOf(error));
}

/** The browser does not let an extension script this page (its stores, its own pages, a missing permission). */
export function isScriptingRefusedError(error: unknown): boolean {
  return /gallery cannot be scripted|cannot access a chrome|cannot access contents|missing host permission|permission/i.test(
    messageOf(error),
  );
}
