import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * One scripted host (or group of hosts) of the test web.
 *
 * The test web is an HTTP proxy: Chromium (via --proxy-server) and Node (via undici's ProxyAgent) send every
 * request to it, and it dispatches by host name to the site that claims it. Hosts no site claims behave like a
 * domain that no longer resolves.
 */
export interface Site {
  /** Lower-case host names without port, e.g. ['www.deepdotweb.com', 'deepdotweb.com']. */
  hosts: string[];
  /**
   * How the connection itself behaves before any HTTP is spoken.
   * - 'ok' (default): answer with `handle`.
   * - 'dns-failure': as if the name did not resolve (proxy refuses the tunnel / drops the request).
   * - 'refused': as if the server refused the TCP connection.
   * - 'tls-failure': the TLS handshake breaks (https only).
   */
  connection?: 'ok' | 'dns-failure' | 'refused' | 'tls-failure';
  /** Answer one request. `url` is absolute (scheme, host, path, query). */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): void | Promise<void>;
}

/** What the test web remembers of each request, so tests can assert politeness and privacy. */
export interface RecordedRequest {
  method: string;
  url: string;
  host: string;
  headers: Record<string, string | string[] | undefined>;
  startedAt: number;
  endedAt: number | null;
  /**
   * Set when the request never reached a site because its connection failed (hosts no site claims: 'dns-failure').
   * Over https such an entry is the CONNECT itself: method 'CONNECT', url 'https://host/' (the path is never seen).
   */
  connection?: 'dns-failure' | 'refused' | 'tls-failure';
}
