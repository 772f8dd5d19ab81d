import { describeVerdict } from '../core/watch/three-strikes';
import type { SourceChange, WatchedArticle } from '../core/watch/types';

const CHANGE_WORDS: Record<SourceChange['kind'], string> = {
  broke: 'broke',
  strike: 'still failing',
  died: 'is dead',
  recovered: 'recovered',
  status: 'changed',
};

/**
 * One change of a watched article in words, as the library and the panel say it: "URL broke: failing since DATE
 * (1 of 3)", and, when the reader saved the article, that their snapshot is the evidence of what it cited.
 */
export function watchChangeText(change: SourceChange, watch: Pick<WatchedArticle, 'snapshotId'>): string {
  const evidence =
    watch.snapshotId && (change.to.state === 'dead' || change.to.state === 'failing')
      ? '. You saved this article: your snapshot is the evidence of what it cited.'
      : '';
  return `${change.url} ${CHANGE_WORDS[change.kind]}: ${describeVerdict(change.to)}${evidence}`;
}

export function unseenText(count: number): string {
  return count === 0
    ? 'No change since you last looked'
    : `${count} ${count === 1 ? 'change' : 'changes'} since you last looked`;
}
