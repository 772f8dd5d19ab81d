import { describe, expect, it } from 'vitest';
import type { LinkStatus } from '../../../core/linkcheck/types';
import { newSourceHistory, recordCheck } from '../../../core/watch/history';
import { describeVerdict } from '../../../core/watch/three-strikes';
import type { SourceChange, SourceHistory } from '../../../core/watch/types';
import { check, dayAt } from './watch-helpers';

// The verdict over time (InternetArchiveBot's rule): dead only after three failed checks at least three days apart.

const URL_A = 'https://www.ferryco.test/press/winter-timetable';

function run(steps: [number, LinkStatus][]): { history: SourceHistory; changes: SourceChange[] } {
  let history = newSourceHistory(URL_A, URL_A);
  const changes: SourceChange[] = [];
  for (const [day, status] of steps) {
    const recorded = recordCheck(history, check(day, status));
    history = recorded.history;
    if (recorded.change) changes.push(recorded.change);
  }
  return { history, changes };
}

describe('three strikes, three days apart', () => {
  it('a source failing three weekly checks is dead on the third, told once per step', () => {
    const { history, changes } = run([
      [0, 'alive'],
      [7, 'dead'],
      [14, 'dead'],
      [21, 'dead'],
    ]);
    expect(history.verdict).toEqual({
      state: 'dead',
      since: dayAt(7),
      strikes: [dayAt(7), dayAt(14), dayAt(21)],
    });
    expect(changes.map((c) => [c.kind, c.at])).toEqual([
      ['broke', dayAt(7)],
      ['strike', dayAt(14)],
      ['died', dayAt(21)],
    ]);
    expect(describeVerdict(history.verdict)).toBe('dead: failed 3 checks from 2026-03-09 to 2026-03-23');
  });

  it('says "failing since DATE (n of 3)" before the rule is met', () => {
    const { history } = run([
      [0, 'alive'],
      [7, 'soft-404'],
      [10, 'dead'],
    ]);
    expect(history.verdict.state).toBe('failing');
    expect(describeVerdict(history.verdict)).toBe('failing since 2026-03-09 (2 of 3)');
  });

  it('never calls dead a source that failed every day for six days: the strikes must be three days apart', () => {
    const days = run([0, 1, 2, 3, 4, 5].map((day) => [day, 'dead'] as [number, LinkStatus]));
    expect(days.history.verdict.state).toBe('failing');
    expect(describeVerdict(days.history.verdict)).toBe('failing since 2026-03-02 (2 of 3)');
    const seventh = recordCheck(days.history, check(6, 'dead'));
    expect(seventh.history.verdict.state).toBe('dead');
    expect(seventh.change?.kind).toBe('died');
  });

  it('a gap just short of three days does not count as a strike', () => {
    const { history } = run([
      [0, 'dead'],
      [2.99, 'dead'],
      [5.98, 'dead'],
    ]);
    expect(history.verdict).toMatchObject({ state: 'failing', strikes: [dayAt(0), dayAt(5.98)] });
  });

  it('a site down for an afternoon is recovered, not dead, and a later failure starts counting again', () => {
    const { history, changes } = run([
      [0, 'alive'],
      [7, 'unreachable'],
      [7.25, 'alive'],
      [14, 'alive'],
      [21, 'dead'],
    ]);
    expect(changes.map((c) => c.kind)).toEqual(['broke', 'recovered', 'broke']);
    expect(changes[1]?.to).toEqual({ state: 'recovered', since: dayAt(7.25), failedSince: dayAt(7) });
    expect(history.verdict).toEqual({ state: 'failing', since: dayAt(21), strikes: [dayAt(21)] });
  });

  it('a dead source that answers again is recovered', () => {
    const { history, changes } = run([
      [0, 'dead'],
      [3, 'dead'],
      [6, 'dead'],
      [13, 'dead'],
      [20, 'alive'],
    ]);
    expect(changes.map((c) => c.kind)).toEqual(['broke', 'strike', 'died', 'recovered']);
    expect(describeVerdict(history.verdict)).toBe('recovered on 2026-03-22 (failing since 2026-03-02)');
  });

  it('checks that could not verify (blocked, rate-limited) neither add a strike nor end a streak', () => {
    const { history } = run([
      [0, 'dead'],
      [3, 'blocked'],
      [6, 'rate-limited'],
      [9, 'dead'],
    ]);
    expect(history.verdict).toMatchObject({ state: 'failing', strikes: [dayAt(0), dayAt(9)] });
    expect(run([[0, 'blocked']]).history.verdict).toEqual({ state: 'unverified', since: dayAt(0) });
  });

  it('tells a status change that leaves the verdict as it was (a page that moved)', () => {
    const { changes } = run([
      [0, 'alive'],
      [7, 'redirected'],
    ]);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ kind: 'status', previousStatus: 'alive', status: 'redirected' });
  });

  it('keeps each check with its evidence, and refuses a check older than the last one', () => {
    const { history } = run([
      [0, 'alive'],
      [7, 'dead'],
    ]);
    expect(history.checks.map((c) => [c.status, c.evidence?.httpStatus])).toEqual([
      ['alive', 200],
      ['dead', 404],
    ]);
    expect(() => recordCheck(history, check(6, 'alive'))).toThrow(/older than the last one/);
  });
});
