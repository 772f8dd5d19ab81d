import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  lookupArchivedCopies,
  needsArchiveLookup,
  parseAvailability,
  publicationTimestamp,
} from '../../../core/archive/wayback';
import { redirect, ScriptedWeb, status } from '../linkcheck/scripted-web';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const samples = path.resolve(repoRoot, '../shared/reference/archive-api');
const haveSamples = existsSync(samples);
if (!haveSamples) console.warn(`Skipping the Wayback sample tests: ${samples} is missing.`);

const sample = (name: string) => JSON.parse(readFileSync(path.join(samples, name), 'utf8')) as unknown;

describe.skipIf(!haveSamples)(
  'availability answers published by the Internet Archive (../shared samples)',
  () => {
    it('reads the example.com copy', () => {
      expect(parseAvailability(sample('availability-example.com.json'))).toEqual({
        url: 'https://web.archive.org/web/20130919044612/http://example.com/',
        timestamp: '20130919044612',
        date: '2013-09-19T04:46:12Z',
        status: '200',
        source: 'availability-api',
      });
    });

    it('reads the POST form ({"results":[...]})', () => {
      expect(parseAvailability(sample('availability-post-results.json'))?.timestamp).toBe('20130919044612');
    });

    it('an empty answer means no copy', () => {
      expect(parseAvailability(sample('availability-empty.json'))).toBeNull();
    });
  },
);

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
const snapshot = (timestamp: string, code = '200', url = 'http://news.example/a') => ({
  archived_snapshots: {
    closest: {
      available: true,
      url: `http://web.archive.org/web/${timestamp}/${url}`,
      timestamp,
      status: code,
    },
  },
});

describe('usable copies only', () => {
  it.each([
    [
      {
        archived_snapshots: {
          closest: {
            available: false,
            url: 'http://web.archive.org/web/1/x',
            timestamp: '20200101000000',
            status: '200',
          },
        },
      },
    ],
    [snapshot('20200101000000', '404')],
    [snapshot('20200101000000', '302')],
    [
      {
        archived_snapshots: {
          closest: {
            available: true,
            url: 'javascript:alert(1)',
            timestamp: '20200101000000',
            status: '200',
          },
        },
      },
    ],
  ])('%j is not usable', (body) => {
    expect(parseAvailability(body)).toBeNull();
  });
});

describe('lookupArchivedCopies', () => {
  const cited = 'http://news.example/a';

  it('asks for the copy closest before publication and the most recent one', async () => {
    const web = new ScriptedWeb();
    web.on((u) => u.searchParams.has('timestamp'), json(snapshot('20170624153012')));
    web.on((u) => u.pathname === '/wayback/available', json(snapshot('20240101000000')));
    const lookup = await lookupArchivedCopies(cited, {
      fetch: web.fetch,
      thirdPartyAllowed: true,
      endpoint: 'https://archive.test',
      publishedAt: '2017-08-04',
    });
    expect(lookup.beforePublication?.date).toBe('2017-06-24T15:30:12Z');
    expect(lookup.mostRecent?.timestamp).toBe('20240101000000');
    expect(lookup.publishedAt).toBe('2017-08-04T23:59:59Z');
    const first = new URL(web.calls[0]?.url ?? '');
    expect(first.origin).toBe('https://archive.test');
    expect(first.searchParams.get('url')).toBe(cited);
    expect(first.searchParams.get('timestamp')).toBe('20170804235959');
    expect(first.searchParams.get('closest')).toBe('before');
    expect(web.calls[0]?.init).toMatchObject({ credentials: 'omit', referrerPolicy: 'no-referrer' });
    expect(new URL(web.calls[1]?.url ?? '').searchParams.has('timestamp')).toBe(false);
  });

  it('without a publication date, only the most recent copy', async () => {
    const web = new ScriptedWeb().on(() => true, json(snapshot('20240101000000')));
    const lookup = await lookupArchivedCopies(cited, {
      fetch: web.fetch,
      thirdPartyAllowed: true,
      publishedAt: null,
    });
    expect(lookup.beforePublication).toBeNull();
    expect(lookup.mostRecent?.url).toBe(`https://web.archive.org/web/20240101000000/${cited}`);
    expect(web.calls).toHaveLength(1);
    expect(new URL(web.calls[0]?.url ?? '').origin).toBe('https://archive.org');
  });

  it('steps back past a newest capture that is a 404 to the newest usable one', async () => {
    const web = new ScriptedWeb();
    web.on((u) => u.searchParams.get('timestamp') === '20210412080510', json(snapshot('20190101000000')));
    web.on(() => true, json(snapshot('20210412080511', '404')));
    const lookup = await lookupArchivedCopies(cited, { fetch: web.fetch, thirdPartyAllowed: true });
    expect(lookup.mostRecent?.timestamp).toBe('20190101000000');
  });

  it('ignores a "before" answer that is after publication', async () => {
    const web = new ScriptedWeb().on(() => true, json(snapshot('20240101000000')));
    const lookup = await lookupArchivedCopies(cited, {
      fetch: web.fetch,
      thirdPartyAllowed: true,
      publishedAt: '2017-08-04T10:00:00Z',
    });
    expect(lookup.beforePublication).toBeNull();
    expect(lookup.mostRecent?.timestamp).toBe('20240101000000');
  });

  it('never calls anything when third-party lookups are off', async () => {
    const web = new ScriptedWeb();
    const lookup = await lookupArchivedCopies(cited, {
      fetch: web.fetch,
      thirdPartyAllowed: false,
      publishedAt: '2017-08-04',
    });
    expect(web.calls).toHaveLength(0);
    expect(lookup.error?.code).toBe('third-party-disabled');
    expect(lookup.error?.message).toMatch(/Third-party lookups are off/);
  });

  it('reports a rate-limited or broken archive without throwing', async () => {
    const limited = new ScriptedWeb().on(() => true, status(429));
    expect(
      (await lookupArchivedCopies(cited, { fetch: limited.fetch, thirdPartyAllowed: true })).error?.code,
    ).toBe('rate-limited');
    const broken = new ScriptedWeb().on(() => true, new Response('<html>oops</html>'));
    expect(
      (await lookupArchivedCopies(cited, { fetch: broken.fetch, thirdPartyAllowed: true })).error?.code,
    ).toBe('bad-response');
  });

  // LY-06: GET https://web.archive.org/web/<url> without following redirects.
  it('falls back to the replay redirect when the JSON API answers empty (Node)', async () => {
    const web = new ScriptedWeb();
    web.on((u) => u.pathname === '/wayback/available', json({ archived_snapshots: {} }));
    web.on(
      (u) => u.pathname === `/web/20170804235959/${cited}`,
      redirect(302, `/web/20170601000000/${cited}`),
    );
    web.on((u) => u.pathname === `/web/${cited}`, status(404));
    const lookup = await lookupArchivedCopies(cited, {
      fetch: web.fetch,
      thirdPartyAllowed: true,
      replayFallback: true,
      publishedAt: '2017-08-04',
    });
    expect(lookup.beforePublication).toMatchObject({
      url: `https://web.archive.org/web/20170601000000/${cited}`,
      status: null,
      source: 'replay-redirect',
    });
    expect(
      web.callsTo((u) => u.pathname.startsWith('/web/')).every((call) => call.init.redirect === 'manual'),
    ).toBe(true);
    // The most recent copy found nothing newer: the before-publication copy is also the most recent one.
    expect(lookup.mostRecent?.timestamp).toBe('20170601000000');
  });

  it('knows which verdicts want a lookup', () => {
    expect(needsArchiveLookup('dead')).toBe(true);
    expect(needsArchiveLookup('soft-404')).toBe(true);
    expect(needsArchiveLookup('blocked')).toBe(true);
    expect(needsArchiveLookup('alive')).toBe(false);
    expect(needsArchiveLookup('skipped')).toBe(false);
  });

  it('publication dates: a bare date includes the whole day', () => {
    expect(publicationTimestamp('2017-08-04')).toBe('20170804235959');
    expect(publicationTimestamp('2017-08-04T06:30:00+02:00')).toBe('20170804043000');
    expect(publicationTimestamp('soon')).toBeNull();
  });
});
