import { changeOf, nextVerdict, type StrikeRule, THREE_STRIKES } from './three-strikes';
import type { SourceChange, SourceHistory, WatchCheck } from './types';

/**
 * A source's history, kept bounded: the latest checks in full, and of the older ones only those where the status
 * changed (with their evidence), the most recent of them first to stay. A weekly check of a source that never
 * changes keeps `recent` entries however long it is watched; a flapping one at most `recent + changes`. The
 * verdict carries its own strike dates, so compaction never changes what the rule concludes.
 */
export interface HistoryLimits {
  /** Latest checks always kept. */
  recent: number;
  /** Older status changes kept. */
  changes: number;
}

/** Two months of weekly checks in full, and two dozen older turns. */
export const DEFAULT_HISTORY_LIMITS: HistoryLimits = { recent: 8, changes: 24 };

export function newSourceHistory(key: string, url: string): SourceHistory {
  return { key, url, verdict: { state: 'unchecked' }, checks: [] };
}

export interface RecordedCheck {
  history: SourceHistory;
  change: SourceChange | null;
}

/** Adds one check (newer than every check recorded) and says what it changed. */
export function recordCheck(
  history: SourceHistory,
  check: WatchCheck,
  options: { rule?: StrikeRule; limits?: HistoryLimits } = {},
): RecordedCheck {
  const last = history.checks[history.checks.length - 1];
  if (last && Date.parse(check.at) < Date.parse(last.at)) {
    throw new RangeError(
      `A check of ${history.url} dated ${check.at} is older than the last one (${last.at}).`,
    );
  }
  const verdict = nextVerdict(history.verdict, check, options.rule ?? THREE_STRIKES);
  const change = changeOf(history, history.verdict, verdict, last?.status ?? null, check);
  const checks = compactChecks([...history.checks, check], options.limits ?? DEFAULT_HISTORY_LIMITS);
  return { history: { ...history, verdict, checks }, change };
}

/** The bounded history: see HistoryLimits. Oldest first. */
export function compactChecks(checks: WatchCheck[], limits: HistoryLimits): WatchCheck[] {
  const recentFrom = Math.max(0, checks.length - limits.recent);
  const turns: WatchCheck[] = [];
  for (let i = 0; i < recentFrom; i++) {
    const check = checks[i] as WatchCheck;
    // The first check is where watching started: a turn from nothing.
    if (i === 0 || checks[i - 1]?.status !== check.status) turns.push(check);
  }
  return [...turns.slice(Math.max(0, turns.length - limits.changes)), ...checks.slice(recentFrom)];
}
