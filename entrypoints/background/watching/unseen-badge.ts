import { BADGE_PALETTE } from '../badge-palette';
import { toolbarButton } from '../toolbar-button';

const DEFAULT_TITLE = 'Cited: show citations';

export function unseenBadgeTitle(unseen: number): string {
  if (unseen === 0) return DEFAULT_TITLE;
  return `Cited: ${unseen} ${unseen === 1 ? 'change' : 'changes'} in watched articles since you last looked`;
}

/**
 * The toolbar badge every tab shows by default: how many changes in watched articles the reader has not seen.
 * A tab whose citations are being checked shows its own broken count instead (a per-tab badge wins).
 */
export async function setUnseenBadge(unseen: number): Promise<void> {
  const button = toolbarButton();
  if (!button) return;
  await button.setBadgeText({ text: unseen > 0 ? String(unseen) : '' });
  await button.setTitle({ title: unseenBadgeTitle(unseen) });
  if (unseen > 0) {
    await button.setBadgeBackgroundColor({ color: BADGE_PALETTE.alarm });
    await button.setBadgeTextColor?.({ color: BADGE_PALETTE.text });
  }
}
