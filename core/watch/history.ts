import { eventsOf, quoteChangeOf, type SourceFindings, withEvents } from './source-events';
import { changeOf, nextVerdict, type StrikeRule, THREE_STRIKES } from './three-strikes';
import type { KeptCheck, SourceChange, SourceHistory, WatchCheck } from './types';

/**
 * A source's history, kept bounded: the latest checks, and of the older ones only those where the status changed,
 * the most recent of them first to stay. A check keeps its reason and evidence where the status changed and when
 * it is the latest; the checks in between keep their date and status (they said what the one before them said).
 * A weekly check of a source that never changes keeps `recent` entries however long it is watched; a flapping
 * one at most `recent + changes`, and its turns that repeat what an earlier turn said keep only their date. The verdict carries its own strike dates, so compaction never changes what
 * the rule concludes.
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

/** How a check is recorded: the rule, the history's bounds, and what else the run found about the source. */
export interface RecordOptions {
  rule?: StrikeRule;
  limits?: HistoryLimits;
  findings?: SourceFindings;
}

/** Adds one check (newer than every check recorded), with its findings as timeline events, and says what it changed. */
export function recordCheck(
  history: SourceHistory,
  check: WatchCheck,
  options: RecordOptions = {},
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
  const events = options.findings ? eventsOf(history, options.findings, check.at) : [];
  const after = withEvents({ ...history, verdict, checks }, events);
  return { history: after, change: change ?? quoteChangeOf(after, check, events) };
}

/** The bounded history: see HistoryLimits. Oldest first. */
export function compactChecks(checks: KeptCheck[], limits: HistoryLimits): KeptCheck[] {
  const kept: KeptCheck[] = [];
  const recentFrom = Math.max(0, checks.length - limits.recent);
  let turns = 0;
  for (let i = checks.length - 1; i >= 0; i--) {
    const check = checks[i] as KeptCheck;
    // The first check is where watching started: a turn from nothing.
    const turn = i === 0 || checks[i - 1]?.status !== check.status;
    if (i < recentFrom && (!turn || turns >= limits.changes)) continue;
    if (i < recentFrom) turns++;
    kept.push(turn || i === checks.length - 1 ? check : dateAndStatus(check));
  }
  return withoutRepeatedEvidence(kept.reverse());
}

/**
 * A source that flaps says the same thing each time it turns: a turn whose reason and evidence repeat those of
 * the last full check of the same status keeps only its date and status (that evidence is already kept). The
 * latest check stays whole.
 */
function withoutRepeatedEvidence(checks: KeptCheck[]): KeptCheck[] {
  const lastSaid = new Map<string, string>();
  return checks.map((check, i) => {
    if (!check.evidence || i === checks.length - 1) return check;
    const said = JSON.stringify([
      check.reason,
      check.evidence.httpStatus,
      check.evidence.finalUrl,
      check.evidence.errorCode,
    ]);
    if (lastSaid.get(check.status) === said) return dateAndStatus(check);
    lastSaid.set(check.status, said);
    return check;
  });
}

function dateAndStatus(check: KeptCheck): KeptCheck {
  return { at: check.at, status: check.status };
}
