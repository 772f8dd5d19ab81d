import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../../core/linkcheck/retry-after';
import { html, networkError, page, status, words } from './scripted-web';
import { setup } from './setup';

const URL_A = 'https://busy.example/a/story-one';
const URL_B = 'https://busy.example/a/story-two';
const canonical = (url: string) => html(page('Story', words(url), `<link rel="canonical" href="${url}">`));

describe('Retry-After', () => {
  it('reads delay-seconds and HTTP dates', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});

describe('rate-limited (429)', () => {
  it('waits as long as Retry-After asks, then succeeds (LK-41)', async () => {
    const { web, check } = setup();
    web.on(URL_A, status(429, { 'retry-after': '10' }), canonical(URL_A));
    const result = await check(URL_A);
    expect(result.status).toBe('alive');
    const [first, second] = web.callsTo(URL_A);
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(10_000);
  });

  it('honours an HTTP-date Retry-After', async () => {
    const { web, clock, check } = setup();
    const at = new Date(clock.now() + 5000).toUTCString();
    web.on(URL_A, status(429, { 'retry-after': at }), canonical(URL_A));
    expect((await check(URL_A)).status).toBe('alive');
    const calls = web.callsTo(URL_A);
    expect((calls[1]?.at ?? 0) - (calls[0]?.at ?? 0)).toBeGreaterThanOrEqual(4000);
  });

  it('is rate-limited when 429 persists after waiting as asked', async () => {
    const { web, check } = setup();
    web.on(URL_A, status(429, { 'retry-after': '3' }));
    const result = await check(URL_A);
    expect(result.status).toBe('rate-limited');
    expect(result.reason).toMatch(/even after waiting as asked 2 time\(s\).*wait 3 s/);
    expect(result.evidence.retryAfterMs).toBe(3000);
    expect(web.callsTo(URL_A)).toHaveLength(3);
  });

  it('does not sit out a wait longer than a minute: reports at once and keeps the host paused', async () => {
    const { web, clock, checker } = setup();
    web.on(URL_A, status(429, { 'retry-after': '3600' }));
    web.on(URL_B, canonical(URL_B));
    const first = await clock.settle(checker.check(URL_A));
    expect(first.status).toBe('rate-limited');
    expect(first.reason).toMatch(/1 h/);
    const second = await clock.settle(checker.check(URL_B));
    expect(second.status).toBe('rate-limited');
    expect(web.callsTo(URL_B)).toHaveLength(0);
  });

  it('a 429 pauses the whole host: other URLs of that host wait too (LK-45)', async () => {
    const { web, clock, checker } = setup();
    web.on(URL_A, status(429, { 'retry-after': '3' }), canonical(URL_A));
    web.on(URL_B, canonical(URL_B));
    web.on('https://other.example/x', canonical('https://other.example/x'));
    const run = checker.run([URL_A]);
    await clock.flush();
    const later = checker.run([URL_B, 'https://other.example/x']);
    await clock.settle(Promise.all([run.done, later.done]));
    const firstLimit = web.callsTo(URL_A)[0]?.at ?? 0;
    expect(web.callsTo(URL_B)[0]?.at).toBeGreaterThanOrEqual(firstLimit + 3000);
    expect(web.callsTo('https://other.example/x')[0]?.at).toBeLessThan(firstLimit + 3000);
  });
});

describe('unreachable', () => {
  it('5xx is retried with exponential backoff, then unreachable after 3 tries', async () => {
    const { web, check } = setup({ random: () => 0.5 });
    web.on(URL_A, status(503));
    const result = await check(URL_A);
    expect(result.status).toBe('unreachable');
    expect(result.reason).toMatch(/HTTP 503.*3 tries.*temporary/);
    const times = web.callsTo(URL_A).map((call) => call.at);
    expect(times).toEqual([0, 1000, 3000]);
  });

  it('a server error that clears up on a retry is alive', async () => {
    const { web, check } = setup();
    web.on(URL_A, status(502), canonical(URL_A));
    const result = await check(URL_A);
    expect(result.status).toBe('alive');
    expect(result.evidence.attempts).toBe(2);
  });

  it('a server that never answers times out after 15 s per try, then unreachable', async () => {
    const { web, check } = setup({ random: () => 0.5 });
    web.on(URL_A, (_url, init) => {
      const signal = init.signal as AbortSignal;
      return new Promise<Response>((_, reject) =>
        signal.addEventListener('abort', () => reject(signal.reason)),
      );
    });
    const result = await check(URL_A);
    expect(result.status).toBe('unreachable');
    expect(result.evidence.errorCode).toBe('timeout');
    expect(result.reason).toMatch(/No answer within 15 s/);
    expect(result.evidence.elapsedMs).toBe(15_000 * 3 + 1000 + 2000);
  });

  it('the timeout is configurable', async () => {
    const { web, check } = setup({ timeoutMs: 2000, retry: { unreachableAttempts: 1 } });
    web.on(URL_A, (_url, init) => {
      const signal = init.signal as AbortSignal;
      return new Promise<Response>((_, reject) =>
        signal.addEventListener('abort', () => reject(signal.reason)),
      );
    });
    const result = await check(URL_A);
    expect(result.evidence.elapsedMs).toBe(2000);
    expect(result.reason).toMatch(/within 2 s/);
  });

  it('a temporary DNS failure (EAI_AGAIN, often being offline) is unreachable, not dead', async () => {
    const { web, check } = setup();
    web.on(URL_A, networkError('EAI_AGAIN'));
    const result = await check(URL_A);
    expect(result.status).toBe('unreachable');
    expect(result.reason).toMatch(/local network problem/);
  });

  it('without host permission the link is skipped, not requested (a refused fetch would look dead)', async () => {
    const { web, check } = setup({ hasPermission: (url) => !url.includes('busy.example') });
    const result = await check(URL_A);
    expect(result.status).toBe('skipped');
    expect(result.reason).toMatch(/no permission to contact busy\.example/);
    expect(web.calls).toHaveLength(0);
  });

  it('reports offline without requesting anything', async () => {
    const { web, check } = setup({ isOnline: () => false });
    const result = await check(URL_A);
    expect(result.status).toBe('unreachable');
    expect(result.reason).toMatch(/offline/);
    expect(web.calls).toHaveLength(0);
  });
});
