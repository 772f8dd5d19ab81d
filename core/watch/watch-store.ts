import type { RecordOptions } from './history';
import type { SourceChange, SourceHistory, WatchCheck, WatchedArticle, WatchRun } from './types';

/**
 * Where watches, source histories and the run cursor are kept (core/storage/watch-store.ts in IndexedDB). Each
 * method that writes is one transaction, so a worker stopped between two calls leaves nothing half-written.
 */
export interface WatchStore {
  listWatches(): Promise<WatchedArticle[]>;
  getWatch(key: string): Promise<WatchedArticle | undefined>;
  putWatch(watch: WatchedArticle): Promise<void>;
  getSource(key: string): Promise<SourceHistory | undefined>;
  /**
   * Adds one check to the source's history and its change to the unseen changes of every watch citing it, in one
   * transaction. A source already checked at or after `check.at` is left as it is (null): a resumed run never
   * records a check twice.
   */
  recordCheck(
    source: { key: string; url: string },
    check: WatchCheck,
    options?: RecordOptions,
  ): Promise<SourceChange | null>;
  currentRun(): Promise<WatchRun | undefined>;
  startRun(run: WatchRun): Promise<void>;
  /** The article is done: its `lastCheckedAt` becomes the run's date and it leaves the run, in one transaction. */
  finishArticle(articleKey: string): Promise<void>;
}

/**
 * An article's unseen changes with one more: one per source, the latest (a source that broke and came back
 * since the reader last looked shows as recovered), so the list is bounded by the article's sources.
 */
export function withUnseen(unseen: readonly SourceChange[], change: SourceChange): SourceChange[] {
  return [...unseen.filter((earlier) => earlier.key !== change.key), change];
}

/** Whether the source already has a check of the run at `at` (or a later one). */
export function checkedSince(history: SourceHistory | undefined, at: string): boolean {
  const last = history?.checks[history.checks.length - 1];
  return last !== undefined && Date.parse(last.at) >= Date.parse(at);
}
