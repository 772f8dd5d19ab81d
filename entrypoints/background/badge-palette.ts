/**
 * The toolbar badge's colours, one palette for every feature that writes on the badge: each is dark enough for
 * white text on either browser theme, and the same red means "something is wrong" whoever shows it.
 */
export const BADGE_PALETTE = {
  /** Broken citations counted, or a save that failed. */
  alarm: '#b42318',
  /** A save that succeeded. */
  ok: '#1e7f4f',
  text: '#ffffff',
} as const;
