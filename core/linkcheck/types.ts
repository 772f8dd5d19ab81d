/**
 * What the link checker says about one cited URL, and why.
 *
 * Every verdict carries a one-line `reason` written for a reader, and the `evidence` it was drawn from, so a
 * fact-checker can see what Cited saw (status code, where the link ended up, the redirect chain when it is
 * known, the page title, how long it took, when it was checked) and judge for themselves.
 */

/**
 * The verdict of a finished check.
 *
 * - `alive`: the cited page answers. Redirects that keep the same page (http→https, a trailing slash, `www.`)
 *   still count as alive.
 * - `redirected`: it now lives at another address that is a real page (`evidence.finalUrl` says where).
 * - `dead`: 404/410, the domain no longer resolves, the connection is refused, the secure connection fails.
 *   Always confirmed by a second request before it is reported.
 * - `soft-404`: the site answers, but not with the cited page: it sends the reader to its home page or a
 *   section front, shows a "not found" page with a success status, answers every address with the same page
 *   (a made-up address in the same folder gets the same thing), or the whole site is one notice (seized,
 *   parked, for sale).
 * - `blocked`: the site would not let an automatic check through (401/402/403, 999, bot challenges, logins,
 *   paywalls, redirect loops that need cookies). Cited could not verify it; it is never called dead.
 * - `rate-limited`: the site kept answering 429 "too many requests", even after waiting as long as it asked.
 * - `unreachable`: server errors (5xx) and timeouts, which are usually temporary; retried with backoff first.
 * - `skipped`: not a web address Cited checks (mailto:, ftp:, javascript:, malformed addresses).
 */
export type LinkStatus =
  | 'alive'
  | 'redirected'
  | 'dead'
  | 'soft-404'
  | 'blocked'
  | 'rate-limited'
  | 'unreachable'
  | 'skipped';

export const LINK_STATUSES: readonly LinkStatus[] = [
  'alive',
  'redirected',
  'dead',
  'soft-404',
  'blocked',
  'rate-limited',
  'unreachable',
  'skipped',
];

/** States the panel shows before a verdict exists. Never produced by the engine. */
export type PendingCitationStatus = 'not-checked' | 'queued' | 'checking';

/** What a citation row can show: a verdict, or where it is on the way to one. */
export type CitationStatus = LinkStatus | PendingCitationStatus;

/** Verdicts that mean "the source no longer stands": counted on the toolbar badge, offered an archived copy. */
export const BROKEN_STATUSES: readonly LinkStatus[] = ['dead', 'soft-404'];

export function isBrokenStatus(status: CitationStatus): boolean {
  return status === 'dead' || status === 'soft-404';
}

/**
 * Why a request never produced an HTTP answer.
 * - `dns`: the name does not exist (ENOTFOUND). `dns-temporary` (EAI_AGAIN) is the resolver failing, often
 *   because the reader is offline, so it is treated as transient, not dead.
 * - `reset` / `empty-response` / `headers-too-big` / `invalid-response`: the server was there but its answer broke
 *   (reset, closed without a byte, a header that never ends, bytes that are not HTTP); `interrupted`: the answer
 *   began and the connection closed in the middle of the page. All unreachable, never dead.
 * - `proxy`: the reader's proxy could not reach the site and did not say why.
 * - `connect`: the browser's generic "Failed to fetch" with no more precise reason found: never dead.
 * - `redirect-loop` / `too-many-redirects` / `invalid-redirect`: the redirect chain never reached a page.
 * - `offline`: the environment reported no network at all.
 */
export type FetchErrorCode =
  | 'dns'
  | 'dns-temporary'
  | 'refused'
  | 'tls'
  | 'reset'
  | 'timeout'
  | 'connect'
  | 'empty-response'
  | 'headers-too-big'
  | 'invalid-response'
  | 'interrupted'
  | 'proxy'
  | 'redirect-loop'
  | 'too-many-redirects'
  | 'invalid-redirect'
  | 'offline'
  | 'invalid-url'
  | 'unsupported-scheme'
  | 'network';

export interface RedirectHop {
  url: string;
  status: number;
}

/** What the random-address probe of the soft-404 test found (Bar-Yossef et al., see core/linkcheck/soft404.ts). */
export interface ProbeEvidence {
  /**
   * The made-up address: the cited URL's folder plus a random 25-letter name; with `fromCitation`, the other
   * cited address of the folder whose confirmed 404 stood in for the probe.
   */
  url: string;
  httpStatus?: number;
  finalUrl?: string;
  redirected: boolean;
  /** Number of redirects followed; absent when the browser hides them (follow mode). */
  redirectCount?: number;
  /** Token sequence-match ratio between the cited page and the probe page, 0..1, when both were compared. */
  similarity?: number;
  errorCode?: FetchErrorCode;
  /**
   * - `honest-404`: the probe got a real error, so the site says "not found" honestly and the cited page is real.
   * - `redirect-count-differs`: the cited page and the probe took different redirect paths.
   * - `same-final-url`: both ended at the same address (soft 404).
   * - `similar`: the pages are near-identical (soft 404).
   * - `different`: the pages differ: the cited page is real.
   * - `inconclusive`: the probe failed (timeout, 5xx, blocked), nothing to compare with.
   */
  verdict:
    | 'honest-404'
    | 'redirect-count-differs'
    | 'same-final-url'
    | 'similar'
    | 'different'
    | 'inconclusive';
  /** True when the probe result was reused from an earlier citation in the same folder. */
  cached: boolean;
  /**
   * True when no probe was sent because another cited address of the same folder answered 404 on two tries:
   * the same proof that the site answers honest 404s there (see core/linkcheck/soft404.ts).
   */
  fromCitation?: boolean;
}

export interface CheckEvidence {
  /** The last HTTP status seen (of the final hop). */
  httpStatus?: number;
  /** Where the request ended after redirects. */
  finalUrl?: string;
  /** Each hop as `{url, status}`, the last one being the final answer. Only when redirects were followed by Cited. */
  redirectChain?: RedirectHop[];
  redirected: boolean;
  contentType?: string;
  pageTitle?: string;
  /** `<link rel=canonical>` of the final page, resolved. */
  canonicalUrl?: string;
  /** Wall time of the whole check, retries and waits included. */
  elapsedMs: number;
  /** ISO 8601. */
  checkedAt: string;
  /** Requests made for the cited URL itself (redirect hops and the probe not counted). */
  attempts: number;
  errorCode?: FetchErrorCode;
  errorMessage?: string;
  /** The wait the site asked for with Retry-After on its last 429, in ms. */
  retryAfterMs?: number;
  /** Whether the body was cut at the read cap. */
  truncated?: boolean;
  probe?: ProbeEvidence;
  /** `manual`: Cited followed redirects itself (chain known). `follow`: the browser did (chain hidden). */
  redirectMode: RedirectMode;
}

export interface CheckResult {
  /** The URL as it was asked for (fragment included, if any). */
  url: string;
  status: LinkStatus;
  /** One plain line a reader understands, e.g. "The site answers 404: the page is gone (confirmed twice)." */
  reason: string;
  evidence: CheckEvidence;
}

/**
 * `manual`: follow Location headers in the engine (Node; records the chain, detects loops).
 * `follow`: let fetch follow redirects (browsers, where `redirect: 'manual'` gives opaque answers).
 */
export type RedirectMode = 'manual' | 'follow';

/** The fetch the engine is given: the browser's, Node's, or a scripted one in tests. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** Time, injected so tests run on a fake clock. */
export interface Clock {
  now(): number;
  /** Resolves after `ms`; rejects with the signal's reason if it aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}
