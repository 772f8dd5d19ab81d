import { describe, expect, it } from 'vitest';
import { classifyBrowserNetworkError } from '../../../core/linkcheck/browser-network-errors';
import { browserNetworkError, networkError } from './scripted-web';
import { setup } from './setup';

const SOURCE = 'https://source.example/report/2026/findings.html';

/** A browser whose network log names each failure, as webRequest.onErrorOccurred does. */
function browserWith(names: string[]) {
  const asked: string[] = [];
  const queue = [...names];
  const env = setup({
    redirectMode: 'follow',
    explainFailure: async (url) => {
      asked.push(url);
      return queue.length > 1 ? queue.shift() : queue[0];
    },
  });
  return { ...env, asked };
}

/** 200 and the first part of a page, then the connection breaks. */
function brokenMidBody(): Response {
  let sent = false;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent) {
        controller.error(new TypeError('Failed to fetch'));
        return;
      }
      sent = true;
      controller.enqueue(new TextEncoder().encode('<!doctype html><title>Findings</title><p>The first part'));
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': 'text/html' } });
}

describe("the browser's names for network failures", () => {
  it.each([
    ['net::ERR_NAME_NOT_RESOLVED', 'dns'],
    ['net::ERR_CONNECTION_REFUSED', 'refused'],
    ['net::ERR_CONNECTION_RESET', 'reset'],
    ['net::ERR_EMPTY_RESPONSE', 'empty-response'],
    ['net::ERR_RESPONSE_HEADERS_TOO_BIG', 'headers-too-big'],
    ['net::ERR_INVALID_HTTP_RESPONSE', 'invalid-response'],
    ['net::ERR_CONNECTION_TIMED_OUT', 'timeout'],
    ['net::ERR_TUNNEL_CONNECTION_FAILED', 'proxy'],
    ['net::ERR_CERT_DATE_INVALID', 'tls'],
    ['net::ERR_SSL_PROTOCOL_ERROR', 'tls'],
    ['net::ERR_TOO_MANY_REDIRECTS', 'too-many-redirects'],
    ['NS_ERROR_UNKNOWN_HOST', 'dns'],
    ['NS_ERROR_CONNECTION_REFUSED', 'refused'],
    ['NS_ERROR_NET_RESET', 'reset'],
    ['NS_ERROR_FILE_TOO_BIG', 'headers-too-big'],
    ['NS_ERROR_NET_TIMEOUT', 'timeout'],
    ['SEC_ERROR_EXPIRED_CERTIFICATE', 'tls'],
    ['NS_ERROR_PROXY_BAD_GATEWAY', 'proxy'],
    ['Cannot communicate securely with peer: no common encryption algorithm(s).', 'tls'],
    ["Peer's Certificate has expired.", 'tls'],
    ['net::ERR_SOMETHING_NEW', 'network'],
  ])('%s is %s', (name, code) => {
    expect(classifyBrowserNetworkError(name)).toBe(code);
  });

  it('a cancelled request says nothing about the site', () => {
    expect(classifyBrowserNetworkError('net::ERR_ABORTED')).toBeUndefined();
    expect(classifyBrowserNetworkError('NS_BINDING_ABORTED')).toBeUndefined();
  });

  it('once the answer began, any break is the page cut short', () => {
    expect(classifyBrowserNetworkError('net::ERR_CONNECTION_RESET', 'body')).toBe('interrupted');
  });
});

describe('a check in the browser reads the reason from its network log', () => {
  it('a name that does not resolve is dead, confirmed by a second try', async () => {
    const { web, check } = browserWith(['net::ERR_NAME_NOT_RESOLVED']);
    web.on(SOURCE, browserNetworkError());
    const result = await check(SOURCE);
    expect(result.status).toBe('dead');
    expect(result.evidence.errorCode).toBe('dns');
    expect(result.evidence.attempts).toBe(2);
    expect(result.reason).toMatch(/source\.example no longer exists \(its name does not resolve\)/);
  });

  it('a refused connection is dead, confirmed by a second try', async () => {
    const { web, check } = browserWith(['NS_ERROR_CONNECTION_REFUSED']);
    web.on(SOURCE, browserNetworkError());
    const result = await check(SOURCE);
    expect(result.status).toBe('dead');
    expect(result.evidence.errorCode).toBe('refused');
    expect(result.reason).toMatch(/refuses connections/);
  });

  it.each([
    [
      'net::ERR_CONNECTION_RESET',
      'reset',
      /connection was reset before it answered \(net::ERR_CONNECTION_RESET\)/,
    ],
    ['net::ERR_EMPTY_RESPONSE', 'empty-response', /closed the connection without answering/],
    ['net::ERR_RESPONSE_HEADERS_TOO_BIG', 'headers-too-big', /headers were too long to read/],
    ['NS_ERROR_FILE_TOO_BIG', 'headers-too-big', /headers were too long to read \(NS_ERROR_FILE_TOO_BIG\)/],
    ['net::ERR_INVALID_HTTP_RESPONSE', 'invalid-response', /not a valid HTTP answer/],
    ['net::ERR_TUNNEL_CONNECTION_FAILED', 'proxy', /through your proxy, which did not say why/],
  ])('%s: a server that was there is unreachable, never dead', async (name, code, reason) => {
    const { web, check } = browserWith([name]);
    web.on(SOURCE, browserNetworkError());
    const result = await check(SOURCE);
    expect(result.status).toBe('unreachable');
    expect(result.evidence.errorCode).toBe(code);
    expect(result.reason).toMatch(reason);
    // Retried like any passing trouble before the verdict.
    expect(web.calls.length).toBeGreaterThan(1);
  });

  it('a connection that closes in the middle of the page is unreachable, saying so', async () => {
    const { web, check } = browserWith(['net::ERR_CONNECTION_RESET']);
    web.on(SOURCE, () => brokenMidBody());
    const result = await check(SOURCE);
    expect(result.status).toBe('unreachable');
    expect(result.evidence.errorCode).toBe('interrupted');
    expect(result.reason).toMatch(/closed in the middle of the page \(net::ERR_CONNECTION_RESET\)/);
  });

  it('a failure first unexplained, then a reset: the reason of the last try is told', async () => {
    const { web, check, asked } = browserWith(['net::ERR_EMPTY_RESPONSE', 'net::ERR_CONNECTION_RESET']);
    web.on(SOURCE, browserNetworkError());
    const result = await check(SOURCE);
    expect(result.status).toBe('unreachable');
    expect(asked.every((url) => url === SOURCE)).toBe(true);
    expect(result.reason).toMatch(/reset/);
  });

  it('Node names the failure itself: the network log is not asked', async () => {
    const { web, check, asked } = browserWith(['net::ERR_CONNECTION_RESET']);
    web.on(SOURCE, networkError('ENOTFOUND'));
    const result = await check(SOURCE);
    expect(result.status).toBe('dead');
    expect(result.evidence.errorCode).toBe('dns');
    expect(asked).toEqual([]);
  });
});
