import type { CheckResult } from '../linkcheck/types';
import { checkKey } from '../linkcheck/url';
import type { HistoryLimits } from './history';
import { watchCheckOf } from './run-record';
import { dueList, type WatchSchedule } from './schedule';
import type { StrikeRule } from './three-strikes';
import type { SourceChange, WatchedArticle, WatchRun } from './types';
import { checkedSince, type WatchStore } from './watch-store';

export interface WatchRunDeps {
  store: WatchStore;
  /** The clock, read once to date a new run and pick what is due. */
  now: () => number;
  schedule: WatchSchedule;
  /** Checks these addresses (the same polite checks as the panel's) and gives each one's verdict. */
  check(urls: string[]): Promise<CheckResult[]>;
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
    const change = await deps.store.recordCheck(
      { key: keyOf(result.url), url: result.url },
      watchCheckOf(result, run.at),
      { ...(deps.rule ? { rule: deps.rule } : {}), ...(deps.limits ? { limits: deps.limits } : {}) },
    );
    if (change) changes.push(change);
  }
  return changes;
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
