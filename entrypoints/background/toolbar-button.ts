import { browser } from 'wxt/browser';

/** Cited's toolbar button: `action` in the Chrome MV3 build, `browserAction` in Firefox's MV2 build (same calls). */
export type ToolbarButton = typeof browser.action;

export function toolbarButton(): ToolbarButton | undefined {
  return browser.action ?? (browser as unknown as { browserAction?: ToolbarButton }).browserAction;
}
