import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { WatchAction } from '../../components/ArticleWatch';
import type { CaptureResult } from '../../core/citations/types';
import { errorMessage } from '../../core/errors/cited-error';
import type { ArticleWatchState, SourceHistory, WatchedArticle } from '../../core/watch/types';
import { quotesBySource } from '../../core/watch/watched-article';
import { browserWatchPorts, type WatchPorts } from './watch-ports';

export interface ArticleWatching {
  /** Null until the worker has answered, and when the article is not watched. */
  watch: WatchedArticle | null;
  /** Whether the worker has answered: the panel says nothing about watching before that. */
  loaded: boolean;
  /** The article's sources' histories by check key (each row's timeline). */
  histories: ReadonlyMap<string, SourceHistory>;
  busy: WatchAction;
  message: string | null;
  start(): void;
  stop(): void;
  recheck(): void;
  seen(): void;
}

/** The panel's article as a watched article: read from the worker, read again whenever the worker says it changed. */
export function useArticleWatch(
  result: CaptureResult,
  ports: WatchPorts = browserWatchPorts,
): ArticleWatching {
  const url = result.article.metadata.url;
  const [state, setState] = useState<ArticleWatchState | null>(null);
  const [busy, setBusy] = useState<WatchAction>(null);
  const [message, setMessage] = useState<string | null>(null);
  const current = useRef(url);
  current.current = url;

  const refresh = useCallback(() => {
    ports.get(url).then(
      (next) => {
        if (current.current === url) setState(next);
      },
      (error: unknown) =>
        setMessage(`Could not read whether this article is watched: ${errorMessage(error)}`),
    );
  }, [url, ports]);

  useEffect(() => {
    setState(null);
    setMessage(null);
    refresh();
    return ports.onChange(refresh);
  }, [refresh, ports]);

  const act = useCallback(
    (action: Exclude<WatchAction, null>, work: () => Promise<string | null>) => {
      setBusy(action);
      setMessage(null);
      work()
        .then(setMessage, (error: unknown) => setMessage(errorMessage(error)))
        .finally(() => {
          setBusy(null);
          refresh();
        });
    },
    [refresh],
  );

  const key = state?.watch?.key ?? null;
  const histories = useMemo(
    () => new Map((state?.sources ?? []).map((history) => [history.key, history])),
    [state],
  );
  return {
    watch: state?.watch ?? null,
    loaded: state !== null,
    histories,
    busy,
    message,
    start: () =>
      act('watch', async () => {
        const { metadata } = result.article;
        await ports.watch({
          url,
          title: metadata.title || url,
          sources: result.citations.map((citation) => citation.url),
          quotes: quotesBySource(result.citations),
          publishedTime: metadata.publishedTime,
        });
        return null;
      }),
    stop: () =>
      act('unwatch', async () => {
        if (key) await ports.unwatch(key);
        return null;
      }),
    recheck: () =>
      act('recheck', async () => {
        if (!key) return null;
        const { changes } = await ports.recheck(key);
        return changes === 0
          ? 'Re-checked: nothing changed.'
          : `Re-checked: ${changes} ${changes === 1 ? 'change' : 'changes'}.`;
      }),
    seen: () =>
      act('seen', async () => {
        if (key) await ports.seen(key);
        return null;
      }),
  };
}
