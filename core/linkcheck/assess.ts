import { hostOf } from '../url/web-address';
import type { NavigationFailure, NavigationResponse } from './navigate';
import { isDeadNetworkError } from './network-errors';
import { parseRetryAfter } from './retry-after';
import type { FetchErrorCode, LinkStatus } from './types';

/**
 * The first reading of one answer (or failure), before any retry or soft-404 analysis:
 * - `final`: the verdict is settled (e.g. 403 → blocked).
 * - `dead`: looks dead; the checker asks once more before saying so.
 * - `transient`: 5xx, timeout, reset: retried with backoff, then `unreachable`.
 * - `rate-limited`: 429; the host is paused for the Retry-After time, then retried.
 * - `page`: the site answered with a page (2xx, or a 3xx with nowhere to go): soft-404 analysis decides.
 */
export type Assessment =
  | { kind: 'final'; status: LinkStatus; reason: string }
  | { kind: 'dead'; reason: string }
  | { kind: 'transient'; reason: string; retryAfterMs: number | null }
  | { kind: 'rate-limited'; retryAfterMs: number | null }
  | { kind: 'page' };

const BLOCKED_REASONS: Record<number, string> = {
  401: 'The site asks for a login (HTTP 401): Cited could not verify the page automatically.',
  402: 'The site asks for payment (HTTP 402): Cited could not verify the page automatically.',
  403: 'The site refused the automatic check (HTTP 403 Forbidden): Cited could not verify the page; open it yourself to check.',
  407: 'A proxy asks for a login (HTTP 407): Cited could not verify the page automatically.',
  451: 'The site says the page is unavailable for legal reasons (HTTP 451) where Cited checked from.',
  999: 'The site blocks automatic checks (HTTP 999, as LinkedIn does): Cited could not verify the page.',
};

function isChallenge(headers: Headers): boolean {
  return (headers.get('cf-mitigated') ?? '').toLowerCase().includes('challenge');
}

export function assessFailure(failure: NavigationFailure): Assessment {
  const { code, detail } = failure;
  if (isDeadNetworkError(code)) return { kind: 'dead', reason: deadNetworkReason(code, failure, detail) };
  switch (code) {
    case 'redirect-loop':
      return {
        kind: 'final',
        status: 'blocked',
        reason:
          'The site redirects in a circle (it probably wants cookies, which Cited never sends): Cited could not verify the page.',
      };
    case 'too-many-redirects':
      return {
        kind: 'final',
        status: 'blocked',
        reason: `The site redirected more than ${detail.match(/\d+/)?.[0] ?? 'the allowed number of'} times without reaching a page: Cited could not verify it.`,
      };
    case 'invalid-redirect':
      return {
        kind: 'final',
        status: 'blocked',
        reason: `The site redirects to an address Cited cannot follow (${detail}).`,
      };
    case 'offline':
      return {
        kind: 'final',
        status: 'unreachable',
        reason: 'You appear to be offline: nothing was checked.',
      };
    case 'timeout':
      return { kind: 'transient', reason: detail || 'The site did not answer in time.', retryAfterMs: null };
    case 'dns-temporary':
      return {
        kind: 'transient',
        reason: `The name server did not answer (${detail}); this is usually a local network problem, not a dead site.`,
        retryAfterMs: null,
      };
    default:
      return { kind: 'transient', reason: brokenConnectionReason(code, failure, detail), retryAfterMs: null };
  }
}

/** A server that was there but whose answer broke, or a failure nobody explained: in words, with the technical name. */
function brokenConnectionReason(code: FetchErrorCode, failure: NavigationFailure, detail: string): string {
  const host = hostOf(failure.finalUrl ?? failure.requestedUrl);
  const technical = detail ? ` (${detail})` : '';
  switch (code) {
    case 'reset':
      return `The server of ${host} is up, but the connection was reset before it answered${technical}.`;
    case 'empty-response':
      return `The server of ${host} closed the connection without answering${technical}.`;
    case 'headers-too-big':
      return `The server of ${host} began to answer, but its headers were too long to read${technical}.`;
    case 'invalid-response':
      return `The server of ${host} sent something that is not a valid HTTP answer${technical}.`;
    case 'interrupted':
      return `The connection to ${host} closed in the middle of the page${technical}.`;
    case 'proxy':
      return `Could not reach ${host} through your proxy, which did not say why${technical}.`;
    case 'connect':
      return `Could not connect to ${host}; the reason is unknown (the browser said only "${detail || 'failed'}").`;
    default:
      return `The connection broke${technical}.`;
  }
}

function deadNetworkReason(code: FetchErrorCode, failure: NavigationFailure, detail: string): string {
  const host = hostOf(failure.finalUrl ?? failure.requestedUrl);
  switch (code) {
    case 'dns':
      return `The domain ${host} no longer exists (its name does not resolve).`;
    case 'refused':
      return `The server of ${host} refuses connections.`;
    default:
      return `The secure connection to ${host} fails (${detail}).`;
  }
}

export function assessResponse(response: NavigationResponse, nowMs: number): Assessment {
  const { status, headers } = response;
  if (isChallenge(headers)) {
    return {
      kind: 'final',
      status: 'blocked',
      reason: `The site shows a bot check (Cloudflare challenge, HTTP ${status}): Cited could not verify the page automatically.`,
    };
  }
  if ((status >= 200 && status < 300) || (status >= 300 && status < 400)) return { kind: 'page' };
  if (status === 404) return { kind: 'dead', reason: 'The site answers 404 Not Found: the page is gone.' };
  if (status === 410)
    return { kind: 'dead', reason: 'The site answers 410 Gone: the page was removed on purpose.' };
  if (status === 429)
    return { kind: 'rate-limited', retryAfterMs: parseRetryAfter(headers.get('retry-after'), nowMs) };
  const blocked = BLOCKED_REASONS[status];
  if (blocked) return { kind: 'final', status: 'blocked', reason: blocked };
  if (status === 408 || (status >= 500 && status < 600)) {
    return {
      kind: 'transient',
      reason:
        status === 408
          ? 'The site timed out waiting for the request (HTTP 408).'
          : `The server had an error (HTTP ${status}).`,
      retryAfterMs: status === 503 ? parseRetryAfter(headers.get('retry-after'), nowMs) : null,
    };
  }
  return {
    kind: 'final',
    status: 'blocked',
    reason: `The site refused the automatic request (HTTP ${status}): Cited could not verify the page; open it yourself to check.`,
  };
}
