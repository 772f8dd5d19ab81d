import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setBrokenBadge, setUnseenBadge, toolbarTitle } from '../../../entrypoints/background/toolbar-badge';
import { isNoReceiverError } from '../../../utils/browser-errors';

beforeEach(() => fakeBrowser.reset());

describe('the toolbar badge', () => {
  it('shows how many citations of the tab no longer stand, per tab, and clears at zero', async () => {
    await setBrokenBadge(3, 2);
    await setBrokenBadge(4, 1);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 3 })).toBe('2');
    expect(await fakeBrowser.action.getBadgeText({ tabId: 4 })).toBe('1');
    expect(await fakeBrowser.action.getTitle({ tabId: 3 })).toBe('Cited: 2 cited sources no longer stand');
    expect(await fakeBrowser.action.getTitle({ tabId: 4 })).toBe('Cited: 1 cited source no longer stands');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({ tabId: 3 })).toEqual([180, 35, 24, 255]);
    await setBrokenBadge(3, 0);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 3 })).toBe('');
    expect(await fakeBrowser.action.getTitle({ tabId: 3 })).toBe('Cited: show citations');
  });
});

describe('the toolbar badge with watched articles', () => {
  it('counts unseen changes in watched articles on every tab, and clears when they are seen', async () => {
    await setUnseenBadge(2);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
    expect(await fakeBrowser.action.getTitle({})).toBe(
      'Cited: 2 changes in watched articles since you last looked',
    );
    await setUnseenBadge(0);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(await fakeBrowser.action.getTitle({})).toBe('Cited: show citations');
  });

  it('on a tab whose citations were checked, shows its broken count and tells both in the tooltip', async () => {
    await setUnseenBadge(2);
    await setBrokenBadge(7, 1);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('1');
    expect(await fakeBrowser.action.getTitle({ tabId: 7 })).toBe(
      'Cited: 1 cited source no longer stands; 2 changes in watched articles since you last looked',
    );
    // A checked tab where every source stands shows the unseen changes, like any other tab.
    await setBrokenBadge(8, 0);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 8 })).toBe('2');
    expect(await fakeBrowser.action.getTitle({ tabId: 8 })).toBe(
      'Cited: 2 changes in watched articles since you last looked',
    );

    // A re-check finds one more change: the checked tabs' badges follow, not only the toolbar's own.
    await setUnseenBadge(3);
    expect(await fakeBrowser.action.getTitle({ tabId: 7 })).toBe(
      'Cited: 1 cited source no longer stands; 3 changes in watched articles since you last looked',
    );
    expect(await fakeBrowser.action.getBadgeText({ tabId: 8 })).toBe('3');

    // Seen: the tab's own count stays, alone.
    await setUnseenBadge(0);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('1');
    expect(await fakeBrowser.action.getTitle({ tabId: 7 })).toBe('Cited: 1 cited source no longer stands');
    expect(await fakeBrowser.action.getBadgeText({ tabId: 8 })).toBe('');
    expect(toolbarTitle(0, 1)).toBe('Cited: 1 change in watched articles since you last looked');
  });
});

describe('broadcasting to pages', () => {
  it('treats "no panel open" as expected, not as a failure', () => {
    expect(
      isNoReceiverError(new Error('Could not establish connection. Receiving end does not exist.')),
    ).toBe(true);
    expect(isNoReceiverError(new Error('QuotaExceededError'))).toBe(false);
  });
});
