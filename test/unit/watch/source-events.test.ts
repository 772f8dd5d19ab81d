import { describe, expect, it } from 'vitest';
import type { ArchiveLookup } from '../../../core/archive/types';
import type { CheckResult, LinkStatus } from '../../../core/linkcheck/types';
import type { QuoteStatus } from '../../../core/quote-check/types';
import { IndexedDbWatchStore } from '../../../core/storage/watch-store';
import { newSourceHistory, recordCheck } from '../../../core/watch/history';
import { recordRun } from '../../../core/watch/run-record';
import type { WatchSchedule } from '../../../core/watch/schedule';
import { EVENTS_KEPT, eventsOf, withEvents } from '../../../core/watch/source-events';
import type { SourceHistory } from '../../../core/watch/types';
import { recheckNow } from '../../../core/watch/watch-run';
import { newWatchedArticle } from '../../../core/watch/watched-article';
import { freshDb } from '../storage/helpers';
import { check, DAY_MS, dayAt } from './watch-helpers';

// The timeline beyond link statuses: quotation verdicts that change, and archived copies found (only when the
// reader allows lookups), on a fake calendar.

const source = 'https://www.ferryline.example/press/winter-timetable';
const quote = 'the ferry will sail every ninety minutes';
const copyUrl = `https://web.archive.org/web/20260101000000/${source}`;

function lookup(found: boolean, error = false): ArchiveLookup {
  const copy = {
    url: copyUrl,
    timestamp: '20260101000000',
    date: '2026-01-01T00:00:00Z',
    status: '200',
    source: 'availability-api' as const,
  };
  return {
    url: source,
    beforePublication: null,
    mostRecent: found ? copy : null,
    publishedAt: null,
    lookedUpAt: dayAt(0),
    ...(error ? { error: { code: 'network' as const, message: 'The archive did not answer.' } } : {}),
  };
}

function quoted(status: QuoteStatus) {
  return { quotes: [{ quote, status }] };
}

describe('timeline events', () => {
  it('record a quotation’s first verdict and each change of it, not the runs that say the same', () => {
    let history: SourceHistory = newSourceHistory(source, source);
    for (const [day, status] of [
      [0, 'found'],
      [7, 'found'],
      [14, 'not-found'],
      [21, 'not-found'],
      [28, 'found'],
    ] as const) {
      history = recordCheck(history, check(day, 'alive'), { findings: quoted(status) }).history;
    }
    expect(history.events).toEqual([
      { at: dayAt(0), kind: 'quote', quote, status: 'found', previous: null },
      { at: dayAt(14), kind: 'quote', quote, status: 'not-found', previous: 'found' },
      { at: dayAt(28), kind: 'quote', quote, status: 'found', previous: 'not-found' },
    ]);
    // The link's own verdict is untouched by what the quotation says.
    expect(history.verdict.state).toBe('standing');
  });

  it('tell the reader only when a quotation found before is lost, not when it is first read or found again', () => {
    let history: SourceHistory = newSourceHistory(source, source);
    const told: (string | null)[] = [];
    for (const [day, status] of [
      [0, 'not-found'],
      [7, 'found'],
      [14, 'differs'],
      [21, 'differs'],
      [28, 'found'],
      [35, 'not-found'],
    ] as const) {
      const recorded = recordCheck(history, check(day, 'alive'), { findings: quoted(status) });
      history = recorded.history;
      told.push(recorded.change ? `${recorded.change.kind}: ${recorded.change.reason}` : null);
    }
    expect(told).toEqual([
      null,
      null,
      `quote: The quotation “${quote}” differs in it now.`,
      null,
      null,
      `quote: The quotation “${quote}” is not found in it any more.`,
    ]);
  });

  it('record an archived copy once, the archive having none once, and nothing for a lookup that failed', () => {
    let history: SourceHistory = newSourceHistory(source, source);
    const steps: [number, ArchiveLookup][] = [
      [0, lookup(false)],
      [4, lookup(false)],
      [8, lookup(false, true)],
      [12, lookup(true)],
      [16, lookup(true)],
    ];
    for (const [day, archive] of steps) {
      history = recordCheck(history, check(day, 'dead'), { findings: { archive } }).history;
    }
    expect(history.events).toEqual([
      { at: dayAt(0), kind: 'no-archived-copy' },
      { at: dayAt(12), kind: 'archived-copy', url: copyUrl, date: '2026-01-01T00:00:00Z' },
    ]);
    expect(history.verdict).toMatchObject({ state: 'dead', strikes: [dayAt(0), dayAt(4), dayAt(8)] });
  });

  it('stay bounded, keeping the latest word on each quotation and on the archive', () => {
    let history = withEvents(newSourceHistory(source, source), [
      { at: dayAt(0), kind: 'archived-copy', url: copyUrl, date: dayAt(0) },
      { at: dayAt(0), kind: 'quote', quote: 'a quiet quotation', status: 'found', previous: null },
    ]);
    for (let day = 1; day <= 40; day++) {
      history = withEvents(
        history,
        eventsOf(history, quoted(day % 2 === 0 ? 'found' : 'differs'), dayAt(day)),
      );
    }
    const events = history.events ?? [];
    expect(events.length).toBe(EVENTS_KEPT + 2);
    expect(events[0]).toMatchObject({ kind: 'archived-copy' });
    expect(events[1]).toMatchObject({ quote: 'a quiet quotation' });
    expect(events[events.length - 1]).toMatchObject({ at: dayAt(40), status: 'found' });
    // The quiet quotation's verdict is still known: the same verdict again adds nothing.
    expect(
      eventsOf(history, { quotes: [{ quote: 'a quiet quotation', status: 'found' }] }, dayAt(41)),
    ).toEqual([]);
  });

  it('come from the CLI’s run too (npm run check --state), by source', () => {
    const results: CheckResult[] = [{ url: source, ...check(7, 'alive') }];
    const first = recordRun([], results, dayAt(7), {
      findings: new Map([[source, quoted('found')]]),
    });
    const second = recordRun(first.sources, [{ url: source, ...check(14, 'alive') }], dayAt(14), {
      findings: new Map([[source, quoted('differs')]]),
    });
    expect(second.sources[0]?.events?.map((event) => [event.at, event.kind])).toEqual([
      [dayAt(7), 'quote'],
      [dayAt(14), 'quote'],
    ]);
  });
});

describe('a watch run', () => {
  const SCHEDULE: WatchSchedule = { intervalMs: 7 * DAY_MS, tickMs: 7 * DAY_MS };
  const other = 'https://www.harbour-stats.example/2025/passengers';

  async function watched() {
    const store = new IndexedDbWatchStore(await freshDb());
    await store.putWatch(
      newWatchedArticle({
        url: 'https://www.watch-desk.example/2026/03/ferry-cut/',
        title: 'Ferry timetable cut',
        sources: [source, other],
        quotes: { [source]: [quote] },
        watchedAt: dayAt(0),
        publishedTime: '2026-03-01',
      }),
    );
    return store;
  }

  function web(fates: Record<string, LinkStatus>, quoteStatus: QuoteStatus = 'found') {
    const asked = { quotes: [] as string[], archive: [] as [string, string | null][] };
    return {
      asked,
      deps: {
        check: async (urls: string[]) => urls.map((url) => ({ url, ...check(0, fates[url] ?? 'alive') })),
        checkQuotes: async (url: string, quotes: readonly string[]) => {
          asked.quotes.push(url);
          return quotes.map((each) => ({ quote: each, status: quoteStatus }));
        },
      },
      lookupArchive: async (url: string, publishedTime: string | null) => {
        asked.archive.push([url, publishedTime]);
        return lookup(false);
      },
    };
  }

  it('looks for the quotations of a source that answers, and records when their verdict changes', async () => {
    const store = await watched();
    const first = web({});
    await recheckNow({ store, now: () => Date.parse(dayAt(7)), schedule: SCHEDULE, ...first.deps });
    const changed = web({}, 'not-found');
    const outcome = await recheckNow({
      store,
      now: () => Date.parse(dayAt(14)),
      schedule: SCHEDULE,
      ...changed.deps,
    });
    // Losing the quotation is a change the reader is told about (the badge counts it), though the link stands.
    expect(outcome.changes).toEqual([
      expect.objectContaining({
        url: source,
        kind: 'quote',
        status: 'alive',
        reason: `The quotation “${quote}” is not found in it any more.`,
      }),
    ]);
    expect(await store.unseenCount()).toBe(1);
    expect((await store.getSource(source))?.verdict.state).toBe('standing');
    // Only the quoted source is read for its text.
    expect([first.asked.quotes, changed.asked.quotes]).toEqual([[source], [source]]);
    expect((await store.getSource(source))?.events).toEqual([
      { at: dayAt(7), kind: 'quote', quote, status: 'found', previous: null },
      { at: dayAt(14), kind: 'quote', quote, status: 'not-found', previous: 'found' },
    ]);
    expect((await store.getSource(other))?.events).toBeUndefined();
  });

  it('asks the archive about a source that fails only when lookups are allowed', async () => {
    const store = await watched();
    const off = web({ [source]: 'dead' });
    await recheckNow({ store, now: () => Date.parse(dayAt(7)), schedule: SCHEDULE, ...off.deps });
    expect((await store.getSource(source))?.events).toBeUndefined();
    expect(off.asked.archive).toEqual([]);
    // A failed source's text is not read for quotations: the link check already says it is gone.
    expect(off.asked.quotes).toEqual([]);

    const on = web({ [source]: 'dead' });
    await recheckNow({
      store,
      now: () => Date.parse(dayAt(11)),
      schedule: SCHEDULE,
      ...on.deps,
      lookupArchive: on.lookupArchive,
    });
    expect(on.asked.archive).toEqual([[source, '2026-03-01']]);
    expect((await store.getSource(source))?.events).toEqual([{ at: dayAt(11), kind: 'no-archived-copy' }]);
  });
});
