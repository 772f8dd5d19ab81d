import http from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { sharedFile } from '../../web/paths';
import { text } from '../../web/respond';
import { startTestWeb, type TestWeb } from '../../web/server';
import type { Site } from '../../web/site';

/** A site that says which site and URL answered, so dispatch is visible in the body. */
const echo = (name: string, hosts: string[]): Site => ({
  hosts,
  handle: (_req, res, url) => text(res, 200, `${name} ${url.href}`),
});

/** Holds every request until `size` are in flight at once, then answers them all. */
function barrierSite(host: string, size: number): Site {
  const waiting: (() => void)[] = [];
  return {
    hosts: [host],
    async handle(_req, res) {
      await new Promise<void>((resolve) => {
        waiting.push(resolve);
        if (waiting.length >= size) for (const release of waiting.splice(0)) release();
      });
      text(res, 200, 'released');
    },
  };
}

let web: TestWeb;

beforeAll(async () => {
  web = await startTestWeb({
    sites: [
      echo('A', ['a.example', 'www.a.example']),
      echo('B', ['b.example']),
      barrierSite('busy.example', 3),
      { ...echo('refused', ['refused.example']), connection: 'refused' },
      { ...echo('tls', ['badtls.example']), connection: 'tls-failure' },
      { ...echo('gone', ['gone.example']), connection: 'dns-failure' },
      {
        hosts: ['broken.example'],
        handle() {
          throw new Error('the fixture file is missing');
        },
      },
    ],
  });
});

afterAll(() => web.close());
beforeEach(() => web.resetLog());

describe('the test web as a proxy', () => {
  test('serves plain http addresses by host', async () => {
    const response = await web.fetch('http://a.example/path?q=1');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('A http://a.example/path?q=1');
  });

  test('serves https addresses through a CONNECT tunnel it terminates with TLS', async () => {
    const response = await web.fetch('https://www.a.example/secure');
    expect(await response.text()).toBe('A https://www.a.example/secure');
  });

  test('dispatches each host to the site that claims it', async () => {
    expect(await (await web.fetch('https://b.example/')).text()).toBe('B https://b.example/');
    expect(await (await web.fetch('https://a.example/')).text()).toBe('A https://a.example/');
  });

  test('answers direct (origin-form) requests by their Host header', async () => {
    const body = await new Promise<string>((resolve, reject) => {
      http
        .get(
          { host: '127.0.0.1', port: web.port, path: '/direct', headers: { host: 'b.example' } },
          (res) => {
            let data = '';
            res.on('data', (chunk) => {
              data += chunk;
            });
            res.on('end', () => resolve(data));
          },
        )
        .on('error', reject);
    });
    expect(body).toBe('B http://b.example/direct');
  });

  test('a host no site claims fails like a domain that does not resolve, over http and https', async () => {
    for (const url of ['https://nobody.example/', 'http://nobody.example/page']) {
      const failure = await web.fetch(url).catch((error: unknown) => error);
      // As undici says it without a proxy, so the CLI's classification is tested as it runs for readers.
      expect((failure as Error & { cause?: { code?: string } }).cause?.code, url).toBe('ENOTFOUND');
    }
    expect(web.requests.map((r) => [r.method, r.url, r.connection])).toEqual([
      ['CONNECT', 'https://nobody.example/', 'dns-failure'],
      ['GET', 'http://nobody.example/page', 'dns-failure'],
    ]);
  });

  test('a browser is told which hosts to reach directly, so that their failure is its own', () => {
    expect(web.directRoutes()).toEqual({ unresolvable: ['gone.example'], refusing: ['refused.example'] });
  });

  test('refused, TLS-failure and dns-failure sites fail at the connection, never answering', async () => {
    for (const url of ['https://refused.example/', 'https://badtls.example/', 'https://gone.example/']) {
      await expect(web.fetch(url), url).rejects.toThrow();
    }
    expect(web.requests.map((r) => r.connection)).toEqual(['refused', 'tls-failure', 'dns-failure']);
  });

  test('TLS failure concerns https only: the same host still answers plain http', async () => {
    expect(await (await web.fetch('http://badtls.example/')).text()).toBe('tls http://badtls.example/');
  });

  test('a site that throws answers 500 with the reason, so a broken fixture is visible', async () => {
    const response = await web.fetch('https://broken.example/');
    expect(response.status).toBe(500);
    expect(await response.text()).toContain('the fixture file is missing');
  });

  test('a later site takes over the hosts it claims', async () => {
    const server = await startTestWeb({ sites: [echo('old', ['swap.example'])] });
    try {
      server.addSite(echo('new', ['swap.example']));
      expect(await (await server.fetch('https://swap.example/')).text()).toBe('new https://swap.example/');
    } finally {
      await server.close();
    }
  });
});

describe('the request log', () => {
  test('records method, URL, host and the headers the client sent', async () => {
    await web.fetch('https://a.example/with-cookie', { headers: { cookie: 'session=1', 'x-probe': 'yes' } });
    await web.fetch('https://a.example/plain');
    const [withCookie, plain] = web.requests;
    expect(withCookie).toMatchObject({
      method: 'GET',
      url: 'https://a.example/with-cookie',
      host: 'a.example',
    });
    expect(withCookie?.headers.cookie).toBe('session=1');
    expect(withCookie?.headers['x-probe']).toBe('yes');
    expect(plain?.headers.cookie).toBeUndefined();
    expect(plain?.endedAt).not.toBeNull();
  });

  test('maxConcurrent is the most requests one host had in flight at once', async () => {
    const bodies = await Promise.all(
      [1, 2, 3].map(async (n) => (await web.fetch(`https://busy.example/${n}`)).text()),
    );
    expect(bodies).toEqual(['released', 'released', 'released']);
    expect(web.maxConcurrent('busy.example')).toBe(3);
    expect(web.maxConcurrent('a.example')).toBe(0);

    await web.fetch('https://a.example/one');
    await web.fetch('https://a.example/two');
    expect(web.maxConcurrent('a.example')).toBe(1);
  });

  test('resetLog forgets earlier requests and peaks', async () => {
    await web.fetch('https://a.example/');
    web.resetLog();
    expect(web.requests).toEqual([]);
    expect(web.maxConcurrent('a.example')).toBe(0);
  });
});

test('a missing ../shared file is reported with its path and what needed it', () => {
  expect(() => sharedFile('no/such/file.txt', 'The frobnicator')).toThrow(
    /The frobnicator needs .*shared\/no\/such\/file\.txt, which is missing/,
  );
});
