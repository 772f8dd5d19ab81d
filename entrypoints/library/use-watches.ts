import { useCallback, useEffect, useState } from 'preact/hooks';
import { errorMessage } from '../../core/errors/cited-error';
import { getSnapshotDetails } from '../../core/storage/library';
import type { SnapshotSummary } from '../../core/storage/types';
import { IndexedDbWatchStore } from '../../core/storage/watch-store';
import type { SourceHistory, WatchedArticle } from '../../core/watch/types';
import type { LibraryPorts } from './library-ports';

export interface Watches {
  watches: WatchedArticle[];
  histories: ReadonlyMap<string, SourceHistory>;
  watchedUrls: ReadonlySet<string>;
  checking: string | null;
  watchSnapshot(summary: SnapshotSummary): Promise<void>;
  recheck(key?: string): Promise<void>;
  seen(key: string): Promise<void>;
  unwatch(key: string): Promise<void>;
}

/** Watched articles and their sources' histories, read from the library's database; actions go to the worker. */
export function useWatches(ports: LibraryPorts, setNotice: (message: string | null) => void): Watches {
  const [watches, setWatches] = useState<WatchedArticle[]>([]);
  const [histories, setHistories] = useState<ReadonlyMap<string, SourceHistory>>(new Map());
  const [checking, setChecking] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    const store = new IndexedDbWatchStore(await ports.openDb());
    const list = await store.listWatches();
    const found = new Map<string, SourceHistory>();
    for (const key of new Set(list.flatMap((watch) => watch.sourceKeys))) {
      const history = await store.getSource(key);
      if (history) found.set(key, history);
    }
    setWatches(list);
    setHistories(found);
  }, [ports]);

  useEffect(() => {
    refresh().catch((error: unknown) => setNotice(errorMessage(error)));
  }, [refresh, setNotice]);

  const act = (work: () => Promise<unknown>) =>
    work()
      .then(refresh)
      .catch((error: unknown) => setNotice(errorMessage(error)));

  return {
    watches,
    histories,
    watchedUrls: new Set(watches.map((watch) => watch.url)),
    checking,
    watchSnapshot: (summary) =>
      act(async () => {
        const watching = ports.watching;
        if (!watching) return;
        const details = await getSnapshotDetails(await ports.openDb(), summary.id);
        await watching.watch({
          url: summary.url,
          title: summary.title,
          sources: (details?.citations ?? []).map((citation) => citation.url),
          publishedTime: details?.article?.metadata.publishedTime ?? null,
          snapshotId: summary.id,
        });
        setNotice(`Watching “${summary.title}”: its sources will be re-checked every week.`);
      }),
    recheck: (key) =>
      act(async () => {
        setChecking(key ?? 'all');
        try {
          const outcome = await ports.watching?.recheck(key);
          if (outcome) {
            setNotice(
              outcome.changes === 0
                ? 'Re-checked: nothing changed.'
                : `Re-checked: ${outcome.changes} ${outcome.changes === 1 ? 'change' : 'changes'}.`,
            );
          }
        } finally {
          setChecking(null);
        }
      }),
    seen: (key) => act(async () => ports.watching?.seen(key)),
    unwatch: (key) => act(async () => ports.watching?.unwatch(key)),
  };
}
