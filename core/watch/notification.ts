import type { SourceChange, WatchedArticle } from './types';

/** What a notification groups, in the order it says them: each kind's words after "n sources of 'Title'". */
const NOTIFIED: readonly [SourceChange['kind'], (n: number) => string][] = [
  ['broke', () => 'broke'],
  ['died', (n) => `${n === 1 ? 'is' : 'are'} now dead (three failed checks, days apart)`],
  ['quote', (n) => `no longer ${n === 1 ? 'says' : 'say'} what the article quotes`],
];

/**
 * The words of an opt-in notification after a watch run: what went wrong in one article, or null when nothing
 * did. Sources that broke, are now dead under the rule, or still answer but lost a quotation the article makes are
 * worth interrupting the reader for; recoveries and other changes wait in the library (and the badge).
 */
export function watchNotification(watch: WatchedArticle, changes: readonly SourceChange[]): string | null {
  const mine = changes.filter((change) => watch.sourceKeys.includes(change.key));
  const title = `“${watch.title || watch.url}”`;
  const sources = (n: number) => `${n} ${n === 1 ? 'source' : 'sources'}`;
  const parts = NOTIFIED.map(
    ([kind, words]) => [mine.filter((change) => change.kind === kind).length, words] as const,
  )
    .filter(([count]) => count > 0)
    // The first part names the article; the others follow it ("…broke; 1 is now dead").
    .map(([count, words], i) => `${i === 0 ? `${sources(count)} of ${title}` : count} ${words(count)}`);
  return parts.length > 0 ? `${parts.join('; ')}.` : null;
}

/** The notification's title: a break when a source broke or died, otherwise a change in what a source says. */
export function watchNotificationTitle(watch: WatchedArticle, changes: readonly SourceChange[]): string {
  const broke = changes.some(
    (change) => watch.sourceKeys.includes(change.key) && (change.kind === 'broke' || change.kind === 'died'),
  );
  return broke ? 'Cited: a watched source broke' : 'Cited: a watched source changed';
}
