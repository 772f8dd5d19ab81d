import type { SourceHistory, WatchedArticle } from '../../watch/types';
import type { CitedDB } from '../schema';

/**
 * Watches and source histories in a backup: `cited/watches.json`, beside `cited/library.json`, written only when
 * the reader watches something (a backup of a library without watches is as before, and restores as before).
 */
export const WATCHES_FILE = 'cited/watches.json';

export interface WatchesFile {
  watches: WatchedArticle[];
  sources: SourceHistory[];
}

export interface WatchesRestored {
  /** Watched articles added. */
  watches: number;
  /** Source histories added, or replaced by the backup's longer-running one. */
  sources: number;
}

export async function readWatchesForBackup(db: CitedDB): Promise<WatchesFile | null> {
  const tx = db.transaction(['watches', 'sourceHistory']);
  const [watches, sources] = await Promise.all([
    tx.objectStore('watches').getAll(),
    tx.objectStore('sourceHistory').getAll(),
  ]);
  await tx.done;
  return watches.length === 0 && sources.length === 0 ? null : { watches, sources };
}

/**
 * Adds the backup's watches the library does not have (a watch already here is the reader's newer one), and each
 * source history whose last check is later than the one here, in one transaction.
 */
export async function restoreWatches(db: CitedDB, file: WatchesFile): Promise<WatchesRestored> {
  if (!Array.isArray(file.watches) || !Array.isArray(file.sources)) {
    throw new Error(`${WATCHES_FILE} has no list of watches and sources.`);
  }
  const restored: WatchesRestored = { watches: 0, sources: 0 };
  const tx = db.transaction(['watches', 'sourceHistory'], 'readwrite');
  const watches = tx.objectStore('watches');
  const histories = tx.objectStore('sourceHistory');
  for (const watch of file.watches) {
    if (await watches.get(watch.key)) continue;
    await watches.put(watch);
    restored.watches++;
  }
  for (const source of file.sources) {
    const here = await histories.get(source.key);
    if (here && lastCheckAt(here) >= lastCheckAt(source)) continue;
    await histories.put(source);
    restored.sources++;
  }
  await tx.done;
  return restored;
}

function lastCheckAt(history: SourceHistory): number {
  const last = history.checks[history.checks.length - 1];
  return last ? Date.parse(last.at) : Number.NEGATIVE_INFINITY;
}
