import { describe, expect, it } from 'vitest';
import { newSourceHistory, recordCheck } from '../../../core/watch/history';
import { watchNotification, watchNotificationTitle } from '../../../core/watch/notification';
import { eventsOf, quoteChangeOf, withEvents } from '../../../core/watch/source-events';
import type { SourceChange } from '../../../core/watch/types';
import { newWatchedArticle } from '../../../core/watch/watched-article';
import { check } from './watch-helpers';

// The opt-in notification's words: what broke in one watched article, or lost a quotation.

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

/** A source that still answers and no longer says what the article quotes, as a watch run records it. */
function lost(url: string): SourceChange {
  const quote = 'from April the ferry sails every ninety minutes';
  const first = check(0, 'alive');
  let history = recordCheck(newSourceHistory(url, url), first).history;
  history = withEvents(history, eventsOf(history, { quotes: [{ quote, status: 'found' }] }, first.at));
  const second = check(7, 'alive');
  history = recordCheck(history, second).history;
  const events = eventsOf(history, { quotes: [{ quote, status: 'not-found' }] }, second.at);
  const change = quoteChangeOf(history, second, events);
  if (!change) throw new Error('no change');
  return change;
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

  it('groups sources that lost a quotation with those that broke, and says a change, not a break, when only quotations were lost', () => {
    expect(watchNotification(watch, [lost(a)])).toBe(
      '1 source of “Ferry cut” no longer says what the article quotes.',
    );
    expect(watchNotificationTitle(watch, [lost(a)])).toBe('Cited: a watched source changed');
    expect(watchNotification(watch, [lost(a), lost(b)])).toBe(
      '2 sources of “Ferry cut” no longer say what the article quotes.',
    );
    const broke = changeOf(b, [[0, 'dead']]);
    expect(watchNotification(watch, [lost(a), broke])).toBe(
      '1 source of “Ferry cut” broke; 1 no longer says what the article quotes.',
    );
    expect(watchNotificationTitle(watch, [lost(a), broke])).toBe('Cited: a watched source broke');
    // Another article's lost quotation is not this one's.
    expect(watchNotification(watch, [lost(elsewhere)])).toBeNull();
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
