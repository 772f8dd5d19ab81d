import type { ServerResponse } from 'node:http';
import { html, json, redirect } from '../respond';
import type { Site } from '../site';
import { page } from '../templates';
import { type ArchivedCopy, archivedCopies } from './wayback-copies';

/**
 * A local Wayback Machine on web.archive.org and archive.org, answering what Cited asks of the real one
 * (../shared/reference/README.md): the availability API, GET and POST, and replay of captures at
 * /web/<timestamp>[id_]/<url>, redirecting to the nearest capture as the real one does.
 */
export function waybackSite(copies: ArchivedCopy[] = archivedCopies): Site {
  return {
    hosts: ['web.archive.org', 'archive.org', 'wayback.archive.org'],
    async handle(req, res, url) {
      if (url.protocol === 'http:') return redirect(res, 301, url.href.replace(/^http:/, 'https:'));
      if (url.pathname === '/wayback/available') {
        const params = req.method === 'POST' ? new URLSearchParams(await readBody(req)) : url.searchParams;
        return availability(res, copies, params, req.method === 'POST');
      }
      const replay = /^\/web\/(?:(\d{1,14})([a-z]{2}_)?\/)?(.+)$/.exec(url.pathname);
      if (replay?.[3]) return replayCapture(res, copies, replay[3] + url.search, replay[1], replay[2]);
      return html(res, 404, page({ title: 'Wayback Machine', body: '<h1>Not found</h1>' }));
    },
  };
}

function availability(res: ServerResponse, copies: ArchivedCopy[], params: URLSearchParams, post: boolean) {
  const results = params.getAll('url').map((wanted) => {
    const timestamp = params.get('timestamp') ?? '';
    const copy = closest(copies, wanted, timestamp, params.get('closest') ?? 'either');
    const snapshots = copy
      ? {
          closest: {
            available: true,
            url: `http://web.archive.org/web/${copy.timestamp}/${copy.url}`,
            timestamp: copy.timestamp,
            status: String(copy.status),
          },
        }
      : {};
    return { url: wanted, timestamp, archived_snapshots: snapshots };
  });
  const headers = { 'access-control-allow-origin': '*' };
  if (post) return json(res, 200, { results }, headers);
  return json(res, 200, { archived_snapshots: results[0]?.archived_snapshots ?? {} }, headers);
}

function replayCapture(
  res: ServerResponse,
  copies: ArchivedCopy[],
  target: string,
  ts?: string,
  modifier?: string,
) {
  const exact = copies.find((c) => c.timestamp === ts && sameResource(c.url, target));
  if (!exact) {
    const nearest = closest(copies, target, ts ?? '', 'either');
    if (!nearest) {
      return html(
        res,
        404,
        page({
          title: 'Wayback Machine',
          body: '<h1>Hrm.</h1><p>The Wayback Machine has not archived that URL.</p>',
        }),
      );
    }
    return redirect(res, 302, `/web/${nearest.timestamp}${modifier ?? ''}/${nearest.url}`);
  }
  const headers = {
    'memento-datetime': toDate(exact.timestamp).toUTCString(),
    link: `<${exact.url}>; rel="original"`,
  };
  // id_ asks for the original bytes; otherwise the archive adds its banner, as the real replay does.
  const body = modifier === 'id_' ? exact.html() : withBanner(exact.html(), exact);
  return html(res, exact.status, body, headers);
}

function withBanner(document: string, copy: ArchivedCopy): string {
  const banner = `<div id="wm-ipp" style="font:13px sans-serif;background:#222;color:#eee;padding:6px">Wayback Machine:
captured ${toDate(copy.timestamp).toUTCString()} from ${copy.url}</div>`;
  return document.replace(/<body[^>]*>/i, (tag) => `${tag}\n${banner}`);
}

/** The capture of `wanted` nearest to `timestamp` (the most recent when none is given). */
function closest(
  copies: ArchivedCopy[],
  wanted: string,
  timestamp: string,
  direction: string,
): ArchivedCopy | null {
  const target = timestamp ? toDate(timestamp).getTime() : Date.now();
  const candidates = copies
    .filter((c) => sameResource(c.url, wanted))
    .filter((c) => {
      const t = toDate(c.timestamp).getTime();
      return direction === 'before' ? t <= target : direction === 'after' ? t >= target : true;
    });
  candidates.sort(
    (a, b) =>
      Math.abs(toDate(a.timestamp).getTime() - target) - Math.abs(toDate(b.timestamp).getTime() - target),
  );
  return candidates[0] ?? null;
}

/** The archive matches URLs loosely: scheme, www., default trailing slash and case of the host do not count. */
export function sameResource(a: string, b: string): boolean {
  return canonical(a) === canonical(b);
}

function canonical(url: string): string {
  const withoutScheme = url.trim().replace(/^[a-z]+:\/+/i, '');
  const [hostPart = '', ...rest] = withoutScheme.split('/');
  const host = hostPart
    .toLowerCase()
    .replace(/^www\d*\./, '')
    .replace(/:(80|443)$/, '');
  const path = `/${rest.join('/')}`.replace(/#.*$/, '').replace(/\/$/, '');
  return host + path;
}

/** Partial timestamps (e.g. 2017 or 20170804) mean the start of that period, as the Wayback reads them. */
function toDate(timestamp: string): Date {
  const t = timestamp.padEnd(14, '0');
  const part = (from: number, to: number, min: number) => Math.max(min, Number(t.slice(from, to)));
  return new Date(
    Date.UTC(
      part(0, 4, 1),
      part(4, 6, 1) - 1,
      part(6, 8, 1),
      part(8, 10, 0),
      part(10, 12, 0),
      part(12, 14, 0),
    ),
  );
}

function readBody(req: Parameters<Site['handle']>[0]): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}
