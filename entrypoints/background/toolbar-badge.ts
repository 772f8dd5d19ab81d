import { isTabGoneError } from '../../utils/browser-errors';
import { BADGE_PALETTE } from './badge-palette';
import { toolbarButton } from './toolbar-button';

const DEFAULT_TITLE = 'Cited: show citations';

/**
 * The toolbar button tells two counts: changes in watched articles the reader has not seen (every tab), and, on a
 * tab whose citations were checked, how many of them no longer stand. A tab's badge can show one number: the
 * tab's own broken count wins, and its tooltip names both; a checked tab with nothing broken shows the unseen
 * count like every other tab. The worker remembers the checked tabs so a change in the unseen count re-labels
 * them (a per-tab badge would otherwise hide it).
 */
let unseen = 0;
const brokenByTab = new Map<number, number>();

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function toolbarTitle(broken: number, unseenChanges: number): string {
  const parts = [
    broken > 0 ? plural(broken, 'cited source no longer stands', 'cited sources no longer stand') : null,
    unseenChanges > 0
      ? `${plural(unseenChanges, 'change', 'changes')} in watched articles since you last looked`
      : null,
  ].filter((part): part is string => part !== null);
  return parts.length > 0 ? `Cited: ${parts.join('; ')}` : DEFAULT_TITLE;
}

async function paint(tabId: number | undefined, broken: number): Promise<void> {
  const button = toolbarButton();
  if (!button) return;
  const tab = tabId === undefined ? {} : { tabId };
  const shown = broken > 0 ? broken : unseen;
  await button.setBadgeText({ ...tab, text: shown > 0 ? String(shown) : '' });
  await button.setTitle({ ...tab, title: toolbarTitle(broken, unseen) });
  if (shown > 0) {
    await button.setBadgeBackgroundColor({ ...tab, color: BADGE_PALETTE.alarm });
    await button.setBadgeTextColor?.({ ...tab, color: BADGE_PALETTE.text });
  }
}

async function paintTab(tabId: number, broken: number): Promise<void> {
  try {
    await paint(tabId, broken);
  } catch (error) {
    // The tab closed in the meantime: nothing left to label.
    brokenByTab.delete(tabId);
    if (!isTabGoneError(error)) console.warn('Cited: could not update the toolbar badge', error);
  }
}

/** One tab's badge: how many of its citations no longer stand (dead or soft 404), with the unseen changes. */
export async function setBrokenBadge(tabId: number, broken: number): Promise<void> {
  brokenByTab.set(tabId, broken);
  await paintTab(tabId, broken);
}

/** Every tab's badge: the changes in watched articles the reader has not seen; checked tabs re-labelled. */
export async function setUnseenBadge(unseenChanges: number): Promise<void> {
  unseen = unseenChanges;
  await paint(undefined, 0);
  for (const [tabId, broken] of [...brokenByTab]) await paintTab(tabId, broken);
}
