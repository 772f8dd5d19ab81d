import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckResult } from '../../../core/linkcheck/types';
import type { SourceQuoteCheck } from '../../../core/quote-check/source-check';
import type { SourceChange } from '../../../core/source-change/types';
import { IndexedDbCheckStore } from '../../../core/storage/check-store';
import { type ChecksDb, openChecksDb } from '../../../core/storage/checks-database';
import {
  IndexedDbSourceReadingStore,
  quoteCheckId,
  sourceChangeId,
  validateReadings,
  validateReadingsRequest,
} from '../../../core/storage/source-reading-store';

let counter = 0;
const opened: ChecksDb[] = [];
async function freshDb(name = `readings-${++counter}`): Promise<ChecksDb> {
  const db = await openChecksDb(name);
  opened.push(db);
  return db;
}
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

const HOUR = 60 * 60 * 1000;
const now = Date.parse('2026-03-12T12:00:00Z');
const hoursAgo = (hours: number) => new Date(now - hours * HOUR).toISOString();

const source = 'https://harbour.test/ferry';
const quote = 'the ferry will sail every ninety minutes';

function quoteCheck(checkedAt: string, read = true): SourceQuoteCheck {
  return {
    url: source,
    finalUrl: read ? source : null,
    httpStatus: read ? 200 : null,
    textOrigin: read ? 'article' : null,
    note: null,
    archivedUrl: null,
    checkedAt,
    verdicts: read
      ? [{ status: 'not-found', quote }]
      : [{ status: 'not-checkable', quote, reason: 'no-answer', detail: 'No answer.' }],
  };
}

function change(checkedAt: string, liveUrl: string | null = source): SourceChange {
  return {
    url: source,
    status: liveUrl ? 'unchanged' : 'gone',
    summary: 'The page says what it said.',
    copy: {
      url: 'https://web.archive.org/web/20260101000000/https://harbour.test/ferry',
      date: '2026-01-01T00:00:00Z',
      citedAt: '2026-01-02',
      citedAtIs: 'publication',
    },
    liveUrl,
    changedShare: 0,
    passages: [],
    morePassages: 0,
    checkedAt,
  };
}

describe('kept quote checks and comparisons', () => {
  it('answers the same question with what was found, while it is as fresh as a link verdict would be', async () => {
    const store = new IndexedDbSourceReadingStore(await freshDb());
    const read = quoteCheckId(source, [quote], false);
    const unanswered = quoteCheckId('https://down.test/', [quote], false);
    const compared = sourceChangeId(source, '2026-01-02');
    await store.put({
      quoteChecks: [
        { id: read, check: quoteCheck(hoursAgo(20)) },
        { id: unanswered, check: { ...quoteCheck(hoursAgo(2), false), url: 'https://down.test/' } },
      ],
      changes: [{ id: compared, change: change(hoursAgo(23)) }],
    });
    const fresh = await store.fresh({ quoteChecks: [read, unanswered], changes: [compared] }, now);
    // A source that answered is good for a day; one that did not, for an hour (the link verdicts' rule).
    expect(fresh.quoteChecks.map((stored) => stored.check.verdicts[0]?.status)).toEqual(['not-found']);
    expect(fresh.changes.map((stored) => stored.change.status)).toEqual(['unchanged']);
    const dayLater = await store.fresh({ quoteChecks: [read], changes: [compared] }, now + 5 * HOUR);
    expect(dayLater).toEqual({ quoteChecks: [], changes: [] });
  });

  it('does not answer another question: other quotations, archives read or not, another cited moment', async () => {
    const store = new IndexedDbSourceReadingStore(await freshDb());
    await store.put({
      quoteChecks: [{ id: quoteCheckId(source, [quote], false), check: quoteCheck(hoursAgo(1)) }],
      changes: [{ id: sourceChangeId(source, '2026-01-02'), change: change(hoursAgo(1)) }],
    });
    const other = await store.fresh(
      {
        quoteChecks: [
          quoteCheckId(source, ['the ferry will sail every hour'], false),
          quoteCheckId(source, [quote], true),
        ],
        changes: [sourceChangeId(source, '2025-06-01')],
      },
      now,
    );
    expect(other).toEqual({ quoteChecks: [], changes: [] });
    // The address's fragment is not part of the question.
    const sameAddress = await store.fresh(
      { quoteChecks: [quoteCheckId(`${source}#p3`, [quote], false)], changes: [] },
      now,
    );
    expect(sameAddress.quoteChecks).toHaveLength(1);
  });

  it('a profile with link verdicts from before keeps them when the database gains the new stores', async () => {
    const name = `readings-upgrade-${++counter}`;
    const old = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('checkResults', { keyPath: 'key' });
        db.createObjectStore('checkQueue', { keyPath: 'key' }).createIndex('by-seq', 'seq');
        db.createObjectStore('archiveLookups', { keyPath: 'archiveKey' });
      },
    });
    const verdict: CheckResult = {
      url: source,
      status: 'alive',
      reason: 'The page answers (HTTP 200).',
      evidence: {
        redirected: false,
        elapsedMs: 5,
        checkedAt: hoursAgo(1),
        attempts: 1,
        redirectMode: 'follow',
      },
    };
    await old.put('checkResults', { key: source, result: verdict });
    old.close();
    const db = await freshDb(name);
    expect((await new IndexedDbCheckStore(db).getResult(source))?.status).toBe('alive');
    const store = new IndexedDbSourceReadingStore(db);
    const id = quoteCheckId(source, [quote], false);
    await store.put({ quoteChecks: [{ id, check: quoteCheck(hoursAgo(1)) }], changes: [] });
    expect((await store.fresh({ quoteChecks: [id], changes: [] }, now)).quoteChecks).toHaveLength(1);
  });

  it('refuses what no panel sends, in plain words', () => {
    expect(() => validateReadingsRequest({ quoteChecks: 'all', changes: [] } as never)).toThrow(
      'Cited expected lists of stored quote checks and comparisons.',
    );
    expect(() =>
      validateReadingsRequest({ quoteChecks: Array.from({ length: 2001 }, (_, i) => `${i}`), changes: [] }),
    ).toThrow('Cited asks about at most 2000 sources at once.');
    expect(() => validateReadings({ quoteChecks: [{ id: 'x' }], changes: [] } as never)).toThrow(
      'Cited expected quote checks and comparisons to keep.',
    );
  });
});
