import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestWeb, type TestWeb } from '../../web/server';
import { demoCitations, demoPublished } from '../../web/sites/demo/fates';
import { newburyportnewsUrl, seedCitationFates } from '../../web/sites/seed-sources';
import { waybackSite } from '../../web/sites/wayback';

let web: TestWeb;
beforeAll(async () => {
  web = await startTestWeb({ sites: [waybackSite()] });
});
afterAll(() => web.close());

const available = async (query: Record<string, string>) =>
  (await web.fetch(`https://archive.org/wayback/available?${new URLSearchParams(query)}`)).json();

describe('the local Wayback availability API', () => {
  test('gives the copy closest before a date in the documented shape', async () => {
    expect(await available({ url: newburyportnewsUrl, timestamp: '20170804', closest: 'before' })).toEqual({
      archived_snapshots: {
        closest: {
          available: true,
          url: `http://web.archive.org/web/20170624153012/${newburyportnewsUrl}`,
          timestamp: '20170624153012',
          status: '200',
        },
      },
    });
  });

  test('without a timestamp gives the most recent capture, which for a dead page is a 404 capture', async () => {
    const { archived_snapshots } = await available({ url: newburyportnewsUrl.replace('http://www.', '') });
    expect(archived_snapshots.closest).toMatchObject({ timestamp: '20210412080511', status: '404' });
  });

  test('answers an empty object for a URL it never archived', async () => {
    expect(await available({ url: 'https://never-archived.example/page' })).toEqual({
      archived_snapshots: {},
    });
  });

  test('answers the POST form with a results list', async () => {
    const response = await web.fetch('https://archive.org/wayback/available', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ url: newburyportnewsUrl, timestamp: '2017' }).toString(),
    });
    const { results } = await response.json();
    expect(results).toHaveLength(1);
    expect(results[0].archived_snapshots.closest.timestamp).toBe('20170624153012');
  });

  test('holds a usable copy from before publication for exactly the citations the tables say', async () => {
    const cases = [
      ...demoCitations.map((c) => ({ ...c, before: demoPublished.replace(/\D/g, '').slice(0, 14) })),
      ...seedCitationFates('seized').map((c) => ({ ...c, before: '20170804' })),
    ];
    for (const c of cases) {
      const { archived_snapshots } = await available({ url: c.url, timestamp: c.before, closest: 'before' });
      const usable =
        archived_snapshots.closest?.available === true && archived_snapshots.closest.status.startsWith('2');
      expect(usable, c.url).toBe(c.archivedCopy);
    }
  });
});

describe('replay', () => {
  const copy = `https://web.archive.org/web/20170624153012/${newburyportnewsUrl}`;

  test('serves a capture with the archive banner and memento headers', async () => {
    const response = await web.fetch(copy);
    expect(response.status).toBe(200);
    expect(response.headers.get('memento-datetime')).toBe('Sat, 24 Jun 2017 15:30:12 GMT');
    const body = await response.text();
    expect(body).toContain('id="wm-ipp"');
    expect(body).toContain('electronic service provider Chatstep.com');
  });

  test('id_ gives the original page without the banner', async () => {
    const body = await (await web.fetch(copy.replace('153012/', '153012id_/'))).text();
    expect(body).not.toContain('wm-ipp');
    expect(body).toContain('Newburyport man faces child porn charge');
  });

  test('an inexact timestamp redirects to the nearest capture, and no capture is a 404', async () => {
    const near = await web.fetch(`https://web.archive.org/web/2017/${newburyportnewsUrl}`, {
      redirect: 'manual',
    });
    expect(near.status).toBe(302);
    expect(near.headers.get('location')).toBe(`/web/20170624153012/${newburyportnewsUrl}`);
    const none = await web.fetch('https://web.archive.org/web/https://never-archived.example/', {
      redirect: 'manual',
    });
    expect(none.status).toBe(404);
  });
});
