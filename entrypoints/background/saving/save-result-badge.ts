import { BADGE_PALETTE } from '../badge-palette';
import { type ToolbarButton, toolbarButton } from '../toolbar-button';

export { toolbarButton };

/** How long the toolbar button shows a save's result. */
export const BADGE_MS = 5000;

type BadgeCalls = Pick<
  ToolbarButton,
  | 'getBadgeText'
  | 'setBadgeText'
  | 'getBadgeBackgroundColor'
  | 'setBadgeBackgroundColor'
  | 'getTitle'
  | 'setTitle'
>;

/**
 * The result of a save the reader started without the panel (shortcut, context menu): "✓" or "!" on the toolbar
 * button of that tab for a few seconds, with the reason in its tooltip, then the badge goes back to what it was
 * (the link checker's count), unless something else changed it meanwhile.
 */
export async function flashSaveResult(
  tabId: number,
  result: 'saved' | 'failed',
  tooltip: string,
  button: BadgeCalls | undefined = toolbarButton(),
  wait: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<void> {
  if (!button) return;
  const text = result === 'saved' ? '✓' : '!';
  const [previousText, previousColor, previousTitle] = await Promise.all([
    button.getBadgeText({ tabId }),
    button.getBadgeBackgroundColor({ tabId }),
    button.getTitle({ tabId }),
  ]);
  await Promise.all([
    button.setBadgeText({ tabId, text }),
    button.setBadgeBackgroundColor({
      tabId,
      color: result === 'saved' ? BADGE_PALETTE.ok : BADGE_PALETTE.alarm,
    }),
    button.setTitle({ tabId, title: tooltip }),
  ]);
  await wait(BADGE_MS);
  if ((await button.getBadgeText({ tabId })) !== text) return;
  await Promise.all([
    button.setBadgeText({ tabId, text: previousText }),
    button.setBadgeBackgroundColor({ tabId, color: previousColor }),
    button.setTitle({ tabId, title: previousTitle }),
  ]);
}
