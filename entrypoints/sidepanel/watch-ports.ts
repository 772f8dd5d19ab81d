import type { ArticleWatchState, WatchArticleRequest } from '../../core/watch/types';
import { onMessage, sendMessage } from '../../utils/messaging';

/** Watching as the panel needs it; the panel passes the worker's messages, tests pass fakes. */
export interface WatchPorts {
  get(url: string): Promise<ArticleWatchState>;
  watch(request: WatchArticleRequest): Promise<unknown>;
  unwatch(key: string): Promise<unknown>;
  recheck(key: string): Promise<{ changes: number }>;
  seen(key: string): Promise<unknown>;
  /** Calls `listener` with the keys of watched articles that changed (a run, a watch from the save offer). */
  onChange(listener: (keys: string[]) => void): () => void;
}

const listeners = new Set<(keys: string[]) => void>();
let listening = false;

/** One message listener per page (the messaging library allows one per type), shared by every subscriber. */
function subscribe(listener: (keys: string[]) => void): () => void {
  if (!listening) {
    listening = true;
    onMessage('watchesChanged', ({ data }) => {
      for (const each of listeners) each(data.keys);
    });
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const browserWatchPorts: WatchPorts = {
  get: (url) => sendMessage('articleWatch', { url }),
  watch: (request) => sendMessage('watchArticle', request),
  unwatch: (key) => sendMessage('unwatchArticle', { key }),
  recheck: (key) => sendMessage('recheckWatchesNow', { key }),
  seen: (key) => sendMessage('watchChangesSeen', { key }),
  onChange: subscribe,
};
