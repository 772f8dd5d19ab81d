/**
 * The web of the link-check benchmark: an article citing 300 URLs on 60 hosts, each host its own HTTP server on
 * 127.0.0.1 (a distinct port, so a distinct origin for every checker), every response delayed 100 ms.
 *
 * The servers count requests and requests in flight themselves, so the per-host figures are measured where
 * politeness matters, not reported by the client. The citations meet the fates an older article's sources meet
 * (alive with and without a canonical link, moved, 404, 410, sent to the home page, bot-walled); no 5xx or 429,
 * whose retry waits would measure the retry policy rather than throughput.
 */
import http, { type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LinkStatus } from '../../core/linkcheck/types';

export const HOSTS = 60;
export const URLS = 300;
export const DELAY_MS = 100;

export type Fate = 'alive-canonical' | 'alive' | 'moved' | 'not-found' | 'gone' | 'home' | 'forbidden';

/** The fate of the i-th citation; mixed so each host serves several fates. */
export function fateOf(index: number): Fate {
  const host = index % HOSTS;
  const nth = Math.floor(index / HOSTS);
  const slot = (host * 3 + nth * 7) % 20;
  if (slot <= 8) return 'alive-canonical';
  if (slot <= 11) return 'alive';
  if (slot <= 13) return 'moved';
  if (slot <= 16) return 'not-found';
  if (slot === 17) return 'gone';
  if (slot === 18) return 'home';
  return 'forbidden';
}

export const EXPECTED: Record<Fate, LinkStatus> = {
  'alive-canonical': 'alive',
  alive: 'alive',
  moved: 'redirected',
  'not-found': 'dead',
  gone: 'dead',
  home: 'soft-404',
  forbidden: 'blocked',
};

function storyPath(index: number): string {
  return `/news/${2015 + ((index % HOSTS) % 5)}/story-${index}-about-the-harbour`;
}

function words(seed: number, count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(`w${(seed * 7919 + i * 104729) % 99991}`);
  return out.join(' ');
}

function storyPage(title: string, seed: number, canonical: string | null): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${
    canonical ? `<link rel="canonical" href="${canonical}">` : ''
  }</head><body><header>Local News</header><main><h1>${title}</h1><p>${words(seed, 300)}</p></main><footer>Contact</footer></body></html>`;
}

/** One request as the server saw it: when it arrived and when it was answered (performance.now()). */
export interface Span {
  start: number;
  end: number;
}

/** What the servers saw during one checker's run. */
export interface PhaseCounters {
  requests: number;
  /** Requests per host index. */
  byHost: Map<number, number>;
  /** Most requests one host had in flight at once. */
  maxPerHost: number;
  inFlight: number;
  /** Most requests in flight at once over all hosts. */
  maxInFlight: number;
  /** Every origin+path requested. */
  paths: Set<string>;
  spans: Span[];
}

function newPhase(): PhaseCounters {
  return {
    requests: 0,
    byHost: new Map(),
    maxPerHost: 0,
    inFlight: 0,
    maxInFlight: 0,
    paths: new Set(),
    spans: [],
  };
}

export interface BenchWeb {
  origins: string[];
  articleUrl: string;
  citations: string[];
  /** Start counting afresh; returns what was counted since the last reset. */
  reset(): PhaseCounters;
  close(): Promise<void>;
}

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Server> {
  const server = http.createServer(handler);
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

export async function startBenchWeb(): Promise<BenchWeb> {
  const servers: Server[] = [];
  const origins: string[] = [];
  let phase = newPhase();
  for (let host = 0; host < HOSTS; host++) {
    let inFlight = 0;
    const server = await listen((req, res) => {
      const counters = phase;
      const origin = origins[host] as string;
      const path = new URL(req.url ?? '/', origin).pathname;
      const start = performance.now();
      counters.requests++;
      counters.paths.add(`${origin}${path}`);
      counters.byHost.set(host, (counters.byHost.get(host) ?? 0) + 1);
      inFlight++;
      counters.inFlight++;
      counters.maxPerHost = Math.max(counters.maxPerHost, inFlight);
      counters.maxInFlight = Math.max(counters.maxInFlight, counters.inFlight);
      setTimeout(() => {
        answer(origin, path, res);
        inFlight--;
        counters.inFlight--;
        counters.spans.push({ start, end: performance.now() });
      }, DELAY_MS);
    });
    servers.push(server);
    origins.push(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  }
  const citations = Array.from({ length: URLS }, (_, i) => `${origins[i % HOSTS]}${storyPath(i)}`);
  const article = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Three hundred sources on the harbour</title>
<meta property="article:published_time" content="2024-05-02T08:00:00Z"></head><body><article><h1>Three hundred sources on the harbour</h1>
${citations.map((url, i) => `<p>Report number ${i + 1} on the harbour said the water was tested <a href="${url}">in this story</a> and found wanting, as the record shows in some detail.</p>`).join('\n')}
</article></body></html>`;
  const articleServer = await listen((_req, res) => {
    setTimeout(
      () => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(article),
      DELAY_MS,
    );
  });
  servers.push(articleServer);
  return {
    origins,
    citations,
    articleUrl: `http://127.0.0.1:${(articleServer.address() as AddressInfo).port}/2024/05/02/three-hundred-sources/`,
    reset() {
      const previous = phase;
      phase = newPhase();
      return previous;
    },
    async close() {
      for (const server of servers) server.closeAllConnections();
      await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    },
  };
}

function answer(origin: string, path: string, res: ServerResponse): void {
  const page = (status: number, body: string): void => {
    res
      .writeHead(status, {
        'content-type': 'text/html; charset=utf-8',
        'content-length': Buffer.byteLength(body),
      })
      .end(body);
  };
  if (path === '/') {
    page(200, storyPage('Local News, home', 0, `${origin}/`));
    return;
  }
  const match = /^\/news\/\d{4}\/story-(\d+)-about-the-harbour(-updated)?$/.exec(path);
  const index = match ? Number(match[1]) : -1;
  if (index < 0 || index >= URLS || storyPath(index) !== path.replace(/-updated$/, '')) {
    page(404, storyPage('Not found', 1, null));
    return;
  }
  const fate = fateOf(index);
  if (match?.[2]) {
    if (fate === 'moved') page(200, storyPage(`Story ${index} (updated)`, index + 7, `${origin}${path}`));
    else page(404, storyPage('Not found', 1, null));
    return;
  }
  switch (fate) {
    case 'alive-canonical':
      page(200, storyPage(`Story ${index}`, index, `${origin}${path}`));
      return;
    case 'alive':
      page(200, storyPage(`Story ${index}`, index, null));
      return;
    case 'moved':
      res.writeHead(301, { location: `${path}-updated`, 'content-length': 0 }).end();
      return;
    case 'home':
      res.writeHead(301, { location: '/', 'content-length': 0 }).end();
      return;
    case 'not-found':
      page(404, storyPage('Not found', 1, null));
      return;
    case 'gone':
      page(410, storyPage('Gone', 2, null));
      return;
    case 'forbidden':
      page(403, storyPage('Forbidden', 3, null));
      return;
  }
}
