import type { IncomingMessage, ServerResponse } from 'node:http';
import { lookupArchivedCopies } from '../../../core/archive/wayback';
import { LinkChecker, type LinkCheckerOptions } from '../../../core/linkcheck/checker';
import type { CheckResult, LinkStatus } from '../../../core/linkcheck/types';
import { html, json, redirect, send } from '../respond';
import type { TestWeb } from '../server';
import type { RecordedRequest, Site } from '../site';
import { page } from '../templates';

/**
 * The cases of ../shared/corpus/linkcheck/CASES.md that are about checking one link, played by the test web:
 * one host per case (`lk-01.cases.test`, ...), each answering the way the peer's test scripted its mock. The
 * descriptions here are this project's own summaries of each case; the ids and sources point at the peer's test.
 *
 * `runLinkcheckCase` runs Cited's engine over a case exactly as the Node CLI does (manual redirects, the test web's
 * fetch), with shorter waits than the defaults (retry-after 1 s instead of 10 s, backoff from 100 ms) so the whole
 * table runs in seconds. The vitest (test/unit/linkcheck/cases.test.ts) and the README table
 * (scripts/linkcheck-table.ts) both use it.
 */

export interface LinkcheckCase {
  id: string;
  peer: string;
  /** What the peer's test scripts, in this project's words. */
  scenario: string;
  /** The peer's verdict in its own terms (OK, BROKEN, SKIPPED, ...). */
  peerVerdict: string;
  /** What the article would cite. */
  urls: string[];
  /** Cited's expected verdict for each URL. */
  expected: LinkStatus[];
  /** Why Cited's verdict differs from the peer's, or null when they agree. */
  differs: string | null;
  sites?: Site[];
  options?: Partial<LinkCheckerOptions>;
  /** Checks on what the hosts saw; returns a problem, or null. Also appended to the verdict column when set. */
  verify?: (requests: RecordedRequest[], results: CheckResult[]) => { problem: string | null; note?: string };
  /** A case that is not a link check of the engine (e.g. the archive fallback): run it this way instead. */
  custom?: (web: TestWeb) => Promise<{ verdict: string; problem: string | null }>;
}

/** Cases of CASES.md that are not about one link's status (extraction, crawling, normalisation). */
export interface OtherCase {
  id: string;
  peer: string;
  scenario: string;
  /** Where Cited covers it instead, or why it does not apply. */
  cited: string;
}

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => void | Promise<void>;

const LINKINATOR = 'linkinator';
const BLC = 'broken-link-checker';
const LYCHEE = 'lychee';
const DEADLINK = 'DeadlinkChecker (InternetArchiveBot)';

const host = (id: string, suffix = '') => `${id.toLowerCase()}${suffix}.cases.test`;
const at = (id: string, path = '/page', suffix = '') => `https://${host(id, suffix)}${path}`;

function article(title: string, extra = ''): string {
  return page({
    title,
    body: `<main><h1>${title}</h1><p>The ${title.toLowerCase()} page of a test case, with words of its own: ${extra}</p></main>`,
  });
}

/** A site whose unknown addresses answer an honest 404, as the peers' mock servers do. */
function site(
  id: string,
  routes: Record<string, Handler>,
  options: { suffix?: string; connection?: Site['connection'] } = {},
): Site {
  return {
    hosts: [host(id, options.suffix ?? '')],
    ...(options.connection ? { connection: options.connection } : {}),
    handle(req, res, url) {
      const route = routes[url.pathname];
      if (route) return route(req, res, url);
      return html(res, 404, page({ title: 'Not found', body: '<h1>Not found</h1>' }));
    },
  };
}

const ok: Handler = (_req, res, url) => html(res, 200, article(`Page ${url.pathname}`, url.href));
const hang: Handler = () => new Promise<void>(() => {});
const reset: Handler = (req) => {
  req.socket.destroy();
};
/** Answers from a list in turn; the last one repeats. */
function sequence(...handlers: Handler[]): Handler {
  let served = 0;
  return (req, res, url) => {
    const handler = handlers[Math.min(served, handlers.length - 1)] as Handler;
    served++;
    return handler(req, res, url);
  };
}
const statusOnly =
  (code: number, headers: Record<string, string> = {}): Handler =>
  (_req, res) =>
    send(res, code, '', headers);
const redirectTo =
  (code: Parameters<typeof redirect>[1], location: string): Handler =>
  (_req, res) =>
    redirect(res, code, location);
/** HEAD is refused with 405, as some servers do; GET is answered by `get`. */
const headRefused =
  (get: Handler): Handler =>
  (req, res, url) =>
    req.method === 'HEAD' ? send(res, 405, '') : get(req, res, url);

function requestsTo(requests: RecordedRequest[], id: string, path?: string): RecordedRequest[] {
  return requests.filter(
    (r) => r.host.startsWith(id.toLowerCase()) && (path === undefined || new URL(r.url).pathname === path),
  );
}

export const linkcheckCases: LinkcheckCase[] = [
  {
    id: 'LK-01',
    peer: LINKINATOR,
    scenario: 'The link answers 200.',
    peerVerdict: 'OK',
    urls: [at('LK-01')],
    expected: ['alive'],
    differs: null,
    sites: [site('LK-01', { '/page': ok })],
  },
  {
    id: 'LK-02',
    peer: LINKINATOR,
    scenario: 'The link answers 404 (to HEAD; the GET fallback fails).',
    peerVerdict: 'BROKEN',
    urls: [at('LK-02', '/missing')],
    expected: ['dead'],
    differs: null,
    sites: [site('LK-02', {})],
    verify: (requests) => ({
      problem: requestsTo(requests, 'LK-02').length === 2 ? null : 'expected one confirming retry',
      note: 'confirmed by a second GET',
    }),
  },
  {
    id: 'LK-05',
    peer: LINKINATOR,
    scenario: 'The connection fails, for HEAD and for GET.',
    peerVerdict: 'BROKEN',
    urls: [at('LK-05')],
    expected: ['dead'],
    differs: null,
    sites: [site('LK-05', {}, { connection: 'refused' })],
  },
  {
    id: 'LK-06',
    peer: LINKINATOR,
    scenario: 'HEAD answers 405, GET answers 200.',
    peerVerdict: 'OK',
    urls: [at('LK-06')],
    expected: ['alive'],
    differs: null,
    sites: [site('LK-06', { '/page': headRefused(ok) })],
    verify: (requests) => ({
      problem: requestsTo(requests, 'LK-06').every((r) => r.method === 'GET')
        ? null
        : 'Cited sent something else than GET',
      note: 'Cited only ever sends GET',
    }),
  },
  {
    id: 'LK-08',
    peer: LINKINATOR,
    scenario: 'The server never answers (the peer sets a 1 ms timeout; here 500 ms).',
    peerVerdict: 'BROKEN',
    urls: [at('LK-08')],
    expected: ['unreachable'],
    differs:
      'A timeout is usually temporary: Cited retries with backoff and reports "unreachable", never "dead".',
    sites: [site('LK-08', { '/page': hang })],
    options: { timeoutMs: 500 },
  },
  {
    id: 'LK-10',
    peer: LINKINATOR,
    scenario: 'A link written as "//////".',
    peerVerdict: 'BROKEN',
    urls: ['//////'],
    expected: ['skipped'],
    differs:
      'Not a valid web address: there is no page to be dead. Cited reports it as not checkable ("skipped"), with that reason.',
  },
  {
    id: 'LK-13',
    peer: LINKINATOR,
    scenario: 'irc:, mailto: and data: links.',
    peerVerdict: 'SKIPPED (all three)',
    urls: ['irc://irc.example.org/#news', 'mailto:desk@example.org', 'data:text/plain,hello'],
    expected: ['skipped', 'skipped', 'skipped'],
    differs: null,
  },
  {
    id: 'LK-30',
    peer: LINKINATOR,
    scenario: '301, 302, 307 and 308 redirects to a page that answers 200.',
    peerVerdict: 'OK',
    urls: ['/301', '/302', '/307', '/308'].map((p) => at('LK-30', p)),
    expected: ['redirected', 'redirected', 'redirected', 'redirected'],
    differs:
      'Cited tells "it answers" from "it moved": the link works, but the cited address now leads to another one, and Cited says where.',
    sites: [
      site('LK-30', {
        '/301': redirectTo(301, '/target'),
        '/302': redirectTo(302, '/target'),
        '/307': redirectTo(307, '/target'),
        '/308': redirectTo(308, '/target'),
        '/target': ok,
      }),
    ],
  },
  {
    id: 'LK-31',
    peer: LINKINATOR,
    scenario: 'A 301 redirect, with the peer told to treat redirects as errors.',
    peerVerdict: 'BROKEN (status 301)',
    urls: [at('LK-31', '/old')],
    expected: ['redirected'],
    differs:
      'A redirect to a real page is not broken: Cited reports "redirected" with the new address; it has no "redirects are errors" mode.',
    sites: [site('LK-31', { '/old': redirectTo(301, '/new-home'), '/new-home': ok })],
  },
  {
    id: 'LK-32',
    peer: LINKINATOR,
    scenario: 'A 308 without a Location header, with an HTML body.',
    peerVerdict: 'OK when redirects are allowed; BROKEN in error mode',
    urls: [at('LK-32', '/308')],
    expected: ['alive'],
    differs:
      'Cited has no "redirects are errors" mode: a page that answers, even with a stray redirect status, is alive (the reason says so).',
    sites: [
      site('LK-32', {
        '/308': (_q, res) => html(res, 308, article('Permanent', 'a body without a Location')),
      }),
    ],
  },
  {
    id: 'LK-33',
    peer: LINKINATOR,
    scenario: 'A 302 without a Location header, peer in "redirects are errors" mode.',
    peerVerdict: 'BROKEN, with failure details',
    urls: [at('LK-33', '/302')],
    expected: ['alive'],
    differs: 'As LK-32: the page answers; the reason notes the redirect status with nowhere to go.',
    sites: [
      site('LK-33', {
        '/302': (_q, res) => html(res, 302, article('Found', 'another body without a Location')),
      }),
    ],
  },
  {
    id: 'LK-38',
    peer: LINKINATOR,
    scenario: 'A 302 to a target that first answers 429 with Retry-After: 0, then 200.',
    peerVerdict: 'OK; the target is requested twice',
    urls: [at('LK-38', '/start')],
    expected: ['redirected'],
    differs: 'Same outcome; Cited reports the new address ("redirected") where the peer says OK.',
    sites: [
      site('LK-38', {
        '/start': redirectTo(302, '/target'),
        '/target': sequence(statusOnly(429, { 'retry-after': '0' }), ok),
      }),
    ],
    verify: (requests) => ({
      problem:
        requestsTo(requests, 'LK-38', '/target').length === 2
          ? null
          : 'expected the target to be requested twice',
      note: 'target requested twice',
    }),
  },
  {
    id: 'LK-39',
    peer: LINKINATOR,
    scenario: 'A cross-origin redirect; the peer sends Authorization and Cookie headers.',
    peerVerdict: 'Authorization and Cookie dropped on the cross-origin hop',
    urls: [at('LK-39', '/start')],
    expected: ['redirected'],
    differs: 'Cited never sends cookies or credentials to any site, on any hop.',
    sites: [
      site('LK-39', { '/start': redirectTo(302, at('LK-39', '/landing', '-other')) }),
      site('LK-39', { '/landing': ok }, { suffix: '-other' }),
    ],
    verify: (requests) => {
      const leaked = requestsTo(requests, 'LK-39').filter((r) => r.headers.cookie || r.headers.authorization);
      return {
        problem: leaked.length === 0 ? null : 'a Cookie or Authorization header was sent',
        note: 'no Cookie or Authorization on any hop',
      };
    },
  },
  {
    id: 'LK-41',
    peer: LINKINATOR,
    scenario: '429 with Retry-After (10 s in the peer, 1 s here), then 200.',
    peerVerdict: 'OK after waiting',
    urls: [at('LK-41')],
    expected: ['alive'],
    differs: null,
    sites: [site('LK-41', { '/page': sequence(statusOnly(429, { 'retry-after': '1' }), ok) })],
    verify: (requests) => {
      const [first, second] = requestsTo(requests, 'LK-41');
      const waited = (second?.startedAt ?? 0) - (first?.endedAt ?? 0);
      return { problem: waited >= 950 ? null : `waited only ${waited} ms`, note: 'waited as asked' };
    },
  },
  {
    id: 'LK-42',
    peer: LINKINATOR,
    scenario: 'HEAD answers 405, GET answers 429 with Retry-After, then 200.',
    peerVerdict: 'OK',
    urls: [at('LK-42')],
    expected: ['alive'],
    differs: null,
    sites: [site('LK-42', { '/page': headRefused(sequence(statusOnly(429, { 'retry-after': '1' }), ok)) })],
  },
  {
    id: 'LK-45',
    peer: LINKINATOR,
    scenario: '/1 answers 429 with Retry-After while /2 and /3 of the same host wait their turn.',
    peerVerdict: 'Later requests to that host wait for the Retry-After window',
    urls: ['/1', '/2', '/3'].map((p) => at('LK-45', p)),
    expected: ['alive', 'alive', 'alive'],
    differs: null,
    sites: [
      site('LK-45', { '/1': sequence(statusOnly(429, { 'retry-after': '1' }), ok), '/2': ok, '/3': ok }),
    ],
    options: { perHostConcurrency: 1 },
    verify: (requests) => {
      const limited = requestsTo(requests, 'LK-45', '/1')[0];
      const after = requestsTo(requests, 'LK-45').filter(
        (r) => r !== limited && r.startedAt >= (limited?.endedAt ?? 0),
      );
      const early = after.filter((r) => r.startedAt < (limited?.endedAt ?? 0) + 950);
      return {
        problem: early.length === 0 ? null : `${early.length} request(s) did not wait`,
        note: 'the whole host waited',
      };
    },
  },
  {
    id: 'LK-46',
    peer: LINKINATOR,
    scenario:
      '503, 522, a dropped connection and a 429 without Retry-After, with the peer told to retry errors.',
    peerVerdict: 'Retried the configured number of times, then a final verdict',
    urls: ['/503', '/522', '/drop', '/429'].map((p) => at('LK-46', p)),
    expected: ['unreachable', 'unreachable', 'unreachable', 'rate-limited'],
    differs:
      'Cited retries by default (3 tries with backoff) and reports what is left as "unreachable" or "rate-limited", never "dead".',
    sites: [
      site('LK-46', {
        '/503': statusOnly(503),
        '/522': statusOnly(522),
        '/drop': reset,
        '/429': statusOnly(429),
      }),
    ],
    verify: (requests) => {
      const counts = ['/503', '/522', '/429'].map((p) => requestsTo(requests, 'LK-46', p).length);
      return {
        problem: counts.every((n) => n === 3) ? null : `tries per URL: ${counts.join(', ')}`,
        note: '3 tries each',
      };
    },
  },
  {
    id: 'LK-50',
    peer: LINKINATOR,
    scenario: 'A link to #invalid-section of a page that has no such id (fragment checking on).',
    peerVerdict: 'BROKEN',
    urls: [`${at('LK-50', '/page.html')}#invalid-section`],
    expected: ['alive'],
    differs:
      'Cited checks that the cited page stands; whether the #section still exists is not checked (yet).',
    sites: [
      site('LK-50', {
        '/page.html': (_q, res) => html(res, 200, article('Sections', '<h2 id="valid-section">Valid</h2>')),
      }),
    ],
  },
  {
    id: 'BL-01',
    peer: BLC,
    scenario: 'HEAD answers 405, GET answers 200.',
    peerVerdict: 'BROKEN without HEAD retry; OK with it',
    urls: [at('BL-01')],
    expected: ['alive'],
    differs: null,
    sites: [site('BL-01', { '/page': headRefused(ok) })],
  },
  {
    id: 'BL-03',
    peer: BLC,
    scenario: 'A 302 then a 301, ending at a page that answers 200.',
    peerVerdict: 'Not broken; 2 redirects recorded',
    urls: [at('BL-03', '/redirect/redirect.html')],
    expected: ['redirected'],
    differs: 'Same chain; Cited reports the new address ("redirected").',
    sites: [
      site('BL-03', {
        '/redirect/redirect.html': redirectTo(302, '/redirect/redirect2.html'),
        '/redirect/redirect2.html': redirectTo(301, '/redirect/redirected.html'),
        '/redirect/redirected.html': ok,
      }),
    ],
  },
  {
    id: 'BL-06',
    peer: BLC,
    scenario: 'data:, tel: and an unsupported scheme with a real host.',
    peerVerdict: 'EXCLUDED (unsupported)',
    urls: ['data:image/gif;base64,R0lGODlhAQABAAAAACw=', 'tel:+15555550100', 'gopher://bl-06.cases.test/'],
    expected: ['skipped', 'skipped', 'skipped'],
    differs: null,
  },
  {
    id: 'BL-07',
    peer: BLC,
    scenario: 'A host that refuses connections; a link with no host at all.',
    peerVerdict: 'BROKEN; BROKEN (invalid)',
    urls: [at('BL-07'), 'http://'],
    expected: ['dead', 'skipped'],
    differs:
      'The refused host is dead for both; a link with no host is not a web address, so Cited does not call it dead.',
    sites: [site('BL-07', {}, { connection: 'refused' })],
  },
  {
    id: 'BL-10',
    peer: BLC,
    scenario: 'A page with X-Robots-Tag: nofollow (robot exclusions honoured).',
    peerVerdict: 'EXCLUDED (robots)',
    urls: [at('BL-10')],
    expected: ['alive'],
    differs:
      "Robot rules are for crawlers; checking each page an article cites, once, on a reader's behalf is not crawling.",
    sites: [
      site('BL-10', {
        '/page': (_q, res, url) =>
          html(res, 200, article('Robots', url.href), { 'x-robots-tag': 'noindex, nofollow' }),
      }),
    ],
  },
  {
    id: 'LY-01',
    peer: LYCHEE,
    scenario: '429 once, then 200.',
    peerVerdict: 'Success after a retry',
    urls: [at('LY-01')],
    expected: ['alive'],
    differs: null,
    sites: [site('LY-01', { '/page': sequence(statusOnly(429), ok) })],
  },
  {
    id: 'LY-03',
    peer: LYCHEE,
    scenario: 'A 308 to a page that answers 200.',
    peerVerdict: 'Success; the redirect is recorded with its code and target',
    urls: [at('LY-03', '/old')],
    expected: ['redirected'],
    differs: 'Same record (the chain has the 308 and its target); Cited reports it as "redirected".',
    sites: [site('LY-03', { '/old': redirectTo(308, '/new'), '/new': ok })],
    verify: (_requests, results) => {
      const chain = results[0]?.evidence.redirectChain?.map((hop) => hop.status).join(' → ');
      return { problem: chain === '308 → 200' ? null : `chain ${chain}`, note: 'chain 308 → 200' };
    },
  },
  {
    id: 'LY-04',
    peer: LYCHEE,
    scenario: 'A 308 with the maximum number of redirects set to 0.',
    peerVerdict: 'Failure',
    urls: [at('LY-04', '/old')],
    expected: ['blocked'],
    differs:
      'Too many redirects means Cited could not reach the page, not that it is gone: "blocked" (could not verify).',
    sites: [site('LY-04', { '/old': redirectTo(308, '/new'), '/new': ok })],
    options: { maxRedirects: 0 },
  },
  {
    id: 'LY-05',
    peer: LYCHEE,
    scenario: 'Retry policy: 5xx, 408, 429 and timeouts are retried; refused connections are not.',
    peerVerdict: 'Refused: failure at once, no retry',
    urls: [at('LY-05', '/refused', '-refused'), at('LY-05', '/408')],
    expected: ['dead', 'unreachable'],
    differs:
      'Cited confirms every dead verdict with one more try, refused connections included; 408 is retried by both.',
    sites: [
      site('LY-05', { '/408': statusOnly(408) }),
      site('LY-05', {}, { suffix: '-refused', connection: 'refused' }),
    ],
    verify: (requests) => {
      const refused = requests.filter((r) => r.host === host('LY-05', '-refused')).length;
      return {
        problem: refused === 2 ? null : `${refused} connection attempts`,
        note: 'refused: 2 attempts',
      };
    },
  },
  {
    id: 'LY-06',
    peer: LYCHEE,
    scenario:
      'Archive fallback: GET /web/<url> without following redirects; 302 Location = snapshot, 404 = none.',
    peerVerdict: 'Snapshot from the Location header; none on 404',
    urls: [],
    expected: [],
    differs: null,
    sites: [
      site('LY-06', {}, { suffix: '-api' }),
      {
        hosts: [host('LY-06')],
        handle(_req, res, url) {
          if (url.pathname === '/wayback/available') return json(res, 200, { archived_snapshots: {} });
          if (url.pathname.startsWith('/web/') && url.pathname.includes('kept')) {
            return redirect(res, 302, `/web/20200102030405/https://source.example/kept`);
          }
          return html(res, 404, page({ title: 'Not archived', body: 'none' }));
        },
      },
    ],
    custom: async (web) => {
      const options = {
        fetch: web.fetch,
        thirdPartyAllowed: true,
        endpoint: `https://${host('LY-06')}`,
        replayEndpoint: `https://${host('LY-06')}`,
        replayFallback: true,
      };
      const kept = await lookupArchivedCopies('https://source.example/kept', options);
      const lost = await lookupArchivedCopies('https://source.example/lost', options);
      const found =
        kept.mostRecent?.timestamp === '20200102030405' &&
        lost.mostRecent === null &&
        !kept.error &&
        !lost.error;
      return {
        verdict: `copy found (2020-01-02) from the 302; none on 404`,
        problem: found ? null : `kept: ${JSON.stringify(kept)}, lost: ${JSON.stringify(lost)}`,
      };
    },
  },
  {
    id: 'DL-03',
    peer: DEADLINK,
    scenario: 'A full GET answers 404, or 500.',
    peerVerdict: 'DEAD (both)',
    urls: [at('DL-03', '/404'), at('DL-03', '/500')],
    expected: ['dead', 'unreachable'],
    differs: 'A server error is usually temporary: Cited retries it and says "unreachable", not "dead".',
    sites: [site('DL-03', { '/404': statusOnly(404), '/500': statusOnly(500) })],
  },
  {
    id: 'DL-04',
    peer: DEADLINK,
    scenario: 'No HTTP answer at all (status 0) after a full GET: the connection drops.',
    peerVerdict: 'DEAD (when the attempt took at least 1 ms)',
    urls: [at('DL-04')],
    expected: ['unreachable'],
    differs:
      'A dropped connection proves nothing about the page: Cited retries and says "unreachable". Only a name that does not resolve, a refused connection or a failed TLS handshake count as dead.',
    sites: [site('DL-04', { '/page': reset })],
  },
];

export const otherCases: OtherCase[] = [
  {
    id: 'LK-11',
    peer: LINKINATOR,
    scenario: '<base href> variants and how relative links resolve',
    cited: 'capture: links resolve against the document base URL, <base href> included (core/citations)',
  },
  {
    id: 'LK-14',
    peer: LINKINATOR,
    scenario: '<picture>/<source srcset> candidates',
    cited: 'not citations: images are not what an article cites',
  },
  { id: 'LK-15', peer: LINKINATOR, scenario: 'srcset lists', cited: 'not citations' },
  {
    id: 'LK-18',
    peer: LINKINATOR,
    scenario: 'dns-prefetch, preconnect and stylesheet links',
    cited: 'not citations',
  },
  {
    id: 'LK-19',
    peer: LINKINATOR,
    scenario: 'og:url and og:image meta content',
    cited: 'not citations (og:url is read as the canonical address)',
  },
  { id: 'LK-20', peer: LINKINATOR, scenario: 'meta refresh targets', cited: 'not citations' },
  {
    id: 'LK-21',
    peer: LINKINATOR,
    scenario: 'percent-encoded file names on a static server',
    cited: 'Cited requests the URL exactly as resolved; no file-system mapping',
  },
  {
    id: 'LK-22',
    peer: LINKINATOR,
    scenario: 'canonical and hreflang alternate links',
    cited: 'not citations',
  },
  {
    id: 'LK-23',
    peer: LINKINATOR,
    scenario: 'URLs inside JSON-LD',
    cited: 'not citations (JSON-LD is read for metadata only)',
  },
  {
    id: 'LK-52',
    peer: LINKINATOR,
    scenario: 'fragment ids: case, non-HTML targets, same-page ids',
    cited: 'fragments are not checked; same-page links are not citations',
  },
  {
    id: 'BL-04',
    peer: BLC,
    scenario: 'site crawl with a redirect between two pages',
    cited: "Cited never crawls: it checks the article's citations only",
  },
  {
    id: 'BL-09',
    peer: BLC,
    scenario: 'which tags and attributes hold links',
    cited: 'capture: only <a href> / <area href> in the article body are citations',
  },
  {
    id: 'LY-09',
    peer: LYCHEE,
    scenario: 'mailto: with query parameters',
    cited: 'skipped (not http(s)); see LK-13',
  },
  {
    id: 'LY-11',
    peer: LYCHEE,
    scenario: 'bare URLs inside <pre>, <code> and friends',
    cited: 'not citations: only links are',
  },
  {
    id: 'LY-12',
    peer: LYCHEE,
    scenario: 'fragments in HTML and Markdown',
    cited: 'fragments are not checked',
  },
  {
    id: 'LY-14',
    peer: LYCHEE,
    scenario: 'site-specific rewrites (YouTube, GitHub, crates.io)',
    cited: 'none: Cited checks the address the article cites, as a reader would open it',
  },
  {
    id: 'DL-05',
    peer: DEADLINK,
    scenario: 'URL normalisation for comparisons',
    cited: 'the engine normalises only to detect same-page redirects (scheme, www., trailing slash)',
  },
];

/** All sites of the cases, for the test web. */
export function linkcheckCaseSites(): Site[] {
  return linkcheckCases.flatMap((c) => c.sites ?? []);
}

export interface CaseOutcome {
  id: string;
  statuses: string[];
  results: CheckResult[];
  /** What the Cited column shows. */
  verdict: string;
  /** Null when Cited did what the case expects of it. */
  problem: string | null;
}

function summarise(statuses: string[]): string {
  const counts = new Map<string, number>();
  for (const status of statuses) counts.set(status, (counts.get(status) ?? 0) + 1);
  if (statuses.length <= 1 || counts.size === statuses.length) return statuses.join(', ');
  return [...counts].map(([status, n]) => (n > 1 ? `${status} ×${n}` : status)).join(', ');
}

/** Run Cited over one case, as the Node CLI would, and say whether it did what the case expects. */
export async function runLinkcheckCase(web: TestWeb, testCase: LinkcheckCase): Promise<CaseOutcome> {
  web.resetLog();
  if (testCase.custom) {
    const { verdict, problem } = await testCase.custom(web);
    return { id: testCase.id, statuses: [], results: [], verdict, problem };
  }
  const checker = new LinkChecker({
    fetch: web.fetch,
    redirectMode: 'manual',
    retry: { backoffBaseMs: 100, deadConfirmDelayMs: 100 },
    ...testCase.options,
  });
  const { results } = await checker.run(testCase.urls).done;
  const ordered = testCase.urls.map((url) => results.find((result) => result.url === url));
  const statuses = ordered.map((result) => result?.status ?? 'missing');
  const mismatches = testCase.urls
    .map((url, i) =>
      statuses[i] === testCase.expected[i]
        ? null
        : `${url}: ${statuses[i]} (expected ${testCase.expected[i]}) — ${ordered[i]?.reason ?? ''}`,
    )
    .filter((line): line is string => line !== null);
  const found = ordered.filter((r): r is CheckResult => r !== undefined);
  const checked = testCase.verify?.(web.requests, found);
  const problems = [...mismatches, ...(checked?.problem ? [checked.problem] : [])];
  return {
    id: testCase.id,
    statuses,
    results: found,
    verdict: `${summarise(statuses)}${checked?.note ? ` (${checked.note})` : ''}`,
    problem: problems.length > 0 ? problems.join('; ') : null,
  };
}
