import { browser } from 'wxt/browser';
import { SAVE_COMMAND } from '../../../utils/extension-pages';

/** The keyboard command (manifest `commands`) that saves the active tab. */

export const MENU = {
  save: 'cited-save-snapshot',
  saveWithSources: 'cited-save-with-sources',
  openLibrary: 'cited-open-library',
  savePage: 'cited-save-page',
} as const;

export type SaveRequestFromBrowser = (tabId: number, withSources: boolean) => void;

interface MenuItem {
  id: string;
  title: string;
  contexts: string[];
}

export interface MenusApi {
  create(item: MenuItem): unknown;
  removeAll(): Promise<void>;
  onClicked: {
    addListener(
      listener: (info: { menuItemId: string | number }, tab?: { id?: number; windowId?: number }) => void,
    ): void;
  };
}

export function menusApi(): MenusApi | undefined {
  const api = browser as unknown as { contextMenus?: MenusApi; menus?: MenusApi };
  return api.contextMenus ?? api.menus;
}

/** Firefox's build: MV2, with a background page where Chrome has an MV3 service worker. */
function isFirefoxBuild(): boolean {
  return browser.runtime.getManifest().manifest_version === 2;
}

/** The toolbar button's own menu is `action` in MV3 (Chrome) and `browser_action` in Firefox's MV2 build. */
export function toolbarContext(): string {
  return isFirefoxBuild() ? 'browser_action' : 'action';
}

export function menuItems(toolbar: string): MenuItem[] {
  return [
    { id: MENU.save, title: 'Save snapshot', contexts: [toolbar] },
    { id: MENU.saveWithSources, title: 'Save snapshot with sources', contexts: [toolbar] },
    { id: MENU.openLibrary, title: 'Open the snapshot library', contexts: [toolbar] },
    { id: MENU.savePage, title: 'Save page snapshot with Cited', contexts: ['page'] },
  ];
}

async function createMenus(api: MenusApi): Promise<void> {
  await api.removeAll();
  for (const item of menuItems(toolbarContext())) api.create(item);
}

async function activeTabId(windowId?: number): Promise<number | undefined> {
  const [tab] = await browser.tabs.query(
    windowId === undefined ? { active: true, lastFocusedWindow: true } : { active: true, windowId },
  );
  return tab?.id;
}

/**
 * The context menu items and the shortcut. Listeners are added synchronously at start-up (a woken MV3 worker
 * must see the event that woke it); the items are made at install and browser start in Chrome, which keeps them, and
 * at every start of Firefox's background page, since Firefox does not.
 */
export interface CommandsApi {
  onCommand: {
    addListener(listener: (command: string, tab?: { id?: number }) => void): void;
  };
}

export function registerSnapshotTriggers(
  save: SaveRequestFromBrowser,
  openLibrary: () => void,
  apis: { menus?: MenusApi; commands?: CommandsApi } = {
    menus: menusApi(),
    commands: browser.commands as unknown as CommandsApi | undefined,
  },
): void {
  const api = apis.menus;
  if (api) {
    // One creation at a time: two overlapping runs would each add the items after the other's removeAll.
    let creating = Promise.resolve();
    const create = () => {
      creating = creating
        .then(() => createMenus(api))
        .catch((error: unknown) => console.error('Cited: could not add its menu items', error));
    };
    if (isFirefoxBuild()) {
      // Firefox's background page starts once per browser start or add-on enable, and Firefox forgets the items
      // when the add-on stops; re-enabling it fires neither onInstalled nor onStartup.
      create();
    } else {
      browser.runtime.onInstalled.addListener(create);
      browser.runtime.onStartup.addListener(create);
    }
    api.onClicked.addListener((info, tab) => {
      if (info.menuItemId === MENU.openLibrary) return openLibrary();
      const withSources = info.menuItemId === MENU.saveWithSources;
      if (info.menuItemId !== MENU.save && info.menuItemId !== MENU.savePage && !withSources) return;
      const known =
        tab?.id !== undefined && tab.id >= 0 ? Promise.resolve(tab.id) : activeTabId(tab?.windowId);
      void known.then((tabId) => {
        if (tabId !== undefined) save(tabId, withSources);
      });
    });
  }
  apis.commands?.onCommand.addListener((command, tab) => {
    if (command !== SAVE_COMMAND) return;
    const known = tab?.id !== undefined ? Promise.resolve(tab.id) : activeTabId();
    void known.then((tabId) => {
      if (tabId !== undefined) save(tabId, false);
    });
  });
}
