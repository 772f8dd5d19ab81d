import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { badgeTitle, setBrokenBadge } from '../../../entrypoints/background/link-checks/broken-count-badge';
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
    expect(await fakeBrowser.action.getTitle({ tabId: 3 })).toBe(badgeTitle(0));
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
