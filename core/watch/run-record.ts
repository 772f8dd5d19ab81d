import type { CheckResult } from '../linkcheck/types';
import { checkKey } from '../linkcheck/url';
import { newSourceHistory, type RecordOptions, recordCheck } from './history';
import type { SourceFindings } from './source-events';
import type { SourceChange, SourceHistory, WatchCheck } from './types';

/** One run of checks over a watched article: each source's history one check longer, and what that changed. */
export interface RecordedRun {
  /** The histories of the sources this run checked, in the order of its results. */
  sources: SourceHistory[];
  changes: SourceChange[];
}

/**
 * Records a run's verdicts at `at` on top of the sources' earlier histories. A source the article no longer cites
 * is not in the results, so it is not carried on; a new one starts its history here.
 */
export function recordRun(
  previous: readonly SourceHistory[],
  results: readonly CheckResult[],
  at: string,
  options: Omit<RecordOptions, 'findings'> & {
    /** What else the run found about each source (quote verdicts, archived copies), by `checkKey`. */
    findings?: ReadonlyMap<string, SourceFindings>;
  } = {},
): RecordedRun {
  const { findings, ...rest } = options;
  const byKey = new Map(previous.map((source) => [source.key, source]));
  const sources: SourceHistory[] = [];
  const changes: SourceChange[] = [];
  const seen = new Set<string>();
  for (const result of results) {
    const key = checkKey(result.url) ?? result.url;
    if (seen.has(key)) continue;
    seen.add(key);
    const recorded = recordCheck(
      byKey.get(key) ?? newSourceHistory(key, result.url),
      watchCheckOf(result, at),
      { ...rest, ...(findings?.has(key) ? { findings: findings.get(key) } : {}) },
    );
    sources.push(recorded.history);
    if (recorded.change) changes.push(recorded.change);
  }
  return { sources, changes };
}

export function watchCheckOf(result: CheckResult, at: string): WatchCheck {
  return { at, status: result.status, reason: result.reason, evidence: result.evidence };
}
