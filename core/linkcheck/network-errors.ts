import type { FetchErrorCode } from './types';

/**
 * Turn a fetch rejection into a reason a reader understands.
 *
 * Node's fetch (undici) rejects with `TypeError('fetch failed')` whose `cause` (sometimes an AggregateError of
 * several connection attempts) carries a system or undici code. Browsers only say "Failed to fetch" (Chromium),
 * "NetworkError when attempting to fetch resource." (Firefox) or "Load failed" (Safari) for every failure: a name
 * that does not resolve, a refused connection, a reset, a header overflow. The extension asks the browser's own
 * network log for the precise name (`net::ERR_*`, `NS_ERROR_*`, see `classifyBrowserNetworkError`); without it the
 * failure is `connect`, "reason unknown", which is never called dead.
 */
export interface ClassifiedNetworkError {
  code: FetchErrorCode;
  /** The most specific technical code found (ENOTFOUND, CERT_HAS_EXPIRED, ...), for the evidence. */
  detail: string;
}

const DNS = new Set(['ENOTFOUND', 'ENODATA', 'EAI_NONAME', 'EAI_NODATA', 'EAI_FAIL']);
const DNS_TEMPORARY = new Set(['EAI_AGAIN', 'ESERVFAIL', 'ETIMEOUT']);
const REFUSED = new Set(['ECONNREFUSED']);
const RESET = new Set([
  'ECONNRESET',
  'EPIPE',
  'ECONNABORTED',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'EHOSTDOWN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
  'UND_ERR_REQ_CONTENT_LENGTH_MISMATCH',
]);
const TIMEOUT = new Set([
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ESOCKETTIMEDOUT',
]);

function isTlsCode(code: string): boolean {
  return (
    code.startsWith('CERT_') ||
    code.startsWith('ERR_TLS') ||
    code.startsWith('ERR_SSL') ||
    code === 'EPROTO' ||
    code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' ||
    code === 'UNABLE_TO_GET_ISSUER_CERT' ||
    code === 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' ||
    code === 'DEPTH_ZERO_SELF_SIGNED_CERT' ||
    code === 'SELF_SIGNED_CERT_IN_CHAIN' ||
    code === 'HOSTNAME_MISMATCH' ||
    code === 'ERR_TLS_CERT_ALTNAME_INVALID'
  );
}

function codesOf(error: unknown, depth = 0): string[] {
  if (typeof error !== 'object' || error === null || depth > 5) return [];
  const found: string[] = [];
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') found.push(code);
  const errors = (error as { errors?: unknown }).errors;
  if (Array.isArray(errors)) for (const inner of errors) found.push(...codesOf(inner, depth + 1));
  found.push(...codesOf((error as { cause?: unknown }).cause, depth + 1));
  return found;
}

function messagesOf(error: unknown, depth = 0): string {
  if (typeof error !== 'object' || error === null || depth > 5) return '';
  const message = String((error as { message?: unknown }).message ?? '');
  return `${message} ${messagesOf((error as { cause?: unknown }).cause, depth + 1)}`;
}

export function classifyNetworkError(error: unknown): ClassifiedNetworkError {
  const codes = codesOf(error);
  // The most telling code wins: a refused connection behind an AggregateError, a certificate error behind a
  // generic socket error.
  for (const code of codes) if (DNS.has(code)) return { code: 'dns', detail: code };
  for (const code of codes) if (isTlsCode(code)) return { code: 'tls', detail: code };
  for (const code of codes) if (REFUSED.has(code)) return { code: 'refused', detail: code };
  for (const code of codes) if (DNS_TEMPORARY.has(code)) return { code: 'dns-temporary', detail: code };
  for (const code of codes) if (TIMEOUT.has(code)) return { code: 'timeout', detail: code };
  for (const code of codes)
    if (code === 'UND_ERR_HEADERS_OVERFLOW') return { code: 'headers-too-big', detail: code };
  for (const code of codes) if (code.startsWith('HPE_')) return { code: 'invalid-response', detail: code };
  // undici's word for a server that closed before sending a byte of its answer (a reset is ECONNRESET).
  if (codes.includes('UND_ERR_SOCKET') && /other side closed/i.test(messagesOf(error))) {
    return { code: 'empty-response', detail: 'UND_ERR_SOCKET' };
  }
  for (const code of codes) if (RESET.has(code)) return { code: 'reset', detail: code };
  const text = messagesOf(error);
  // undici through an HTTP proxy: the proxy could not open the tunnel (name unknown, refused, unreachable).
  const proxy = text.match(/Proxy response \((\d+)\)/);
  if (proxy) return { code: 'connect', detail: `the proxy could not reach the host (HTTP ${proxy[1]})` };
  if (/certificate|ssl|tls/i.test(text)) return { code: 'tls', detail: firstLine(text) };
  if (codes.length > 0) return { code: 'network', detail: codes[0] ?? 'network' };
  if (/failed to fetch|networkerror|load failed|network error/i.test(text)) {
    return { code: 'connect', detail: firstLine(text) };
  }
  return { code: 'network', detail: firstLine(text) || 'network error' };
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0]?.trim().slice(0, 200) ?? '';
}

/**
 * Network failures that mean "this address does not work", once confirmed by a second try: the name does not
 * resolve, the server refuses connections, the secure connection cannot be made. A server that answered anything at
 * all (a reset, an empty or broken answer, a header that never ends) is up, and a failure whose reason is unknown
 * proves nothing.
 */
export function isDeadNetworkError(code: FetchErrorCode): boolean {
  return code === 'dns' || code === 'refused' || code === 'tls';
}
