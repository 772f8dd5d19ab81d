/**
 * The one message contract between Cited's contexts: content script, background worker,
 * side panel and extension pages. Each feature owns a section; `ProtocolMap` joins them.
 *
 * Errors thrown by a handler reach the sender as an Error with the same `name`, `message`
 * and `code` (see core/errors), so a panel can tell "restricted page" from "no article".
 */
import type { CaptureResult } from '../core/citations/types';

/** Handled by the content script in the article's tab. */
export interface PageProtocol {
  /** Capture the article and its citations from the live page. */
  capturePage(): CaptureResult;
  /**
   * Scroll to one occurrence of a citation and flash a highlight on it.
   * `found` is false when the link is no longer on the page (it was removed or re-rendered).
   */
  highlightLink(data: { linkIndex: number; url: string }): { found: boolean };
}

export type ProtocolMap = PageProtocol;
