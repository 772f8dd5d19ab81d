import type { Citation } from '../citations/types';
import { checkKey } from '../linkcheck/url';
import type { WatchedArticle } from './types';

/** A newly watched article citing `sources`: each web address once (by its check key); mailto: and such are not watched. */
export function newWatchedArticle(input: {
  url: string;
  title: string;
  sources: readonly string[];
  quotes?: Readonly<Record<string, readonly string[]>>;
  watchedAt: string;
  publishedTime?: string | null;
  snapshotId?: string | null;
}): WatchedArticle {
  const byKey = new Map<string, string>();
  for (const url of input.sources) {
    const key = checkKey(url);
    if (key && /^https?:/.test(key) && !byKey.has(key)) byKey.set(key, url);
  }
  const quotes: Record<string, string[]> = {};
  for (const [url, said] of Object.entries(input.quotes ?? {})) {
    const key = checkKey(url);
    if (key && byKey.has(key) && said.length > 0)
      quotes[key] = [...new Set([...(quotes[key] ?? []), ...said])];
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
    ...(Object.keys(quotes).length > 0 ? { quotes } : {}),
    seenAt: null,
    unseen: [],
  };
}

/** The quotations of the paragraphs citing each source, by the source's address: what a re-check looks for. */
export function quotesBySource(
  citations: readonly Pick<Citation, 'url' | 'quotes'>[],
): Record<string, string[]> {
  const quotes: Record<string, string[]> = {};
  for (const citation of citations)
    if (citation.quotes.length > 0) quotes[citation.url] = [...citation.quotes];
  return quotes;
}
