import { browser } from 'wxt/browser';

/** The toolbar button (and its shortcut) opens the side panel on the current tab. */
export function registerPanelBehaviour(): void {
  // Chrome only: Firefox opens the sidebar through sidebar_action and _execute_sidebar_action.
  const sidePanel = (globalThis as { chrome?: typeof chrome }).chrome?.sidePanel;
  sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch((error: unknown) => {
    console.error('Cited: could not make the toolbar button open the side panel', error);
  });
  browser.runtime.onInstalled.addListener(() => {});
}
