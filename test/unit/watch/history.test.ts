import { describe, expect, it } from 'vitest';
import type { LinkStatus } from '../../../core/linkcheck/types';
import { DEFAULT_HISTORY_LIMITS, newSourceHistory, recordCheck } from '../../../core/watch/history';
import type { SourceHistory } from '../../../core/watch/types';
import { check, dayAt } from './watch-helpers';

// History stays bounded however long a source is watched, and keeps the checks where something changed.

const URL_A = 'https://stats.portquay.test/ferry/passengers-2023.html';

function weekly(statusOfWeek: (week: number) => LinkStatus, weeks: number): SourceHistory {
  let history = newSourceHistory(URL_A, URL_A);
  for (let week = 0; week < weeks; week++) {
    history = recordCheck(history, check(week * 7, statusOfWeek(week))).history;
  }
  return history;
}

describe('history compaction', () => {
  it('a source that never changes keeps its first check and the latest ones, whatever the years', () => {
    const history = weekly(() => 'alive', 52 * 3);
    expect(history.checks).toHaveLength(DEFAULT_HISTORY_LIMITS.recent + 1);
    expect(history.checks[0]?.at).toBe(dayAt(0));
    expect(history.checks.at(-1)?.at).toBe(dayAt((52 * 3 - 1) * 7));
  });

  it('keeps the week a source broke, with its evidence, long after it happened', () => {
    const history = weekly((week) => (week < 10 ? 'alive' : 'dead'), 52);
    const broke = history.checks.find((c) => c.at === dayAt(70));
    expect(broke).toMatchObject({ status: 'dead', evidence: { httpStatus: 404, attempts: 2 } });
    expect(history.checks).toHaveLength(2 + DEFAULT_HISTORY_LIMITS.recent);
    expect(history.verdict.state).toBe('dead');
  });

  it('a source that flaps every week stays bounded, and the newest turns are the ones kept', () => {
    const history = weekly((week) => (week % 2 === 0 ? 'alive' : 'unreachable'), 52);
    const { recent, changes } = DEFAULT_HISTORY_LIMITS;
    expect(history.checks).toHaveLength(recent + changes);
    expect(history.checks[0]?.at).toBe(dayAt((52 - recent - changes) * 7));
    const times = history.checks.map((c) => Date.parse(c.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // Each status's evidence once (it says the same every time), and the latest check whole.
    expect(history.checks.filter((c) => c.evidence).map((c) => c.status)).toEqual([
      'alive',
      'unreachable',
      'unreachable',
    ]);
  });

  it('keeps the dates of the checks in between, and the reason and evidence where the status changed and of the latest', () => {
    const history = weekly((week) => (week < 3 ? 'alive' : 'dead'), 6);
    expect(history.checks.map((c) => [c.at, c.status, c.evidence?.httpStatus ?? null])).toEqual([
      [dayAt(0), 'alive', 200],
      [dayAt(7), 'alive', null],
      [dayAt(14), 'alive', null],
      [dayAt(21), 'dead', 404],
      [dayAt(28), 'dead', null],
      [dayAt(35), 'dead', 404],
    ]);
    expect(history.checks[3]?.reason).toContain('404 Not Found');
  });
});
