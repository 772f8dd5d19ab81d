import type { FetchErrorCode } from './types';

/**
 * The browsers' own names for why a request failed, as their network logs give them (Chromium's
 * `webRequest.onErrorOccurred` says `net::ERR_CONNECTION_RESET`, Firefox's says `NS_ERROR_NET_RESET`), read into
 * the same codes as Node's system errors. `undefined` for a name that says nothing about the site: the request was
 * cancelled (by Cited's own timeout, or the reader), or blocked inside the browser.
 */

/** Whether the failure came before any answer arrived, or while the body was being read. */
export type FailurePhase = 'request' | 'body';

const CHROMIUM: Record<string, FetchErrorCode> = {
  ERR_NAME_NOT_RESOLVED: 'dns',
  ERR_NAME_RESOLUTION_FAILED: 'dns-temporary',
  ERR_DNS_TIMED_OUT: 'dns-temporary',
  ERR_CONNECTION_REFUSED: 'refused',
  ERR_CONNECTION_RESET: 'reset',
  ERR_CONNECTION_ABORTED: 'reset',
  ERR_CONNECTION_CLOSED: 'reset',
  ERR_CONNECTION_FAILED: 'reset',
  ERR_SOCKET_NOT_CONNECTED: 'reset',
  ERR_ADDRESS_UNREACHABLE: 'reset',
  ERR_NETWORK_CHANGED: 'reset',
  ERR_EMPTY_RESPONSE: 'empty-response',
  ERR_RESPONSE_HEADERS_TOO_BIG: 'headers-too-big',
  ERR_INVALID_HTTP_RESPONSE: 'invalid-response',
  ERR_INVALID_RESPONSE: 'invalid-response',
  ERR_INVALID_CHUNKED_ENCODING: 'invalid-response',
  ERR_CONTENT_DECODING_FAILED: 'invalid-response',
  ERR_HTTP2_PROTOCOL_ERROR: 'invalid-response',
  ERR_RESPONSE_HEADERS_MULTIPLE_CONTENT_LENGTH: 'invalid-response',
  ERR_RESPONSE_HEADERS_MULTIPLE_LOCATION: 'invalid-response',
  ERR_CONTENT_LENGTH_MISMATCH: 'interrupted',
  ERR_INCOMPLETE_CHUNKED_ENCODING: 'interrupted',
  ERR_TIMED_OUT: 'timeout',
  ERR_CONNECTION_TIMED_OUT: 'timeout',
  ERR_TUNNEL_CONNECTION_FAILED: 'proxy',
  ERR_PROXY_CONNECTION_FAILED: 'proxy',
  ERR_TOO_MANY_REDIRECTS: 'too-many-redirects',
  ERR_UNSAFE_REDIRECT: 'invalid-redirect',
  ERR_INVALID_REDIRECT: 'invalid-redirect',
  ERR_INTERNET_DISCONNECTED: 'offline',
};

const FIREFOX: Record<string, FetchErrorCode> = {
  NS_ERROR_UNKNOWN_HOST: 'dns',
  NS_ERROR_DNS_LOOKUP_QUEUE_FULL: 'dns-temporary',
  NS_ERROR_CONNECTION_REFUSED: 'refused',
  NS_ERROR_NET_RESET: 'reset',
  NS_ERROR_NET_INTERRUPT: 'reset',
  NS_ERROR_NET_ERROR_RESPONSE: 'invalid-response',
  NS_ERROR_NET_HTTP2_SENT_GOAWAY: 'reset',
  NS_ERROR_FILE_TOO_BIG: 'headers-too-big',
  NS_ERROR_CORRUPTED_CONTENT: 'invalid-response',
  NS_ERROR_INVALID_CONTENT_ENCODING: 'invalid-response',
  NS_ERROR_NET_PARTIAL_TRANSFER: 'interrupted',
  NS_ERROR_NET_TIMEOUT: 'timeout',
  NS_ERROR_NET_TIMEOUT_EXTERNAL: 'timeout',
  NS_ERROR_UNKNOWN_PROXY_HOST: 'proxy',
  NS_ERROR_PROXY_CONNECTION_REFUSED: 'proxy',
  NS_ERROR_REDIRECT_LOOP: 'too-many-redirects',
  NS_ERROR_OFFLINE: 'offline',
};

const CANCELLED = new Set(['ERR_ABORTED', 'ERR_BLOCKED_BY_CLIENT', 'NS_BINDING_ABORTED', 'NS_ERROR_ABORT']);

/** The code for a browser's error name, e.g. `net::ERR_NAME_NOT_RESOLVED` → `dns`. */
export function classifyBrowserNetworkError(
  name: string,
  phase: FailurePhase = 'request',
): FetchErrorCode | undefined {
  const bare = name.trim().replace(/^net::/, '');
  if (CANCELLED.has(bare)) return undefined;
  // Once the answer has begun, any break is the page cut short; the server was there.
  if (phase === 'body') return 'interrupted';
  const known = CHROMIUM[bare] ?? FIREFOX[bare];
  if (known) return known;
  if (/^ERR_(CERT|SSL)_|^ERR_BAD_SSL/.test(bare) || /^(SEC_ERROR|SSL_ERROR|MOZILLA_PKIX_ERROR)_/.test(bare)) {
    return 'tls';
  }
  if (/^ERR_PROXY_|^NS_ERROR_PROXY_/.test(bare)) return 'proxy';
  // Firefox words its secure-connection failures for people ("Cannot communicate securely with peer: ...",
  // "Peer's Certificate has expired.") rather than naming them.
  if (/\s/.test(bare) && /securely|certificate|\bssl\b|\btls\b|encryption/i.test(bare)) return 'tls';
  return 'network';
}
