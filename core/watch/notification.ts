import type { SourceChange, WatchedArticle } from './types';

/**
 * The words of an opt-in notification after a watch run: what broke in one article, or null when nothing did.
 * Only sources that broke or are now dead under the rule are worth interrupting the reader for; recoveries and
 * other changes wait in the library (and the badge).
 */
export function watchNotification(watch: WatchedArticle, changes: readonly SourceChange[]): string | null {
  const mine = changes.filter((change) => watch.sourceKeys.includes(change.key));
  const broke = mine.filter((change) => change.kind === 'broke').length;
  const died = mine.filter((change) => change.kind === 'died').length;
  if (broke === 0 && died === 0) return null;
  const title = `“${watch.title || watch.url}”`;
  const sources = (n: number) => `${n} ${n === 1 ? 'source' : 'sources'}`;
  const parts = [
    broke > 0 ? `${sources(broke)} of ${title} broke` : null,
    died > 0
      ? `${broke > 0 ? `${died} ${died === 1 ? 'is' : 'are'}` : `${sources(died)} of ${title} ${died === 1 ? 'is' : 'are'}`} now dead (three failed checks, days apart)`
      : null,
  ].filter((part): part is string => part !== null);
  return `${parts.join('; ')}.`;
}
