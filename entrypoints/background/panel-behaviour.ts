import { browser } from 'wxt/browser';
import { toolbarButton } from './toolbar-button';

/** The toolbar button (and its shortcut) opens the side panel on the current tab. */
export function registerPanelBehaviour(): void {
  // Chrome: the browser opens the panel itself on a click or on _execute_action.
  const sidePanel = (globalThis as { chrome?: typeof chrome }).chrome?.sidePanel;
  if (sidePanel) {
    // A click that lands before the behaviour below has taken effect (a worker still starting) reaches
    // onClicked instead of opening the panel; open it from there, the click being the reader's gesture.
    chrome.action.onClicked.addListener((tab) => {
      if (tab.id === undefined) return;
      sidePanel.open({ tabId: tab.id }).catch((error: unknown) => {
        console.error('Cited: could not open the side panel', error);
      });
    });
    sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch((error: unknown) => {
      console.error('Cited: could not make the toolbar button open the side panel', error);
    });
    return;
  }
  // Firefox: the sidebar belongs to sidebar_action; the toolbar button toggles it. toggle() must run inside
  // the click handler itself, which is what Firefox counts as the reader's gesture.
  const sidebarAction = (browser as unknown as { sidebarAction?: { toggle(): Promise<void> } }).sidebarAction;
  const button = toolbarButton();
  if (sidebarAction && button) {
    button.onClicked.addListener(() => {
      sidebarAction.toggle().catch((error: unknown) => {
        console.error('Cited: could not open the sidebar', error);
      });
    });
  }
}
