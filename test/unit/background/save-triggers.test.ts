import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  BADGE_MS,
  flashSaveResult,
  toolbarButton,
} from '../../../entrypoints/background/saving/save-result-badge';
import {
  type CommandsApi,
  MENU,
  type MenusApi,
  menuItems,
  registerSnapshotTriggers,
} from '../../../entrypoints/background/saving/save-triggers';

beforeEach(() => {
  fakeBrowser.reset();
  // The fake browser has no manifest; Cited's Chrome build is MV3.
  fakeBrowser.runtime.getManifest = () => ({ manifest_version: 3, name: 'Cited', version: '0.1.0' });
});

function fakeMenus() {
  let click:
    | ((info: { menuItemId: string | number }, tab?: { id?: number; windowId?: number }) => void)
    | undefined;
  const created: Array<{ id: string; contexts: string[] }> = [];
  const api: MenusApi = {
    create: (item) => created.push(item),
    removeAll: async () => {
      created.length = 0;
    },
    onClicked: { addListener: (listener) => (click = listener) },
  };
  return { api, created, click: (id: string, tab?: { id?: number }) => click?.({ menuItemId: id }, tab) };
}

function fakeCommands() {
  let listener: ((command: string, tab?: { id?: number }) => void) | undefined;
  const api: CommandsApi = { onCommand: { addListener: (l) => (listener = l) } };
  return { api, press: (command: string, tab?: { id?: number }) => listener?.(command, tab) };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 10));

/** Cited's four items, with the toolbar button's menu named as the build names it. */
function expectedItems(toolbar: string): Array<[string, string[]]> {
  return [
    [MENU.save, [toolbar]],
    [MENU.saveWithSources, [toolbar]],
    [MENU.openLibrary, [toolbar]],
    [MENU.savePage, ['page']],
  ];
}

describe('the context menus and the shortcut', () => {
  it('puts "Save snapshot" items on the toolbar button and on the page', async () => {
    const menus = fakeMenus();
    registerSnapshotTriggers(vi.fn(), vi.fn(), { menus: menus.api });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await flush();
    expect(menus.created.map((item) => [item.id, item.contexts])).toEqual(expectedItems('action'));
    // Firefox's MV2 build names the toolbar button's menu differently.
    expect(menuItems('browser_action')[0]?.contexts).toEqual(['browser_action']);
  });

  it('adds the items as soon as Firefox starts its background page, without waiting for an install event', async () => {
    fakeBrowser.runtime.getManifest = () => ({ manifest_version: 2, name: 'Cited', version: '0.1.0' });
    const menus = fakeMenus();
    registerSnapshotTriggers(vi.fn(), vi.fn(), { menus: menus.api });
    await flush();
    expect(menus.created.map((item) => [item.id, item.contexts])).toEqual(expectedItems('browser_action'));
  });

  it('saves the clicked tab, with sources when asked, and opens the library', async () => {
    const menus = fakeMenus();
    const save = vi.fn();
    const openLibrary = vi.fn();
    registerSnapshotTriggers(save, openLibrary, { menus: menus.api });
    menus.click(MENU.savePage, { id: 12 });
    menus.click(MENU.saveWithSources, { id: 13 });
    menus.click(MENU.openLibrary, { id: 13 });
    await flush();
    expect(save.mock.calls).toEqual([
      [12, false],
      [13, true],
    ]);
    expect(openLibrary).toHaveBeenCalledTimes(1);
  });

  it('the shortcut saves the active tab', async () => {
    const commands = fakeCommands();
    const save = vi.fn();
    registerSnapshotTriggers(save, vi.fn(), { commands: commands.api });
    const active = await fakeBrowser.tabs.create({ url: 'https://harbour.example/story', active: true });
    // The fake browser knows no focused window; the active tab of the focused one is this one.
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([active] as never);
    // Chrome passes the tab along; without one, the active tab of the focused window is meant.
    commands.press('save-snapshot', { id: 42 });
    commands.press('save-snapshot');
    commands.press('something-else', { id: 99 });
    await flush();
    expect(save.mock.calls).toEqual([
      [42, false],
      [active.id, false],
    ]);
    expect(query).toHaveBeenCalledWith({ active: true, lastFocusedWindow: true });
  });
});

describe('the toolbar badge after a save started without the panel', () => {
  it('shows ✓ with the result in the tooltip, then gives the badge back', async () => {
    const button = toolbarButton();
    await fakeBrowser.action.setBadgeText({ tabId: 3, text: '2' });
    await fakeBrowser.action.setTitle({ tabId: 3, title: 'Cited: 2 cited sources no longer stand' });
    let elapse: () => void = () => {};
    const waited = new Promise<void>((resolve) => {
      elapse = resolve;
    });
    const waits: number[] = [];
    const flashing = flashSaveResult(3, 'saved', 'Cited: saved “Story” (2.4 MB)', button, (ms) => {
      waits.push(ms);
      return waited;
    });
    await flush();
    expect(await fakeBrowser.action.getBadgeText({ tabId: 3 })).toBe('✓');
    expect(await fakeBrowser.action.getTitle({ tabId: 3 })).toBe('Cited: saved “Story” (2.4 MB)');
    elapse();
    await flashing;
    expect(waits).toEqual([BADGE_MS]);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 3 })).toBe('2');
    expect(await fakeBrowser.action.getTitle({ tabId: 3 })).toBe('Cited: 2 cited sources no longer stand');
  });

  it('shows ! for a failure, and leaves a badge someone else changed meanwhile', async () => {
    const flashing = flashSaveResult(
      5,
      'failed',
      'Cited could not save this page',
      toolbarButton(),
      async () => {
        await fakeBrowser.action.setBadgeText({ tabId: 5, text: '4' });
      },
    );
    await flush();
    await flashing;
    expect(await fakeBrowser.action.getBadgeText({ tabId: 5 })).toBe('4');
  });
});
