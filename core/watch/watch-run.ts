import type { ArchiveLookup } from '../archive/types';
import type { CheckResult } from '../linkcheck/types';
import { checkKey } from '../linkcheck/url';
import type { QuoteStatus } from '../quote-check/types';
import type { HistoryLimits } from './history';
import { watchCheckOf } from './run-record';
import { dueList, type WatchSchedule } from './schedule';
import type { SourceFindings } from './source-events';
import { outcomeOf, type StrikeRule } from './three-strikes';
import type { SourceChange, WatchedArticle, WatchRun } from './types';
import { checkedSince, type WatchStore } from './watch-store';

export interface WatchRunDeps {
  store: WatchStore;
  /** The clock, read once to date a new run and pick what is due. */
  now: () => number;
  schedule: WatchSchedule;
  /** Checks these addresses (the same polite checks as the panel's) and gives each one's verdict. */
  check(urls: string[]): Promise<CheckResult[]>;
  /**
   * Reads a source that still answers and gives each quotation's verdict (core/quote-check). Absent where the
   * run cannot read pages: the quotations are then not looked for.
   */
  checkQuotes?(url: string, quotes: readonly string[]): Promise<{ quote: string; status: QuoteStatus }[]>;
  /**
   * Asks the archive for copies of a source that failed (core/archive/wayback.ts). Given only when the reader
   * allows third-party lookups: otherwise nothing but the link checks leaves the machine.
   */
  lookupArchive?(url: string, publishedTime: string | null): Promise<ArchiveLookup>;
  rule?: StrikeRule;
  limits?: HistoryLimits;
}

export interface WatchRunOutcome {
  /** The run's date, or null when nothing was due. */
  at: string | null;
  /** Articles finished by this call. */
  articles: string[];
  changes: SourceChange[];
}

/**
 * One tick of watching: resumes the run a stopped worker left, or starts one over the articles due now (at most
 * the schedule's few per tick), and checks each article's sources. The run is persisted before its first check;
 * each check is recorded in the same transaction as its change, and a source already recorded in this run is
 * neither checked nor recorded again, so a worker killed at any point resumes without repeating or losing a check.
 */
export async function runWatches(deps: WatchRunDeps): Promise<WatchRunOutcome> {
  const { store } = deps;
  let run = await store.currentRun();
  if (!run) {
    const due = dueList(await schedulable(store), deps.now(), deps.schedule);
    if (due.length === 0) return { at: null, articles: [], changes: [] };
    run = { id: 'current', at: new Date(deps.now()).toISOString(), articles: due.map((watch) => watch.key) };
    await store.startRun(run);
  }
  const outcome: WatchRunOutcome = { at: run.at, articles: [], changes: [] };
  for (const articleKey of run.articles) {
    const watch = await store.getWatch(articleKey);
    if (watch) outcome.changes.push(...(await checkArticleSources(deps, run, watch)));
    await store.finishArticle(articleKey);
    outcome.articles.push(articleKey);
  }
  return outcome;
}

/**
 * The reader's "re-check now": a run over the given watched articles (all of them by default), whatever the
 * schedule says, unless a run is already under way, which is finished first. The checks themselves stay as
 * polite as ever (the checker's per-host limits); only the calendar is skipped.
 */
export async function recheckNow(deps: WatchRunDeps, keys?: readonly string[]): Promise<WatchRunOutcome> {
  if (!(await deps.store.currentRun())) {
    const articles = keys ? [...keys] : (await deps.store.listWatches()).map((watch) => watch.key);
    if (articles.length > 0) {
      await deps.store.startRun({ id: 'current', at: new Date(deps.now()).toISOString(), articles });
    }
  }
  return runWatches(deps);
}

async function checkArticleSources(deps: WatchRunDeps, run: WatchRun, watch: WatchedArticle) {
  const pending: string[] = [];
  for (const url of watch.sources) {
    if (!checkedSince(await deps.store.getSource(keyOf(url)), run.at)) pending.push(url);
  }
  if (pending.length === 0) return [];
  const changes: SourceChange[] = [];
  for (const result of await deps.check(pending)) {
    // Found before the check is recorded, and recorded with it: a resumed run redoes both or neither.
    const findings = await findingsOf(deps, watch, result);
    const change = await deps.store.recordCheck(
      { key: keyOf(result.url), url: result.url },
      watchCheckOf(result, run.at),
      {
        ...(deps.rule ? { rule: deps.rule } : {}),
        ...(deps.limits ? { limits: deps.limits } : {}),
        findings,
      },
    );
    if (change) changes.push(change);
  }
  return changes;
}

/** The quotations' verdicts of a source that answers; the archive's copies of one that fails. */
async function findingsOf(
  deps: WatchRunDeps,
  watch: WatchedArticle,
  result: CheckResult,
): Promise<SourceFindings> {
  const outcome = outcomeOf(result.status);
  const quotes = watch.quotes?.[keyOf(result.url)];
  const findings: SourceFindings = {};
  if (outcome === 'pass' && quotes?.length && deps.checkQuotes) {
    // A source whose text could not be read this time (paywall, no answer) says nothing new about its quotations.
    const verdicts = await deps.checkQuotes(result.url, quotes).catch(() => null);
    const read = verdicts?.filter((verdict) => verdict.status !== 'not-checkable');
    if (read?.length) findings.quotes = read;
  }
  if (outcome === 'fail' && deps.lookupArchive) {
    findings.archive = await deps.lookupArchive(result.url, watch.publishedTime);
  }
  return findings;
}

async function schedulable(store: WatchStore) {
  return (await store.listWatches()).map((watch) => ({
    key: watch.key,
    watchedAt: Date.parse(watch.watchedAt),
    lastCheckedAt: watch.lastCheckedAt ? Date.parse(watch.lastCheckedAt) : null,
  }));
}

function keyOf(url: string): string {
  return checkKey(url) ?? url;
}
