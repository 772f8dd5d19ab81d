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
