/**
 * When watched articles are re-checked: each has a fixed phase within the interval (from a hash of its key), so
 * a thousand articles watched in one afternoon, or restored from a backup, are still checked spread evenly over
 * the week instead of all at once; and each tick of the alarm takes at most a few of those that are due, so a
 * browser that was closed for a week catches up gradually, never in a burst.
 *
 * Plain arithmetic over times in milliseconds: the caller reads its clock and passes `now`.
 */
export interface WatchSchedule {
  /** Time between two checks of one article. */
  intervalMs: number;
  /** How often the due-list is read (the alarm's period). */
  tickMs: number;
}

const MINUTE_MS = 60 * 1000;
const DAY_MS = 24 * 60 * MINUTE_MS;

export const WATCH_INTERVAL_DAYS = { min: 1, max: 90, default: 7 } as const;

export const DEFAULT_WATCH_SCHEDULE: WatchSchedule = {
  intervalMs: WATCH_INTERVAL_DAYS.default * DAY_MS,
  tickMs: 15 * MINUTE_MS,
};

/** The schedule for an interval in days, or a RangeError that says what is allowed. */
export function watchSchedule(intervalDays: number, tickMs = DEFAULT_WATCH_SCHEDULE.tickMs): WatchSchedule {
  if (
    !Number.isInteger(intervalDays) ||
    intervalDays < WATCH_INTERVAL_DAYS.min ||
    intervalDays > WATCH_INTERVAL_DAYS.max
  ) {
    throw new RangeError(
      `Re-check watched articles every ${WATCH_INTERVAL_DAYS.min} to ${WATCH_INTERVAL_DAYS.max} days (a whole number), not "${intervalDays}".`,
    );
  }
  return { intervalMs: intervalDays * DAY_MS, tickMs };
}

/** What the schedule needs to know of a watched article. */
export interface ScheduledWatch {
  key: string;
  /** ms since the epoch. */
  watchedAt: number;
  lastCheckedAt: number | null;
}

/** Where in each interval this article's checks fall: a stable hash of its key (FNV-1a), 0 ≤ phase < interval. */
export function phaseOf(key: string, intervalMs: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return ((hash >>> 0) / 2 ** 32) * intervalMs;
}

/**
 * The article's next check: the first of its slots (phase + k × interval) at least half an interval after its
 * last check (or after it was watched, when the reader has just seen it checked). On time, checks are exactly an
 * interval apart; after a late one the next falls back onto the article's own slot.
 */
export function nextCheckAt(watch: ScheduledWatch, schedule: WatchSchedule): number {
  const { intervalMs } = schedule;
  const earliest = (watch.lastCheckedAt ?? watch.watchedAt) + intervalMs / 2;
  const phase = phaseOf(watch.key, intervalMs);
  return phase + Math.ceil((earliest - phase) / intervalMs) * intervalMs;
}

/**
 * How many articles one tick may start: twice the steady rate (articles × tick / interval), at least one. A
 * backlog drains at twice the pace it built up, and never as a burst.
 */
export function perTickLimit(count: number, schedule: WatchSchedule): number {
  return Math.max(1, Math.ceil((2 * count * schedule.tickMs) / schedule.intervalMs));
}

/** The articles to check now, the longest overdue first, at most `perTickLimit` of them. */
export function dueList<W extends ScheduledWatch>(
  watches: readonly W[],
  now: number,
  schedule: WatchSchedule,
): W[] {
  return watches
    .map((watch) => ({ watch, due: nextCheckAt(watch, schedule) }))
    .filter(({ due }) => due <= now)
    .sort((a, b) => a.due - b.due || (a.watch.key < b.watch.key ? -1 : 1))
    .slice(0, perTickLimit(watches.length, schedule))
    .map(({ watch }) => watch);
}
