import { checkKey } from '../linkcheck/url';
import type { WatchedArticle } from './types';

/** A newly watched article citing `sources`: each web address once (by its check key); mailto: and such are not watched. */
export function newWatchedArticle(input: {
  url: string;
  title: string;
  sources: readonly string[];
  watchedAt: string;
  publishedTime?: string | null;
  snapshotId?: string | null;
}): WatchedArticle {
  const byKey = new Map<string, string>();
  for (const url of input.sources) {
    const key = checkKey(url);
    if (key && /^https?:/.test(key) && !byKey.has(key)) byKey.set(key, url);
  }
  return {
    key: checkKey(input.url) ?? input.url,
    url: input.url,
    title: input.title,
    publishedTime: input.publishedTime ?? null,
    snapshotId: input.snapshotId ?? null,
    watchedAt: input.watchedAt,
    lastCheckedAt: null,
    sources: [...byKey.values()],
    sourceKeys: [...byKey.keys()],
    seenAt: null,
    unseen: [],
  };
}
