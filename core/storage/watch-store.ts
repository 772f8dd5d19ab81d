import { newSourceHistory, type RecordOptions, recordCheck } from '../watch/history';
import type { SourceChange, SourceHistory, WatchCheck, WatchedArticle, WatchRun } from '../watch/types';
import { checkedSince, type WatchStore, withUnseen } from '../watch/watch-store';
import type { CitedDB } from './schema';

/**
 * Watches, source histories and the run cursor in the library's database (stores `watches`, `sourceHistory`,
 * `watchRuns`, schema version 2): watched articles are part of the reader's library, backed up and restored with
 * it. Every write is one transaction (see core/watch/watch-store.ts).
 */
export class IndexedDbWatchStore implements WatchStore {
  constructor(private readonly db: CitedDB) {}

  listWatches(): Promise<WatchedArticle[]> {
    return this.db.getAll('watches');
  }

  getWatch(key: string): Promise<WatchedArticle | undefined> {
    return this.db.get('watches', key);
  }

  async putWatch(watch: WatchedArticle): Promise<void> {
    await this.db.put('watches', watch);
  }

  async unwatch(key: string): Promise<void> {
    await this.db.delete('watches', key);
  }

  getSource(key: string): Promise<SourceHistory | undefined> {
    return this.db.get('sourceHistory', key);
  }

  listSources(): Promise<SourceHistory[]> {
    return this.db.getAll('sourceHistory');
  }

  async recordCheck(
    source: { key: string; url: string },
    check: WatchCheck,
    options: RecordOptions = {},
  ): Promise<SourceChange | null> {
    const tx = this.db.transaction(['sourceHistory', 'watches'], 'readwrite');
    const histories = tx.objectStore('sourceHistory');
    const before = await histories.get(source.key);
    if (checkedSince(before, check.at)) {
      await tx.done;
      return null;
    }
    const { history, change } = recordCheck(
      before ?? newSourceHistory(source.key, source.url),
      check,
      options,
    );
    await histories.put(history);
    if (change) {
      const watches = tx.objectStore('watches');
      for (const watch of await watches.index('by-source').getAll(source.key)) {
        await watches.put({ ...watch, unseen: withUnseen(watch.unseen, change) });
      }
    }
    await tx.done;
    return change;
  }

  /** The reader looked at this article's changes. */
  async markSeen(key: string, at: string): Promise<void> {
    const tx = this.db.transaction('watches', 'readwrite');
    const watch = await tx.store.get(key);
    if (watch) await tx.store.put({ ...watch, seenAt: at, unseen: [] });
    await tx.done;
  }

  /** Changes no one has looked at yet, across every watched article: the toolbar badge's count. */
  async unseenCount(): Promise<number> {
    return (await this.listWatches()).reduce((sum, watch) => sum + watch.unseen.length, 0);
  }

  currentRun(): Promise<WatchRun | undefined> {
    return this.db.get('watchRuns', 'current');
  }

  async startRun(run: WatchRun): Promise<void> {
    await this.db.put('watchRuns', run);
  }

  async finishArticle(articleKey: string): Promise<void> {
    const tx = this.db.transaction(['watchRuns', 'watches'], 'readwrite');
    const runs = tx.objectStore('watchRuns');
    const run = await runs.get('current');
    if (run) {
      const watches = tx.objectStore('watches');
      const watch = await watches.get(articleKey);
      if (watch) await watches.put({ ...watch, lastCheckedAt: run.at });
      const articles = run.articles.filter((key) => key !== articleKey);
      if (articles.length === 0) await runs.delete('current');
      else await runs.put({ ...run, articles });
    }
    await tx.done;
  }
}
