import { lastArchiveEvent } from '../core/watch/source-events';
import { describeVerdict } from '../core/watch/three-strikes';
import type { SourceChange, SourceHistory, WatchedArticle } from '../core/watch/types';

const CHANGE_WORDS: Record<SourceChange['kind'], string> = {
  broke: 'broke',
  strike: 'still failing',
  died: 'is dead',
  recovered: 'recovered',
  status: 'changed',
  quote: 'no longer says what the article quotes',
};

/**
 * One change of a watched article in words, as the library and the panel say it: "URL broke: failing since DATE
 * (1 of 3)", and for a source that fails, what evidence is left: the archived copy the archive has, or, when it
 * has none (or was not asked) and the reader saved the article, their own snapshot.
 */
export function watchChangeText(
  change: SourceChange,
  watch: Pick<WatchedArticle, 'snapshotId'>,
  history?: SourceHistory,
): string {
  if (change.kind === 'quote') return `${change.url} ${CHANGE_WORDS.quote}: ${change.reason}`;
  const failing = change.to.state === 'dead' || change.to.state === 'failing';
  return `${change.url} ${CHANGE_WORDS[change.kind]}: ${describeVerdict(change.to)}${failing ? evidenceLeft(watch, history) : ''}`;
}

function evidenceLeft(watch: Pick<WatchedArticle, 'snapshotId'>, history: SourceHistory | undefined): string {
  const archive = lastArchiveEvent(history?.events);
  if (archive?.kind === 'archived-copy') return `. The archive has a copy of ${archive.date.slice(0, 10)}.`;
  if (archive?.kind === 'no-archived-copy') {
    return watch.snapshotId
      ? '. No archived copy exists, but you saved this article: your snapshot is the evidence of what it cited.'
      : '. No archived copy exists.';
  }
  return watch.snapshotId ? '. You saved this article: your snapshot is the evidence of what it cited.' : '';
}

export function unseenText(count: number): string {
  return count === 0
    ? 'No change since you last looked'
    : `${count} ${count === 1 ? 'change' : 'changes'} since you last looked`;
}
