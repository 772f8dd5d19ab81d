import type { ArchiveLookup } from './types';

/** Archive lookups of a URL before a moment (null: no moment, the newest copy only). */
export type LookupArchive = (url: string, publishedAt: string | null) => Promise<ArchiveLookup>;

/**
 * One lookup per address and moment in a run: a source both quoted and compared with its archived copy asks the
 * archive once. `held` is the run's memory, kept by the caller for as long as the run lasts.
 */
export function lookupOnce(lookup: LookupArchive, held: Map<string, Promise<ArchiveLookup>>): LookupArchive {
  return (url, publishedAt) => {
    const key = `${publishedAt ?? ''} ${url}`;
    let asked = held.get(key);
    if (!asked) {
      asked = lookup(url, publishedAt);
      held.set(key, asked);
    }
    return asked;
  };
}
