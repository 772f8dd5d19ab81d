import { describe, expect, it } from 'vitest';
import { browserNetworkError, html, networkError, page, redirect, status, words } from './scripted-web';
import { PROBE, setup } from './setup';

const ARTICLE = 'https://news.example/2017/06/23/wareham-man-arraigned';

describe('alive', () => {
  it('a page that answers 200 and differs from a made-up address of its folder is alive', async () => {
    const { web, check } = setup();
    web.on(ARTICLE, html(page('Wareham man arraigned', words('story'))));
    const result = await check(ARTICLE);
    expect(result.status).toBe('alive');
    expect(result.reason).toMatch(/answers \(HTTP 200\)/);
    expect(result.evidence).toMatchObject({
      httpStatus: 200,
      finalUrl: ARTICLE,
      redirected: false,
      attempts: 1,
    });
    expect(result.evidence.pageTitle).toBe('Wareham man arraigned');
    expect(result.evidence.probe?.verdict).toBe('honest-404');
    expect(result.evidence.probe?.url).toMatch(/^https:\/\/news\.example\/2017\/06\/23\/[a-z]{25}$/);
  });

  it('sends no credentials, no referrer, bypasses the cache and only ever GETs', async () => {
    const { web, check } = setup();
    web.on(ARTICLE, html(page('A story', words('story'))));
    await check(ARTICLE);
    expect(web.calls.length).toBe(2);
    for (const call of web.calls) {
      expect(call.init).toMatchObject({
        method: 'GET',
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        cache: 'no-store',
        redirect: 'manual',
      });
      expect(new Headers(call.init.headers).get('cookie')).toBeNull();
      expect(new Headers(call.init.headers).get('authorization')).toBeNull();
      expect(call.init.signal).toBeInstanceOf(AbortSignal);
    }
  });

  it('an http→https redirect to the same page is still alive, with the chain recorded', async () => {
    const { web, check } = setup();
    web.on('http://news.example/a/story', redirect(301, 'https://news.example/a/story'));
    web.on('https://news.example/a/story', html(page('Story', words('s'))));
    const result = await check('http://news.example/a/story');
    expect(result.status).toBe('alive');
    expect(result.evidence.redirectChain).toEqual([
      { url: 'http://news.example/a/story', status: 301 },
      { url: 'https://news.example/a/story', status: 200 },
    ]);
    expect(result.reason).toMatch(/same page/);
  });

  it('trailing-slash and www. redirects are the same page', async () => {
    const { web, check } = setup();
    web.on('https://example.org/about', redirect(301, 'https://www.example.org/about/'));
    web.on('https://www.example.org/about/', html(page('About', words('about'))));
    expect((await check('https://example.org/about')).status).toBe('alive');
  });

  it('a site home page is alive without a probe', async () => {
    const { web, check } = setup();
    web.on('https://thelocal.de/', html(page('The Local', words('home'))));
    const result = await check('https://thelocal.de/');
    expect(result.status).toBe('alive');
    expect(web.callsTo(PROBE)).toHaveLength(0);
  });

  it('a page naming the cited address as its canonical needs no probe', async () => {
    const { web, check } = setup();
    web.on(ARTICLE, html(page('Story', words('s'), `<link rel="canonical" href="${ARTICLE}">`)));
    const result = await check(ARTICLE);
    expect(result.status).toBe('alive');
    expect(result.reason).toMatch(/canonical/);
    expect(web.callsTo(PROBE)).toHaveLength(0);
    expect(result.evidence.canonicalUrl).toBe(ARTICLE);
  });

  it('a 404 that answers 200 on the confirming try is alive (a passing glitch is not a dead link)', async () => {
    const { web, check } = setup();
    web.on(ARTICLE, status(404), html(page('Story', words('s'))));
    const result = await check(ARTICLE);
    expect(result.status).toBe('alive');
    expect(result.evidence.attempts).toBe(2);
  });
});

describe('redirected', () => {
  it('a redirect to another real page says where', async () => {
    const { web, check } = setup();
    web.on(
      'https://news.example/old/123',
      redirect(301, 'https://news.example/2019/05/new-home-of-the-story'),
    );
    web.on('https://news.example/2019/05/new-home-of-the-story', html(page('The story', words('moved'))));
    const result = await check('https://news.example/old/123');
    expect(result.status).toBe('redirected');
    expect(result.reason).toContain('https://news.example/2019/05/new-home-of-the-story');
    expect(result.evidence.finalUrl).toBe('https://news.example/2019/05/new-home-of-the-story');
    expect(result.evidence.redirectChain?.map((hop) => hop.status)).toEqual([301, 200]);
  });
});

describe('identifiers and home pages', () => {
  it('a DOI that resolves to the publisher page is alive, not "redirected"', async () => {
    const { web, check } = setup();
    web.on(
      'https://doi.org/10.5555/hwq.2024.0173',
      redirect(302, 'https://journals.example/hwq/article/2024/0173'),
    );
    web.on(
      'https://journals.example/hwq/article/2024/0173',
      html(page('Harbour water quality', words('paper'))),
    );
    const result = await check('https://doi.org/10.5555/hwq.2024.0173');
    expect(result.status).toBe('alive');
    expect(result.reason).toMatch(
      /resolves, as identifiers and short links do, to https:\/\/journals\.example/,
    );
  });

  it('a DOI that lands on the publisher home page is still a soft 404', async () => {
    const { web, check } = setup();
    web.on('https://doi.org/10.5555/gone', redirect(302, 'https://journals.example/'));
    web.on('https://journals.example/', html(page('Journals', words('home'))));
    expect((await check('https://doi.org/10.5555/gone')).status).toBe('soft-404');
  });

  it('a home page whose whole site moved to another domain is redirected, even if every address goes there', async () => {
    const { web, check } = setup();
    web.on((url) => url.hostname === 'old-name.example', redirect(301, 'https://new-name.example/'));
    web.on('https://new-name.example/', html(page('New name', words('home'))));
    const result = await check('https://old-name.example/');
    expect(result.status).toBe('redirected');
    expect(result.reason).toMatch(/new-name\.example.*whole site moved/);
  });
});

describe('dead', () => {
  it('404 is dead only after a confirming retry, half a second later', async () => {
    const { web, check } = setup();
    web.on(ARTICLE, status(404));
    const result = await check(ARTICLE);
    expect(result.status).toBe('dead');
    expect(result.reason).toMatch(/404 Not Found.*Confirmed by a second try/);
    const calls = web.callsTo(ARTICLE);
    expect(calls).toHaveLength(2);
    expect((calls[1]?.at ?? 0) - (calls[0]?.at ?? 0)).toBeGreaterThanOrEqual(500);
    expect(web.callsTo(PROBE)).toHaveLength(0);
  });

  it('410 Gone is dead', async () => {
    const { web, check } = setup();
    web.on(ARTICLE, status(410));
    const result = await check(ARTICLE);
    expect(result.status).toBe('dead');
    expect(result.reason).toMatch(/410 Gone/);
  });

  it.each([
    ['ENOTFOUND', 'dns', /no longer exists/],
    ['ECONNREFUSED', 'refused', /refuses connections/],
    ['CERT_HAS_EXPIRED', 'tls', /secure connection .* fails \(CERT_HAS_EXPIRED\)/],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'tls', /secure connection/],
  ])('%s is dead (%s), confirmed twice', async (code, errorCode, reason) => {
    const { web, check } = setup();
    web.on(ARTICLE, networkError(code));
    const result = await check(ARTICLE);
    expect(result.status).toBe('dead');
    expect(result.reason).toMatch(reason);
    expect(result.evidence.errorCode).toBe(errorCode);
    expect(result.evidence.errorMessage).toBe(code);
    expect(web.callsTo(ARTICLE)).toHaveLength(2);
  });

  it('a DNS failure behind an AggregateError of several addresses is still recognised', async () => {
    const { web, check } = setup();
    const aggregate = Object.assign(
      new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })]),
      {
        code: 'ECONNREFUSED',
      },
    );
    web.on(ARTICLE, new TypeError('fetch failed', { cause: aggregate }));
    expect((await check(ARTICLE)).evidence.errorCode).toBe('refused');
  });

  it("the browser's bare 'Failed to fetch' with no reason in its network log is never dead", async () => {
    const { web, check } = setup({ redirectMode: 'follow' });
    web.on(ARTICLE, browserNetworkError());
    const result = await check(ARTICLE);
    expect(result.status).toBe('unreachable');
    expect(result.evidence.errorCode).toBe('connect');
    expect(result.reason).toMatch(/Could not connect to news\.example; the reason is unknown/);
  });
});

describe('soft-404', () => {
  it('a redirect to the site home page, judged from its address alone (the home page is not requested)', async () => {
    const { web, check } = setup();
    web.on(ARTICLE, redirect(301, 'https://news.example/'));
    web.on('https://news.example/', html(page('News Example', words('home'))));
    const result = await check(ARTICLE);
    expect(result.status).toBe('soft-404');
    expect(result.reason).toMatch(/home page/);
    expect(result.evidence).toMatchObject({
      httpStatus: 301,
      finalUrl: 'https://news.example/',
      redirected: true,
    });
    expect(web.callsTo('https://news.example/')).toHaveLength(0);
  });

  it('in a browser (follow mode) the same redirect is recognised from where fetch ended', async () => {
    const { web, check } = setup({ redirectMode: 'follow' });
    web.on(ARTICLE, redirect(301, 'https://news.example/'));
    web.on('https://news.example/', html(page('News Example', words('home'))));
    const result = await check(ARTICLE);
    expect(result.status).toBe('soft-404');
    expect(result.evidence.redirectChain).toBeUndefined();
    expect(result.evidence).toMatchObject({
      finalUrl: 'https://news.example/',
      redirected: true,
      redirectMode: 'follow',
    });
  });

  it('a redirect to a section front', async () => {
    const { web, check } = setup();
    web.on(
      'https://wickedlocal.example/news/20170623/wareham',
      redirect(302, 'https://wickedlocal.example/news/'),
    );
    web.on('https://wickedlocal.example/news/', html(page('News', words('section'))));
    const result = await check('https://wickedlocal.example/news/20170623/wareham');
    expect(result.status).toBe('soft-404');
    expect(result.reason).toMatch(/section page \(https:\/\/wickedlocal\.example\/news\/\)/);
  });

  it('a redirect to an error address (/404.html)', async () => {
    const { web, check } = setup();
    web.on(ARTICLE, redirect(302, 'https://news.example/errors/404.html'));
    web.on('https://news.example/errors/404.html', html(page('Oops', words('err'))));
    expect((await check(ARTICLE)).reason).toMatch(/error page/);
  });

  it.each([
    'Page not found | News Example',
    '404 Not Found',
    'Seite nicht gefunden – Polizei',
    "Oops! That page can't be found. – Blog",
  ])('a 200 page titled %s', async (title) => {
    const { web, check } = setup();
    web.on(ARTICLE, html(page(title, words('x'))));
    const result = await check(ARTICLE);
    expect(result.status).toBe('soft-404');
    expect(result.reason).toContain('page says');
  });

  it.each([
    'BKA Seized a Darknet Child Abuse Forum',
    'Inside 404 Media, the reporter-owned site',
    'Not Found: the lost art of getting lost',
  ])('a headline that only mentions such words is not a soft 404: %s', async (title) => {
    const { web, check } = setup();
    web.on(ARTICLE, html(page(title, words('x'))));
    expect((await check(ARTICLE)).status).toBe('alive');
  });

  it('a page that matches what a made-up address of its folder gets (catch-all site)', async () => {
    const { web, check } = setup();
    const template = page('News Example', words('catchall', 400));
    web.otherwise(() => html(template));
    const result = await check(ARTICLE);
    expect(result.status).toBe('soft-404');
    expect(result.evidence.probe).toMatchObject({ verdict: 'similar', httpStatus: 200 });
    expect(result.evidence.probe?.similarity).toBeGreaterThanOrEqual(0.95);
    expect(result.reason).toMatch(/100% the same as what the site shows for a made-up address/);
  });

  it('a redirect that ends where a made-up address of the same folder ends', async () => {
    const { web, check } = setup();
    web.on(/\/2017\/06\/23\//, redirect(302, 'https://news.example/search?q=not+here'));
    web.on('https://news.example/search?q=not+here', html(page('Search', words('search'))));
    const result = await check(ARTICLE);
    expect(result.status).toBe('soft-404');
    expect(result.evidence.probe?.verdict).toBe('same-final-url');
  });

  it('a seized site answering every address with one notice', async () => {
    const { web, check } = setup();
    web.otherwise(() =>
      html(
        page('Seized', 'This hidden site has been seized by the FBI as part of a law enforcement action.'),
      ),
    );
    const result = await check('https://www.deepdotweb.example/2017/08/04/bka-arrests/');
    expect(result.status).toBe('soft-404');
    expect(result.reason).toMatch(/seizure notice/);
  });

  it('a seizure banner title decides even for the site home page', async () => {
    const { web, check } = setup();
    web.otherwise(() => html(page('This domain has been seized', words('banner'))));
    const result = await check('https://www.deepdotweb.example/');
    expect(result.status).toBe('soft-404');
  });

  it('a parked domain', async () => {
    const { web, check } = setup();
    web.otherwise(() => html(page('oldnews.example is for sale', words('ads'))));
    const result = await check('https://oldnews.example/story/1');
    expect(result.status).toBe('soft-404');
    expect(result.reason).toMatch(/parked or for sale/);
  });

  it('a real short article inside a big shared template is not taken for the not-found page', async () => {
    const { web, check } = setup();
    const chrome = words('menu', 3000);
    web.on(ARTICLE, html(`<title>Story</title>${chrome} ${words('unique', 80)}`));
    web.otherwise(() => html(`<title>Story</title>${chrome} sorry nothing here`));
    const result = await check(ARTICLE);
    expect(result.evidence.probe?.similarity).toBeGreaterThanOrEqual(0.95);
    expect(result.status).toBe('alive');
  });
});

describe('blocked', () => {
  it.each([
    [401, /login/],
    [402, /payment/],
    [403, /refused the automatic check/],
    [999, /blocks automatic checks/],
    [451, /legal reasons/],
    [400, /refused the automatic request \(HTTP 400\)/],
  ])('HTTP %i is blocked, never dead', async (code, reason) => {
    const { web, check } = setup();
    web.on(ARTICLE, status(code));
    const result = await check(ARTICLE);
    expect(result.status).toBe('blocked');
    expect(result.reason).toMatch(reason);
    expect(web.callsTo(ARTICLE)).toHaveLength(1);
  });

  it('a Cloudflare challenge (cf-mitigated: challenge) is blocked', async () => {
    const { web, check } = setup();
    web.on(
      ARTICLE,
      status(
        403,
        { 'cf-mitigated': 'challenge', 'content-type': 'text/html' },
        '<title>Just a moment...</title>',
      ),
    );
    const result = await check(ARTICLE);
    expect(result.status).toBe('blocked');
    expect(result.reason).toMatch(/bot check/);
  });

  it('a bot-check page served with 200 is blocked', async () => {
    const { web, check } = setup();
    web.on(ARTICLE, html(page('Just a moment...', 'Checking your browser')));
    expect((await check(ARTICLE)).status).toBe('blocked');
  });

  it('a redirect to a login page is blocked', async () => {
    const { web, check } = setup();
    web.on(ARTICLE, redirect(302, 'https://accounts.news.example/login?return=%2F2017'));
    web.on(/accounts\.news\.example/, html(page('Sign in', words('login'))));
    const result = await check(ARTICLE);
    expect(result.status).toBe('blocked');
    expect(result.reason).toMatch(/login or subscription/);
  });

  it('a redirect loop (cookies wanted) is blocked, not dead', async () => {
    const { web, check } = setup();
    web.on('https://paper.example/a', redirect(302, 'https://paper.example/b'));
    web.on('https://paper.example/b', redirect(302, 'https://paper.example/a'));
    const result = await check('https://paper.example/a');
    expect(result.status).toBe('blocked');
    expect(result.evidence.errorCode).toBe('redirect-loop');
    expect(result.reason).toMatch(/circle/);
    expect(web.calls).toHaveLength(2);
  });

  it('in a browser, "Failed to fetch" from a server that answers with redirects is blocked', async () => {
    const { web, check } = setup({ redirectMode: 'follow' });
    // The browser gives up on the loop with a bare TypeError; a manual request shows the server does answer.
    web.on(
      ARTICLE,
      (() => {
        let call = 0;
        return () => (call++ === 0 ? browserNetworkError() : redirect(302, ARTICLE));
      })(),
    );
    const result = await check(ARTICLE);
    expect(result.status).toBe('blocked');
    expect(result.reason).toMatch(/redirects the browser could not finish/);
  });
});

describe('redirect limits', () => {
  const chain = (length: number, web: ReturnType<typeof setup>['web']) => {
    for (let i = 0; i < length; i++)
      web.on(`https://hop.example/${i}`, redirect(302, `https://hop.example/${i + 1}`));
    web.on(
      `https://hop.example/${length}`,
      html(page('End', words('end'), '<link rel=canonical href="/x">')),
    );
  };

  it('follows 20 redirects', async () => {
    const { web, check } = setup();
    chain(20, web);
    const result = await check('https://hop.example/0');
    expect(result.status).not.toBe('blocked');
    expect(result.evidence.redirectChain).toHaveLength(21);
  });

  it('stops at the 21st and does not request it', async () => {
    const { web, check } = setup();
    chain(21, web);
    const result = await check('https://hop.example/0');
    expect(result.status).toBe('blocked');
    expect(result.evidence.errorCode).toBe('too-many-redirects');
    expect(web.callsTo('https://hop.example/21')).toHaveLength(0);
  });

  it('rejects a redirect to a non-web scheme', async () => {
    const { web, check } = setup();
    web.on(ARTICLE, redirect(302, 'javascript:alert(1)'));
    const result = await check(ARTICLE);
    expect(result.status).toBe('blocked');
    expect(result.evidence.errorCode).toBe('invalid-redirect');
  });
});

describe('skipped', () => {
  it.each([
    'mailto:someone@example.org',
    'ftp://files.example/a',
    'javascript:void(0)',
    'http:////',
    'not a url',
  ])('%s is skipped without any request', async (url) => {
    const { web, check } = setup();
    const result = await check(url);
    expect(result.status).toBe('skipped');
    expect(web.calls).toHaveLength(0);
  });
});

describe('capped read', () => {
  it('reads at most 256 KiB of a large page, then stops the download', async () => {
    const { web, check } = setup();
    let pulled = 0;
    let cancelled = false;
    const chunk = new TextEncoder().encode(`<p>${'lorem ipsum '.repeat(5000)}</p>`);
    web.on(ARTICLE, () => {
      const body = new ReadableStream<Uint8Array>(
        {
          pull(controller) {
            pulled += chunk.byteLength;
            controller.enqueue(chunk);
            if (pulled > 10 * 1024 * 1024) controller.close();
          },
          cancel() {
            cancelled = true;
          },
        },
        { highWaterMark: 0 },
      );
      return new Response(body, { headers: { 'content-type': 'text/html' } });
    });
    const result = await check(ARTICLE);
    expect(result.evidence.truncated).toBe(true);
    expect(cancelled).toBe(true);
    expect(pulled).toBeLessThan(256 * 1024 + 2 * chunk.byteLength);
  });
});
