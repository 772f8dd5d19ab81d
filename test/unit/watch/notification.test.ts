import { describe, expect, it } from 'vitest';
import { newSourceHistory, recordCheck } from '../../../core/watch/history';
import { watchNotification } from '../../../core/watch/notification';
import type { SourceChange } from '../../../core/watch/types';
import { newWatchedArticle } from '../../../core/watch/watched-article';
import { check } from './watch-helpers';

// The opt-in notification's words: what broke in one watched article.

const a = 'https://a.example/1';
const b = 'https://b.example/2';
const elsewhere = 'https://c.example/3';
const watch = newWatchedArticle({
  url: 'https://news.example/story',
  title: 'Ferry cut',
  sources: [a, b],
  watchedAt: check(0, 'alive').at,
});

function changeOf(url: string, steps: [number, 'alive' | 'dead'][]): SourceChange {
  let history = newSourceHistory(url, url);
  let last: SourceChange | null = null;
  for (const [day, status] of steps) {
    const recorded = recordCheck(history, check(day, status));
    history = recorded.history;
    last = recorded.change ?? last;
  }
  if (!last) throw new Error('no change');
  return last;
}

describe('watch notifications', () => {
  it('says how many sources of the article broke, and which are now dead under the rule', () => {
    const broke = [changeOf(a, [[0, 'dead']]), changeOf(b, [[0, 'dead']])];
    expect(watchNotification(watch, broke)).toBe('2 sources of “Ferry cut” broke.');
    const died = changeOf(a, [
      [0, 'dead'],
      [3, 'dead'],
      [6, 'dead'],
    ]);
    expect(watchNotification(watch, [died])).toBe(
      '1 source of “Ferry cut” is now dead (three failed checks, days apart).',
    );
    expect(watchNotification(watch, [died, broke[1] as SourceChange])).toBe(
      '1 source of “Ferry cut” broke; 1 is now dead (three failed checks, days apart).',
    );
  });

  it('stays quiet for recoveries and for sources of other articles', () => {
    expect(
      watchNotification(watch, [
        changeOf(a, [
          [0, 'dead'],
          [1, 'alive'],
        ]),
      ]),
    ).toBeNull();
    expect(watchNotification(watch, [changeOf(elsewhere, [[0, 'dead']])])).toBeNull();
  });
});
