import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WATCH_SCHEDULE,
  dueList,
  nextCheckAt,
  perTickLimit,
  type ScheduledWatch,
  watchSchedule,
} from '../../../core/watch/schedule';
import { DAY_MS } from './watch-helpers';

// The schedule on a fake clock: weekly by default, spread over the week, never a burst.

const START = Date.parse('2026-03-02T09:00:00Z');
const { tickMs, intervalMs } = DEFAULT_WATCH_SCHEDULE;

function watches(count: number, watchedAt = START): ScheduledWatch[] {
  return Array.from({ length: count }, (_, i) => ({
    key: `https://news.example/${i}/story`,
    watchedAt,
    lastCheckedAt: null,
  }));
}

/** Runs the alarm every tick from `from` to `to`, checking what is due; returns each tick's count. */
function simulate(list: ScheduledWatch[], from: number, to: number, schedule = DEFAULT_WATCH_SCHEDULE) {
  const perTick: number[] = [];
  const checkedAt = new Map<string, number[]>();
  for (let now = from; now < to; now += schedule.tickMs) {
    const due = dueList(list, now, schedule);
    perTick.push(due.length);
    for (const watch of due) {
      watch.lastCheckedAt = now;
      checkedAt.set(watch.key, [...(checkedAt.get(watch.key) ?? []), now]);
    }
  }
  return { perTick, checkedAt };
}

describe('watch schedule', () => {
  it('checks a thousand articles watched at the same moment once a week each, spread over the days', () => {
    const list = watches(1000);
    const { perTick, checkedAt } = simulate(list, START, START + 5 * 7 * DAY_MS);
    const limit = perTickLimit(1000, DEFAULT_WATCH_SCHEDULE);
    expect(limit).toBe(3);
    expect(Math.max(...perTick)).toBeLessThanOrEqual(limit);
    // After the first check, each article comes back exactly a week later.
    for (const times of checkedAt.values()) {
      for (let i = 1; i < times.length; i++)
        expect((times[i] as number) - (times[i - 1] as number)).toBe(intervalMs);
    }
    // Every day of a steady week carries about a seventh of the articles.
    const perDay = new Map<number, number>();
    for (const times of checkedAt.values()) {
      for (const t of times.filter((t) => t >= START + 14 * DAY_MS && t < START + 21 * DAY_MS)) {
        const day = Math.floor((t - START) / DAY_MS);
        perDay.set(day, (perDay.get(day) ?? 0) + 1);
      }
    }
    expect([...perDay.values()].reduce((a, b) => a + b, 0)).toBe(1000);
    for (const count of perDay.values()) {
      expect(count).toBeGreaterThan(100);
      expect(count).toBeLessThan(190);
    }
  });

  it('after a week with the browser closed, catches up a few at a time, never in a burst', () => {
    const list = watches(1000).map((w) => ({ ...w, lastCheckedAt: START }));
    const back = START + 14 * DAY_MS;
    expect(list.filter((w) => nextCheckAt(w, DEFAULT_WATCH_SCHEDULE) <= back)).toHaveLength(1000);
    const { perTick, checkedAt } = simulate(list, back, back + 7 * DAY_MS);
    expect(perTick[0]).toBe(3);
    expect(Math.max(...perTick)).toBe(3);
    expect(checkedAt.size).toBe(1000);
  });

  it('a newly watched article is first re-checked between half an interval and one and a half later', () => {
    for (const watch of watches(200)) {
      const wait = nextCheckAt(watch, DEFAULT_WATCH_SCHEDULE) - START;
      expect(wait).toBeGreaterThanOrEqual(intervalMs / 2);
      expect(wait).toBeLessThanOrEqual(intervalMs * 1.5);
    }
  });

  it('nothing is due before its time', () => {
    expect(dueList(watches(50), START + 3 * DAY_MS, DEFAULT_WATCH_SCHEDULE)).toEqual([]);
  });

  it('the interval is configurable in whole days, and a bad one is refused in words', () => {
    const daily = watchSchedule(1);
    expect(daily.intervalMs).toBe(DAY_MS);
    const { checkedAt } = simulate(watches(10), START, START + 10 * DAY_MS, daily);
    for (const times of checkedAt.values()) expect(times.length).toBeGreaterThanOrEqual(9);
    expect(() => watchSchedule(0)).toThrow(
      'Re-check watched articles every 1 to 90 days (a whole number), not "0".',
    );
    expect(() => watchSchedule(2.5)).toThrow(/whole number/);
    expect(tickMs).toBe(15 * 60 * 1000);
  });
});
