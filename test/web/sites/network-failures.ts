import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { CitationFate } from '../fates';
import type { Site } from '../site';

/**
 * Servers that answer badly below HTTP, the failures a browser's fetch reports as one bare "Failed to fetch"
 * (issue 17). Each host is up and reads the request; what it does next decides what a careful checker may say.
 * The two hosts that never answer (a name that does not resolve, a refused connection) are reached directly by the
 * browser, not through the test web's proxy (see `directRoutes` in ../server.ts), so the browser sees the same
 * failure as a reader on the open web.
 */

export interface NetworkFailure {
  host: string;
  /** What the server does, in words (test names, failure messages). */
  what: string;
  status: CitationFate['status'];
  /** Words the reason shown to the reader must contain. */
  reason: RegExp;
}

export const networkFailures: NetworkFailure[] = [
  {
    host: 'dropped.netfail.example',
    what: 'reads the request, then resets the connection',
    status: 'unreachable',
    reason: /connection was reset before it answered/i,
  },
  {
    host: 'empty.netfail.example',
    what: 'reads the request, then closes the connection without a byte',
    status: 'unreachable',
    // Firefox's network log names this a reset too (NS_ERROR_NET_RESET).
    reason: /closed the connection without answering|connection was reset before it answered/i,
  },
  {
    host: 'endless-header.netfail.example',
    what: 'answers 200, then one header line that never ends',
    status: 'unreachable',
    reason: /headers were too long to read/i,
  },
  {
    host: 'mid-body.netfail.example',
    what: 'answers 200 and half the page, then resets the connection',
    status: 'unreachable',
    reason: /closed in the middle of the page/i,
  },
  {
    host: 'no-name.netfail.example',
    what: 'has a name that does not resolve',
    status: 'dead',
    reason: /does not resolve/i,
  },
  {
    host: 'refused.netfail.example',
    what: 'refuses connections',
    status: 'dead',
    reason: /refuses connections/i,
  },
];

export function networkFailureUrl(failure: NetworkFailure): string {
  return `https://${failure.host}/report/2026/source.html`;
}

/** The TCP socket under a request, under TLS too, so a reset reaches the client as a reset. */
function rawSocket(req: IncomingMessage): Socket {
  const socket = req.socket as Socket & { _parent?: Socket };
  return socket._parent ?? socket;
}

function resetNow(req: IncomingMessage): void {
  rawSocket(req).resetAndDestroy();
}

const behaviours: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  'dropped.netfail.example': resetNow,
  'empty.netfail.example': (req) => {
    req.socket.end();
  },
  'endless-header.netfail.example': (req) => {
    const socket = req.socket;
    socket.write('HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Padding: ');
    const line = 'a'.repeat(16 * 1024);
    const timer = setInterval(() => {
      if (socket.destroyed) clearInterval(timer);
      else socket.write(line);
    }, 5);
    socket.once('close', () => clearInterval(timer));
  },
  'mid-body.netfail.example': (req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': 200_000 });
    res.write(`<!doctype html><html><head><title>Report</title></head><body><p>${'Findings. '.repeat(800)}`);
    setTimeout(() => resetNow(req), 50);
  },
};

export function networkFailureSites(): Site[] {
  return networkFailures.map(({ host }) => {
    if (host.startsWith('no-name.')) return { hosts: [host], connection: 'dns-failure', handle() {} };
    if (host.startsWith('refused.')) return { hosts: [host], connection: 'refused', handle() {} };
    const behave = behaviours[host];
    if (!behave) throw new Error(`network-failures: no behaviour for ${host}`);
    return { hosts: [host], handle: (req, res) => behave(req, res) };
  });
}
