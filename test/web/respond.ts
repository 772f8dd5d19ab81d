import type { ServerResponse } from 'node:http';

export type Headers = Record<string, string | number>;

/** An HTML page. HEAD requests get the headers only (Node drops the body for HEAD by itself). */
export function html(res: ServerResponse, status: number, body: string, headers: Headers = {}): void {
  send(res, status, body, { 'content-type': 'text/html; charset=utf-8', ...headers });
}

export function text(res: ServerResponse, status: number, body: string, headers: Headers = {}): void {
  send(res, status, body, { 'content-type': 'text/plain; charset=utf-8', ...headers });
}

export function json(res: ServerResponse, status: number, value: unknown, headers: Headers = {}): void {
  send(res, status, JSON.stringify(value), { 'content-type': 'application/json', ...headers });
}

export function redirect(res: ServerResponse, status: 301 | 302 | 303 | 307 | 308, location: string): void {
  send(res, status, '', { location });
}

/** Bytes with a content type, e.g. a generated PNG or PDF. */
export function send(
  res: ServerResponse,
  status: number,
  body: string | Uint8Array,
  headers: Headers = {},
): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, { 'content-length': bytes.byteLength, ...headers });
  res.end(bytes);
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Escape text for HTML element content and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The path (with query) a request asked for, as a site's route table keys it. */
export function pathOf(url: URL): string {
  return url.pathname + url.search;
}
