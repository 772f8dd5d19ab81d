import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { ProxyAgent, fetch as undiciFetch } from 'undici';
import { errorMessage } from '../../core/errors/cited-error';
import { throwawayCertificate } from './certificate';
import type { RecordedRequest, Site } from './site';

export interface TestWeb {
  port: number;
  /** What to give Chromium's --proxy-server or any HTTP client's proxy setting. */
  proxyUrl: string;
  /** Every request, in arrival order, including those that hit a failing connection (see `connection`). */
  requests: RecordedRequest[];
  /** The most requests `host` had in flight at once since start or the last resetLog(). */
  maxConcurrent(host: string): number;
  resetLog(): void;
  /** A later site takes over the hosts it claims (e.g. switch the seed to its seized era after the page loaded). */
  addSite(site: Site): void;
  /**
   * fetch (undici) through the test web, trusting its throwaway certificate: runs core/ code from Node unchanged.
   * A host that does not resolve or refuses connections fails as it would without a proxy (ENOTFOUND,
   * ECONNREFUSED), and the attempt is recorded.
   */
  fetch: typeof globalThis.fetch;
  /**
   * The hosts a browser should reach directly rather than through the proxy, so that it sees their failure as a
   * reader on the open web does (a name that does not resolve, a refused connection); see ./routing.ts.
   */
  directRoutes(): DirectRoutes;
  close(): Promise<void>;
}

export interface TestWebOptions {
  sites?: Site[];
  port?: number;
}

type FailingConnection = Exclude<Site['connection'], 'ok' | undefined>;

export interface DirectRoutes {
  unresolvable: string[];
  refusing: string[];
}

// A fatal TLS alert (handshake_failure): the client sees a broken handshake, not an HTTP answer.
const TLS_HANDSHAKE_FAILURE_ALERT = Buffer.from([0x15, 0x03, 0x01, 0x00, 0x02, 0x02, 0x28]);

export async function startTestWeb(options: TestWebOptions = {}): Promise<TestWeb> {
  const sites = new Map<string, Site>();
  const addSite = (site: Site) => {
    for (const host of site.hosts) sites.set(host.toLowerCase(), site);
  };
  for (const site of options.sites ?? []) addSite(site);

  const requests: RecordedRequest[] = [];
  const inFlight = new Map<string, number>();
  const maxInFlight = new Map<string, number>();
  const sockets = new Set<Socket>();

  const failureOf = (host: string): FailingConnection | undefined => {
    const site = sites.get(host);
    if (!site) return 'dns-failure';
    return site.connection === 'ok' ? undefined : site.connection;
  };

  function record(method: string, url: string, host: string, headers: RecordedRequest['headers']) {
    const entry: RecordedRequest = { method, url, host, headers, startedAt: Date.now(), endedAt: null };
    requests.push(entry);
    return entry;
  }

  /** A request whose connection failed: recorded as done at once, with why. */
  function recordFailed(
    method: string,
    url: string,
    host: string,
    headers: RecordedRequest['headers'],
    failure: FailingConnection,
  ): void {
    const entry = record(method, url, host, headers);
    entry.connection = failure;
    entry.endedAt = Date.now();
  }

  function serve(scheme: 'http' | 'https') {
    return (req: IncomingMessage, res: ServerResponse) => {
      const url = requestUrl(req, scheme);
      if (!url) {
        res
          .writeHead(400, { 'content-type': 'text/plain' })
          .end('The test web needs an absolute URL or a Host header.');
        return;
      }
      const host = url.hostname.toLowerCase();
      const failure = failureOf(host);
      // Over https the failure already happened at CONNECT; over plain http a proxy that cannot reach the host gives
      // no answer at all, so the client reports a network error rather than an HTTP status.
      if (failure === 'dns-failure' || failure === 'refused') {
        recordFailed(req.method ?? 'GET', url.href, host, { ...req.headers }, failure);
        req.socket.destroy();
        return;
      }
      const entry = record(req.method ?? 'GET', url.href, host, { ...req.headers });
      const now = (inFlight.get(host) ?? 0) + 1;
      inFlight.set(host, now);
      maxInFlight.set(host, Math.max(now, maxInFlight.get(host) ?? 0));
      res.once('close', () => {
        inFlight.set(host, (inFlight.get(host) ?? 1) - 1);
        entry.endedAt = Date.now();
      });
      const site = sites.get(host) as Site;
      Promise.resolve()
        .then(() => site.handle(req, res, url))
        .catch((error: unknown) => {
          // A site bug or a missing ../shared: make it visible in the page and the test output.
          const message = errorMessage(error);
          console.error(`test web: ${url.href}: ${message}`);
          if (res.headersSent) res.destroy();
          else
            res
              .writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
              .end(`Test web error: ${message}`);
        });
    };
  }

  const { key, cert } = await throwawayCertificate();
  const plain = http.createServer(serve('http'));
  const secure = https.createServer({ key, cert }, serve('https'));
  for (const server of [plain, secure]) {
    server.on('connection', (socket: Socket) => {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
    });
    server.on('clientError', (_error, socket) => socket.destroy());
  }
  secure.on('tlsClientError', () => {});

  plain.on('connect', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    const target = req.url ?? '';
    const [hostPart = '', portPart = '443'] = splitHostPort(target);
    const host = hostPart.toLowerCase();
    const failure = failureOf(host);
    if (failure === 'dns-failure' || failure === 'refused') {
      recordFailed('CONNECT', tunnelUrl(host, portPart), host, { ...req.headers }, failure);
      // RFC 9209 Proxy-Status names the cause, as real proxies do; the client sees a failed tunnel either way.
      const error = failure === 'dns-failure' ? 'dns_error' : 'connection_refused';
      socket.end(
        `HTTP/1.1 502 Bad Gateway\r\nProxy-Status: cited-test-web; error=${error}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
      );
      return;
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length > 0) socket.unshift(head);
    // Chromium tunnels only https; undici tunnels http:// too, to port 80, speaking plain HTTP inside. (Handing a
    // socket to the HTTP server after peeking at it loses the peeked bytes, so the port decides, not the first byte.)
    if (portPart === '80') {
      plain.emit('connection', socket);
    } else if (failure === 'tls-failure') {
      // Let the client start its handshake, then break it.
      socket.once('data', () => {
        recordFailed('CONNECT', tunnelUrl(host, portPart), host, { ...req.headers }, failure);
        socket.end(TLS_HANDSHAKE_FAILURE_ALERT);
      });
    } else {
      secure.emit('connection', socket);
    }
  });

  await new Promise<void>((resolve, reject) => {
    plain.once('error', reject);
    plain.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (plain.address() as AddressInfo).port;
  const proxyUrl = `http://127.0.0.1:${port}`;
  const dispatcher = new ProxyAgent({ uri: proxyUrl, requestTls: { rejectUnauthorized: false } });

  return {
    port,
    proxyUrl,
    requests,
    maxConcurrent: (host) => maxInFlight.get(host.toLowerCase()) ?? 0,
    resetLog() {
      requests.length = 0;
      maxInFlight.clear();
      for (const [host, count] of inFlight) if (count > 0) maxInFlight.set(host, count);
    },
    addSite,
    fetch: failingLikeDirect(proxiedFetch(dispatcher), (url) => {
      const host = url.hostname.toLowerCase();
      const failure = failureOf(host);
      if (failure !== 'dns-failure' && failure !== 'refused') return undefined;
      const https = url.protocol === 'https:';
      recordFailed(
        https ? 'CONNECT' : 'GET',
        https ? tunnelUrl(host, url.port || '443') : url.href,
        host,
        {},
        failure,
      );
      return failure;
    }),
    directRoutes() {
      const routes: DirectRoutes = { unresolvable: [], refusing: [] };
      for (const [host, site] of sites) {
        if (site.connection === 'dns-failure') routes.unresolvable.push(host);
        if (site.connection === 'refused') routes.refusing.push(host);
      }
      return routes;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await Promise.all([
        dispatcher.close().catch(() => {}),
        new Promise<void>((resolve) => plain.close(() => resolve())),
        new Promise<void>((resolve) => secure.close(() => resolve())),
      ]);
    },
  };
}

/** Absolute-form (proxy) requests carry the whole URL; origin-form ones (direct, or inside a tunnel) a Host header. */
function requestUrl(req: IncomingMessage, scheme: 'http' | 'https'): URL | null {
  const target = req.url ?? '/';
  try {
    if (/^https?:\/\//i.test(target)) return new URL(target);
    if (!req.headers.host) return null;
    return new URL(`${scheme}://${req.headers.host}${target.startsWith('/') ? target : `/${target}`}`);
  } catch {
    return null;
  }
}

function splitHostPort(target: string): [string, string] {
  const match = /^\[?([^\]]+?)\]?(?::(\d+))?$/.exec(target);
  return [match?.[1] ?? target, match?.[2] ?? '443'];
}

function tunnelUrl(host: string, port: string): string {
  if (port === '80') return `http://${host}/`;
  return port === '443' ? `https://${host}/` : `https://${host}:${port}/`;
}

/**
 * Behind a proxy, undici reports every unreachable host as "Proxy response (502)"; without one it names the cause.
 * The CLI runs without a proxy, so the test web's fetch fails the way a direct connection would.
 */
function failingLikeDirect(
  fetch: typeof globalThis.fetch,
  failureFor: (url: URL) => 'dns-failure' | 'refused' | undefined,
): typeof globalThis.fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const failure = failureFor(url);
    if (failure === 'dns-failure') {
      const cause = Object.assign(new Error(`getaddrinfo ENOTFOUND ${url.hostname}`), {
        code: 'ENOTFOUND',
        syscall: 'getaddrinfo',
        hostname: url.hostname,
      });
      throw new TypeError('fetch failed', { cause });
    }
    if (failure === 'refused') {
      const port = url.port || (url.protocol === 'https:' ? '443' : '80');
      const cause = Object.assign(new Error(`connect ECONNREFUSED 192.0.2.1:${port}`), {
        code: 'ECONNREFUSED',
        syscall: 'connect',
      });
      throw new TypeError('fetch failed', { cause });
    }
    return fetch(input, init);
  }) as typeof globalThis.fetch;
}

function proxiedFetch(dispatcher: ProxyAgent): typeof globalThis.fetch {
  return ((input: string | URL | Request, init?: RequestInit) => {
    // undici's own fetch does not know Node's global Request class: pass its parts instead.
    if (input instanceof Request) {
      const { url, method, headers, signal, redirect } = input;
      return undiciFetch(url, {
        method,
        headers,
        signal,
        redirect,
        ...(init as object),
        dispatcher,
      } as never);
    }
    return undiciFetch(input, { ...(init as object), dispatcher } as never);
  }) as unknown as typeof globalThis.fetch;
}
