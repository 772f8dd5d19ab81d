import { checkKey } from '../linkcheck/url';
import type { ArticleWatchState, SourceHistory } from './types';
import type { WatchStore } from './watch-store';

/** The article at `url` as the panel shows it: its watch (null when not watched) and the histories of its sources. */
export async function articleWatchState(
  store: Pick<WatchStore, 'getWatch' | 'getSource'>,
  url: string,
): Promise<ArticleWatchState> {
  const watch = (await store.getWatch(checkKey(url) ?? url)) ?? null;
  const sources: SourceHistory[] = [];
  for (const key of watch?.sourceKeys ?? []) {
    const history = await store.getSource(key);
    if (history) sources.push(history);
  }
  return { watch, sources };
}
