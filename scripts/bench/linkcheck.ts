/**
 * Link-check benchmark (issue 3): an article citing 300 URLs on 60 hosts, every response delayed 100 ms, checked
 * by Cited's engine and by linkinator 7.6.1 in the same run, with the same global concurrency.
 *
 *   npx tsx scripts/bench/linkcheck.ts [--concurrency N]
 *
 * Each host is its own HTTP server on 127.0.0.1 (a distinct port, so a distinct origin for both checkers); the
 * servers count requests and in-flight requests themselves, so the per-host figures are measured where politeness
 * matters, not reported by the client. The citations meet the fates an older article's sources meet (alive with and
 * without a canonical link, moved, 404, 410, sent to the home page, bot-walled); no 5xx or 429, whose retry waits
 * would measure the retry policy rather than throughput.
 *
 * linkinator's `concurrency` option does not bound its link checks (each check starts when the link is found and
 * only its bookkeeping is queued: measured up to every host's 5 URLs at once), so the global cap is applied to it
 * where its requests leave the process: a concurrency-limiting dispatcher under Node's fetch, which linkinator uses.
 * Its uncapped run is printed too, for reference.
 *
 * Printed: both times, the politeness lower bound (the article fetch plus what 2-per-host and the global cap allow
 * for Cited's request counts at 100 ms a request), the most requests any host saw at once, and the ratio lines.
 */
import http, { type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { JSDOM } from 'jsdom';
import { LinkChecker as Linkinator } from 'linkinator';
import { Agent, type Dispatcher, getGlobalDispatcher, setGlobalDispatcher } from 'undici';
import { captureArticle } from '../../core/capture/index';
import { LinkChecker } from '../../core/linkcheck/checker';
import type { LinkStatus } from '../../core/linkcheck/types';

const HOSTS = 60;
const URLS = 300;
const DELAY_MS = 100;
const PER_HOST = 2;

type Fate = 'alive-canonical' | 'alive' | 'moved' | 'not-found' | 'gone' | 'home' | 'forbidden';

/** The fate of the i-th citation; mixed so each host serves several fates. */
function fateOf(index: number): Fate {
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

const EXPECTED: Record<Fate, LinkStatus> = {
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

interface PhaseCounters {
  requests: number;
  byHost: Map<number, number>;
  maxPerHost: number;
  inFlight: number;
  maxInFlight: number;
  paths: Set<string>;
}

function newPhase(): PhaseCounters {
  return { requests: 0, byHost: new Map(), maxPerHost: 0, inFlight: 0, maxInFlight: 0, paths: new Set() };
}

interface Web {
  origins: string[];
  articleUrl: string;
  citations: string[];
  phase: PhaseCounters;
  reset(): PhaseCounters;
  close(): Promise<void>;
}

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Server> {
  const server = http.createServer(handler);
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

async function startWeb(): Promise<Web> {
  const servers: Server[] = [];
  const origins: string[] = [];
  const web = { phase: newPhase() } as Web;
  for (let host = 0; host < HOSTS; host++) {
    let inFlight = 0;
    const server = await listen((req, res) => {
      const phase = web.phase;
      const origin = origins[host] as string;
      const path = new URL(req.url ?? '/', origin).pathname;
      phase.requests++;
      phase.paths.add(`${origin}${path}`);
      phase.byHost.set(host, (phase.byHost.get(host) ?? 0) + 1);
      inFlight++;
      phase.inFlight++;
      phase.maxPerHost = Math.max(phase.maxPerHost, inFlight);
      phase.maxInFlight = Math.max(phase.maxInFlight, phase.inFlight);
      setTimeout(() => {
        answer(origin, path, res);
        inFlight--;
        phase.inFlight--;
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
  web.origins = origins;
  web.citations = citations;
  web.articleUrl = `http://127.0.0.1:${(articleServer.address() as AddressInfo).port}/2024/05/02/three-hundred-sources/`;
  web.reset = () => {
    const previous = web.phase;
    web.phase = newPhase();
    return previous;
  };
  web.close = async () => {
    for (const server of servers) server.closeAllConnections();
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  };
  return web;
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
  if (
    index < 0 ||
    index >= URLS ||
    `${origin}${storyPath(index)}` !== `${origin}${path.replace(/-updated$/, '')}`
  ) {
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

/** Hold a dispatcher to `max` requests in flight (queued in order), as a global cap at the transport. */
function capped(inner: Dispatcher, max: number): Dispatcher {
  let active = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    active--;
    waiting.shift()?.();
  };
  return inner.compose((dispatch) => (options, handler) => {
    const start = () => {
      active++;
      let released = false;
      const once = () => {
        if (!released) {
          released = true;
          release();
        }
      };
      const wrapped = new Proxy(handler, {
        get(target, property, receiver) {
          const value = Reflect.get(target, property, receiver);
          if (typeof value !== 'function') return value;
          if (['onComplete', 'onError', 'onResponseEnd', 'onResponseError'].includes(String(property))) {
            return (...args: unknown[]) => {
              once();
              return value.apply(target, args);
            };
          }
          return value.bind(target);
        },
      });
      return dispatch(options, wrapped);
    };
    if (active < max) return start();
    waiting.push(() => {
      start();
    });
    return true;
  });
}

interface EngineRun {
  ms: number;
  phase: PhaseCounters;
}

/**
 * Cited as `npm run check` runs it: fetch the article, capture it (jsdom + Readability + citations), check the
 * citations. The capture, which the capture benchmark measures on its own and which the extension does in the
 * page before any check starts, is timed separately: `ms` is the article fetch plus the checks.
 */
async function runCited(
  web: Web,
  concurrency: number,
): Promise<EngineRun & { captureMs: number; statuses: Map<string, LinkStatus> }> {
  web.reset();
  const started = performance.now();
  const html = await (await fetch(web.articleUrl)).text();
  const fetchedAt = performance.now();
  const dom = new JSDOM(html, { url: web.articleUrl });
  const capture = captureArticle(dom.window.document);
  dom.window.close();
  const captureMs = performance.now() - fetchedAt;
  const checker = new LinkChecker({
    fetch: (url, init) => fetch(url, init),
    redirectMode: 'manual',
    globalConcurrency: concurrency,
    perHostConcurrency: PER_HOST,
  });
  const { results } = await checker.run(capture.citations.map((citation) => citation.url)).done;
  const ms = performance.now() - started - captureMs;
  return {
    ms,
    captureMs,
    phase: web.reset(),
    statuses: new Map(results.map((result) => [result.url, result.status])),
  };
}

async function runLinkinator(
  web: Web,
  concurrency: number,
  transportCap: boolean,
): Promise<EngineRun & { broken: number }> {
  const previous = getGlobalDispatcher();
  const agent = new Agent({ keepAliveTimeout: 30_000 });
  if (transportCap) setGlobalDispatcher(capped(agent, concurrency));
  web.reset();
  try {
    const started = performance.now();
    const result = await new Linkinator().check({ path: web.articleUrl, concurrency, timeout: 15_000 });
    const ms = performance.now() - started;
    return { ms, phase: web.reset(), broken: result.links.filter((link) => link.state === 'BROKEN').length };
  } finally {
    if (transportCap) setGlobalDispatcher(previous);
    await agent.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

export interface LinkcheckBenchResult {
  concurrency: number;
  citedMs: number;
  linkinatorMs: number;
  linkinatorUncappedMs: number;
  boundMs: number;
  citedRequests: number;
  linkinatorRequests: number;
  citedMaxPerHost: number;
  linkinatorMaxPerHost: number;
  linkinatorUncappedMaxPerHost: number;
  citedVsLinkinator: number;
  citedVsBound: number;
  verdictsAsExpected: number;
}

export async function benchLinkcheck(
  options: { concurrency?: number; runs?: number; log?: (line: string) => void } = {},
): Promise<LinkcheckBenchResult> {
  const concurrency = options.concurrency ?? 8;
  const runs = options.runs ?? 3;
  const log = options.log ?? ((line: string) => console.log(line));
  const web = await startWeb();
  try {
    // Warm-up (JIT, connection pools), not measured.
    await runCited(web, concurrency);
    await runLinkinator(web, concurrency, true);

    const cited: Awaited<ReturnType<typeof runCited>>[] = [];
    const linkinator: Awaited<ReturnType<typeof runLinkinator>>[] = [];
    for (let i = 0; i < runs; i++) {
      cited.push(await runCited(web, concurrency));
      linkinator.push(await runLinkinator(web, concurrency, true));
    }
    const uncapped = await runLinkinator(web, concurrency, false);

    const last = cited.at(-1) as (typeof cited)[number];
    const missed = web.citations.filter((url) => !linkinator.every((run) => run.phase.paths.has(url)));
    if (missed.length > 0)
      throw new Error(`linkinator did not request ${missed.length} cited URLs, e.g. ${missed[0]}`);
    const wrong = web.citations.filter((url, i) => last.statuses.get(url) !== EXPECTED[fateOf(i)]);

    // Lower bound for Cited's own requests: the article fetch, then the rounds the global cap and 2-per-host allow.
    const checkRequests = last.phase.requests;
    const globalRounds = Math.ceil(checkRequests / concurrency);
    const hostRounds = Math.max(...[...last.phase.byHost.values()].map((n) => Math.ceil(n / PER_HOST)));
    const boundMs = (1 + Math.max(globalRounds, hostRounds)) * DELAY_MS;

    const citedMs = median(cited.map((run) => run.ms));
    const linkinatorMs = median(linkinator.map((run) => run.ms));
    const result: LinkcheckBenchResult = {
      concurrency,
      citedMs,
      linkinatorMs,
      linkinatorUncappedMs: uncapped.ms,
      boundMs,
      citedRequests: checkRequests,
      linkinatorRequests: (linkinator.at(-1) as (typeof linkinator)[number]).phase.requests,
      citedMaxPerHost: Math.max(...cited.map((run) => run.phase.maxPerHost)),
      linkinatorMaxPerHost: Math.max(...linkinator.map((run) => run.phase.maxPerHost)),
      linkinatorUncappedMaxPerHost: uncapped.phase.maxPerHost,
      citedVsLinkinator: citedMs / linkinatorMs,
      citedVsBound: citedMs / boundMs,
      verdictsAsExpected: URLS - wrong.length,
    };

    log(
      `Link check: ${URLS} cited URLs on ${HOSTS} hosts (+ the article), every response delayed ${DELAY_MS} ms, global concurrency ${concurrency}, median of ${runs} runs`,
    );
    const captureMs = median(cited.map((run) => run.captureMs));
    log(
      `  cited        ${citedMs.toFixed(0).padStart(6)} ms  ${checkRequests} requests (${checkRequests - URLS - 1} probes, confirmations and redirect hops beyond one per URL), max ${result.citedMaxPerHost} per host at once, max ${Math.max(...cited.map((r) => r.phase.maxInFlight))} in flight`,
    );
    log(
      `  cited's capture of the page (jsdom + Readability + citations, not in the time above): ${captureMs.toFixed(0)} ms; with it, cited/linkinator ${((citedMs + captureMs) / linkinatorMs).toFixed(2)}`,
    );
    log(
      `  linkinator   ${linkinatorMs.toFixed(0).padStart(6)} ms  ${result.linkinatorRequests} requests (HEAD, then GET on non-2xx), max ${result.linkinatorMaxPerHost} per host at once, max ${Math.max(...linkinator.map((r) => r.phase.maxInFlight))} in flight (capped to ${concurrency} at the transport)`,
    );
    log(
      `  linkinator, its own concurrency option only: ${uncapped.ms.toFixed(0)} ms, max ${uncapped.phase.maxPerHost} per host and ${uncapped.phase.maxInFlight} in flight at once`,
    );
    log(
      `  politeness lower bound ${boundMs} ms  (article fetch + max(${globalRounds} rounds of ${concurrency} for ${checkRequests} requests, ${hostRounds} rounds of ${PER_HOST} on the busiest host) x ${DELAY_MS} ms)`,
    );
    log(
      `  most requests any host saw at once: cited ${result.citedMaxPerHost}, linkinator ${result.linkinatorMaxPerHost} (uncapped ${uncapped.phase.maxPerHost})`,
    );
    log(
      `  Cited verdicts as the hosts play them: ${result.verdictsAsExpected}/${URLS}${wrong.length > 0 ? ` (first wrong: ${wrong[0]} → ${last.statuses.get(wrong[0] as string)})` : ''}`,
    );
    log(`cited/linkinator time ratio: ${result.citedVsLinkinator.toFixed(2)}`);
    log(`cited/bound time ratio: ${result.citedVsBound.toFixed(2)}`);
    return result;
  } finally {
    await web.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: { concurrency: { type: 'string', default: '8' }, runs: { type: 'string', default: '3' } },
  });
  await benchLinkcheck({ concurrency: Number(values.concurrency), runs: Number(values.runs) });
}
