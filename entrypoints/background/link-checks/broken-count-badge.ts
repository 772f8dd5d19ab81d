import { isTabGoneError } from '../../../utils/browser-errors';
import { BADGE_PALETTE } from '../badge-palette';
import { toolbarButton } from '../toolbar-button';

const DEFAULT_TITLE = 'Cited: show citations';

export function badgeTitle(broken: number): string {
  if (broken === 0) return DEFAULT_TITLE;
  return `Cited: ${broken} cited ${broken === 1 ? 'source no longer stands' : 'sources no longer stand'}`;
}

/** The toolbar badge of one tab: how many of its citations no longer stand (dead or soft 404). */
export async function setBrokenBadge(tabId: number, broken: number): Promise<void> {
  const button = toolbarButton();
  if (!button) return;
  try {
    await button.setBadgeText({ tabId, text: broken > 0 ? String(broken) : '' });
    await button.setTitle({ tabId, title: badgeTitle(broken) });
    if (broken > 0) {
      await button.setBadgeBackgroundColor({ tabId, color: BADGE_PALETTE.alarm });
      await button.setBadgeTextColor?.({ tabId, color: BADGE_PALETTE.text });
    }
  } catch (error) {
    // The tab closed in the meantime: nothing left to label.
    if (!isTabGoneError(error)) console.warn('Cited: could not update the toolbar badge', error);
  }
}
