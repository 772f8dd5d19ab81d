import type { LinkStatus } from '../linkcheck/types';
import type { SourceChange, SourceHistory, SourceVerdict, WatchCheck } from './types';

/**
 * The verdict over time, after InternetArchiveBot: a source is called dead only after failing three checks at
 * least three days apart, so a site down for an afternoon (or a weekend) is never reported dead. Before that it
 * is "failing since DATE (n of 3)"; one passing check ends the streak and the source is "recovered".
 *
 * Which checks count: `dead` and `soft-404` (the page is gone) and `unreachable` (server errors, timeouts: one
 * afternoon is nothing, the same answer over a week is a site that is down, which is what the gap is for) fail;
 * `alive` and `redirected` pass; `blocked`, `rate-limited` and `skipped` could not verify anything, so they
 * neither add a strike nor end a streak.
 */
export interface StrikeRule {
  /** Counted failures that make a source dead. */
  strikes: number;
  /** The least time between two counted failures. */
  minGapMs: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export const THREE_STRIKES: StrikeRule = { strikes: 3, minGapMs: 3 * DAY_MS };

export type CheckOutcome = 'pass' | 'fail' | 'inconclusive';

export function outcomeOf(status: LinkStatus): CheckOutcome {
  switch (status) {
    case 'alive':
    case 'redirected':
      return 'pass';
    case 'dead':
    case 'soft-404':
    case 'unreachable':
      return 'fail';
    default:
      return 'inconclusive';
  }
}

/** The verdict after one more check, given the verdict before it. Checks must come in time order. */
export function nextVerdict(
  before: SourceVerdict,
  check: WatchCheck,
  rule: StrikeRule = THREE_STRIKES,
): SourceVerdict {
  const outcome = outcomeOf(check.status);
  if (outcome === 'inconclusive') {
    return before.state === 'unchecked' ? { state: 'unverified', since: check.at } : before;
  }
  if (outcome === 'pass') {
    if (before.state === 'failing' || before.state === 'dead') {
      return { state: 'recovered', since: check.at, failedSince: before.since };
    }
    if (before.state === 'standing' || before.state === 'recovered') return before;
    return { state: 'standing', since: check.at };
  }
  if (before.state === 'dead') return before;
  if (before.state !== 'failing') {
    return rule.strikes <= 1
      ? { state: 'dead', since: check.at, strikes: [check.at] }
      : { state: 'failing', since: check.at, strikes: [check.at] };
  }
  const last = before.strikes[before.strikes.length - 1] ?? before.since;
  if (Date.parse(check.at) - Date.parse(last) < rule.minGapMs) return before;
  const strikes = [...before.strikes, check.at];
  return strikes.length >= rule.strikes
    ? { state: 'dead', since: before.since, strikes }
    : { state: 'failing', since: before.since, strikes };
}

/** What the step from `before` to `after` means to a reader, or null when nothing worth telling happened. */
export function changeOf(
  source: Pick<SourceHistory, 'key' | 'url'>,
  before: SourceVerdict,
  after: SourceVerdict,
  previousStatus: LinkStatus | null,
  check: WatchCheck,
): SourceChange | null {
  const kind = changeKind(before, after, previousStatus, check.status);
  if (!kind) return null;
  return {
    key: source.key,
    url: source.url,
    at: check.at,
    kind,
    from: before,
    to: after,
    previousStatus,
    status: check.status,
    reason: check.reason,
  };
}

function changeKind(
  before: SourceVerdict,
  after: SourceVerdict,
  previousStatus: LinkStatus | null,
  status: LinkStatus,
): SourceChange['kind'] | null {
  if (after.state === 'dead' && before.state !== 'dead') return 'died';
  if (after.state === 'recovered' && before.state !== 'recovered') return 'recovered';
  if (after.state === 'failing') {
    if (before.state !== 'failing') return 'broke';
    if (after.strikes.length > before.strikes.length) return 'strike';
  }
  // The first check of a source is where watching starts, not a change.
  if (previousStatus !== null && previousStatus !== status) return 'status';
  return null;
}

/** "failing since 2026-03-02 (1 of 3)", "dead since …", in the words the panel, the library and the CLI use. */
export function describeVerdict(verdict: SourceVerdict, rule: StrikeRule = THREE_STRIKES): string {
  switch (verdict.state) {
    case 'unchecked':
      return 'not checked yet';
    case 'standing':
      return `standing (checked since ${day(verdict.since)})`;
    case 'unverified':
      return `could not be verified since ${day(verdict.since)}`;
    case 'failing':
      return `failing since ${day(verdict.since)} (${verdict.strikes.length} of ${rule.strikes})`;
    case 'dead':
      return `dead: failed ${verdict.strikes.length} checks from ${day(verdict.since)} to ${day(verdict.strikes[verdict.strikes.length - 1] ?? verdict.since)}`;
    case 'recovered':
      return `recovered on ${day(verdict.since)} (failing since ${day(verdict.failedSince)})`;
  }
}

function day(iso: string): string {
  return iso.slice(0, 10);
}
