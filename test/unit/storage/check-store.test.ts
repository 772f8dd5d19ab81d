import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LinkChecker } from '../../../core/linkcheck/checker';
import type { CheckResult } from '../../../core/linkcheck/types';
import { IndexedDbCheckStore } from '../../../core/storage/check-store';
import { type ChecksDb, openChecksDb } from '../../../core/storage/checks-database';
import { html, page, ScriptedWeb, words } from '../linkcheck/scripted-web';

let counter = 0;
const opened: ChecksDb[] = [];
async function freshDb(name = `checks-${++counter}`): Promise<ChecksDb> {
  const db = await openChecksDb(name);
  opened.push(db);
  return db;
}
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

const result = (url: string): CheckResult => ({
  url,
  status: 'alive',
  reason: 'The page answers (HTTP 200).',
  evidence: {
    redirected: false,
    elapsedMs: 5,
    checkedAt: new Date().toISOString(),
    attempts: 1,
    redirectMode: 'follow',
  },
});

describe('IndexedDbCheckStore', () => {
  it('answers a long article’s verdicts asked for at once, each its own, from one transaction', async () => {
    const db = await freshDb();
    const store = new IndexedDbCheckStore(db);
    const keys = Array.from({ length: 300 }, (_, index) => `https://a.test/${index}`);
    await Promise.all(
      keys.filter((_, index) => index % 3 === 0).map((key) => store.putResult(key, result(key))),
    );
    const transaction = vi.spyOn(db, 'transaction');

    const read = await Promise.all([...keys, keys[3] as string].map((key) => store.getResult(key)));

    expect(read.map((verdict) => verdict?.url ?? null)).toEqual([
      ...keys.map((key, index) => (index % 3 === 0 ? key : null)),
      keys[3],
    ]);
    expect(transaction).toHaveBeenCalledTimes(1);
    // A read asked for after that turn gets a transaction of its own, and sees a verdict stored since.
    await store.putResult(keys[1] as string, result(keys[1] as string));
    expect((await store.getResult(keys[1] as string))?.url).toBe(keys[1]);
  });

  it('stores verdicts that come in together in one transaction, each readable once its write resolves', async () => {
    const db = await freshDb();
    const store = new IndexedDbCheckStore(db);
    const keys = Array.from({ length: 40 }, (_, index) => `https://a.test/${index}`);
    await store.enqueue(
      keys.map((key) => ({ key, url: key, force: false, enqueuedAt: '2026-01-01T00:00:00.000Z' })),
    );
    const transaction = vi.spyOn(db, 'transaction');

    await Promise.all(keys.map((key) => store.putResult(key, result(key))));

    expect(transaction).toHaveBeenCalledTimes(1);
    expect(
      (await Promise.all(keys.map((key) => store.getResult(key)))).map((verdict) => verdict?.url),
    ).toEqual(keys);
    expect(await store.pending()).toEqual([]);
  });

  it('keeps a forced re-check queued when it is asked for while the last verdict of that link waits to be stored', async () => {
    const store = new IndexedDbCheckStore(await freshDb());
    const key = 'https://a.test/recheck';
    const at = '2026-01-01T00:00:00.000Z';
    await store.enqueue([{ key, url: key, force: false, enqueuedAt: at }]);

    const stored = store.putResult(key, result(key));
    await store.enqueue([{ key, url: key, force: true, enqueuedAt: at }]);
    await stored;

    expect(await store.pending()).toEqual([{ key, url: key, force: true, enqueuedAt: at }]);
    expect((await store.getResult(key))?.url).toBe(key);
  });

  it('keeps the queue in first-enqueued order, ORs force, and drops an entry when its verdict is stored', async () => {
    const store = new IndexedDbCheckStore(await freshDb());
    const at = '2026-01-01T00:00:00.000Z';
    await store.enqueue([
      { key: 'https://a.test/1', url: 'https://a.test/1', force: false, enqueuedAt: at },
      { key: 'https://a.test/2', url: 'https://a.test/2#x', force: false, enqueuedAt: at },
    ]);
    await store.enqueue([
      { key: 'https://a.test/3', url: 'https://a.test/3', force: false, enqueuedAt: at },
      { key: 'https://a.test/1', url: 'https://a.test/1', force: true, enqueuedAt: at },
    ]);
    expect((await store.pending()).map((item) => [item.key, item.force])).toEqual([
      ['https://a.test/1', true],
      ['https://a.test/2', false],
      ['https://a.test/3', false],
    ]);
    await store.putResult('https://a.test/2', result('https://a.test/2#x'));
    expect((await store.pending()).map((item) => item.key)).toEqual(['https://a.test/1', 'https://a.test/3']);
    expect((await store.getResult('https://a.test/2'))?.status).toBe('alive');
    await store.dequeue('https://a.test/1');
    expect((await store.pending()).map((item) => item.key)).toEqual(['https://a.test/3']);
  });

  it('survives a restart: a new checker on the same database resumes exactly what was left', async () => {
    const name = `checks-restart-${++counter}`;
    const urls = ['https://b.test/1', 'https://b.test/2', 'https://b.test/3'];
    const web = new ScriptedWeb().otherwise((url) =>
      html(page('x', words(url.href), `<link rel="canonical" href="${url.href}">`)),
    );
    const first = new IndexedDbCheckStore(await freshDb(name));
    // The worker enqueued all three and finished one before it was stopped.
    await first.enqueue(
      urls.map((url) => ({ key: url, url, force: false, enqueuedAt: new Date().toISOString() })),
    );
    await first.putResult(urls[0] as string, result(urls[0] as string));
    opened.pop()?.close();

    const store = new IndexedDbCheckStore(await freshDb(name));
    const checker = new LinkChecker({ fetch: web.fetch, store });
    const resumed = await checker.resume().done;
    expect(resumed.results.map((r) => r.url).sort()).toEqual(urls.slice(1));
    expect(web.calls.map((call) => call.url)).not.toContain(urls[0]);
    expect(await store.pending()).toEqual([]);
    const again = await checker.run(urls).done;
    expect(again.progress.cached).toBe(3);
  });
});
