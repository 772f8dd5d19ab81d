import type { CitationStatus, FetchLike } from '../linkcheck/types';
import type { ArchivedCopy, ArchiveErrorCode, ArchiveLookup } from './types';

/**
 * Archived copies of a cited page from the Wayback Machine availability API
 * (`GET <endpoint>/wayback/available?url=<url>[&timestamp=YYYYMMDDhhmmss&closest=before]`):
 *
 * - `beforePublication`: the copy closest before the article's publication, what its author most likely saw;
 * - `mostRecent`: the newest usable copy (when the newest capture is itself a 404, Cited steps back up to
 *   `MAX_STEPS_BACK` captures to find a usable one).
 *
 * A copy is usable only if `available` is true, its `status` starts with "2" and its `url` is http(s).
 *
 * The JSON API is rate-limited and sometimes answers empty for pages it holds. With `replayFallback` (Node only:
 * it needs `redirect: 'manual'` to read the Location header, which browsers hide), Cited then asks
 * `<replayEndpoint>/web/[<timestamp>/]<url>` without following redirects: a 302 Location is the nearest capture,
 * a 404 means none.
 *
 * Privacy: nothing is sent when `thirdPartyAllowed` is false; otherwise the archive learns the cited URL (and the
 * article's publication date), never the article itself.
 */

export const DEFAULT_ARCHIVE_ENDPOINT = 'https://archive.org';
export const DEFAULT_REPLAY_ENDPOINT = 'https://web.archive.org';
export const MAX_STEPS_BACK = 2;

export interface ArchiveLookupOptions {
  fetch: FetchLike;
  /** The reader's "Never contact third-party services" switch, inverted. */
  thirdPartyAllowed: boolean;
  /** Availability API base, e.g. https://archive.org (default) or a self-hosted archive. */
  endpoint?: string;
  /** Replay base for the fallback, e.g. https://web.archive.org (default). */
  replayEndpoint?: string;
  /** Use the /web/<url> redirect fallback (needs a fetch that exposes redirects: Node). Default false. */
  replayFallback?: boolean;
  /** The article's publication date or timestamp (ISO 8601); null or absent when unknown. */
  publishedAt?: string | null;
  now?: () => number;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Run each request politely (e.g. through the link checker's RequestScheduler). */
  schedule?: <T>(url: string, task: () => Promise<T>) => Promise<T>;
}

/** Whether the panel should look for archived copies without being asked: every verdict but alive/skipped. */
export function needsArchiveLookup(status: CitationStatus): boolean {
  return (
    status !== 'alive' &&
    status !== 'skipped' &&
    status !== 'not-checked' &&
    status !== 'queued' &&
    status !== 'checking'
  );
}

class LookupError extends Error {
  constructor(
    readonly code: ArchiveErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** YYYYMMDDhhmmss (UTC) of a moment. */
export function toWaybackTimestamp(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/** ISO 8601 of a Wayback timestamp (partial ones mean the start of the period). */
export function waybackTimestampToIso(timestamp: string): string {
  const t = timestamp.padEnd(14, '0');
  const value = (from: number, to: number, min: number) => Math.max(min, Number(t.slice(from, to)));
  const date = new Date(
    Date.UTC(
      value(0, 4, 1),
      value(4, 6, 1) - 1,
      value(6, 8, 1),
      value(8, 10, 0),
      value(10, 12, 0),
      value(12, 14, 0),
    ),
  );
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().replace('.000Z', 'Z');
}

/**
 * The moment "before publication" means: a date-only publication (`2017-08-04`) includes that whole day,
 * since the time it went out is unknown.
 */
export function publicationTimestamp(publishedAt: string): string | null {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(publishedAt.trim());
  const date = new Date(dateOnly ? `${publishedAt.trim()}T23:59:59Z` : publishedAt);
  return Number.isNaN(date.getTime()) ? null : toWaybackTimestamp(date);
}

function usable(
  url: string,
  timestamp: string,
  status: string | null,
  source: ArchivedCopy['source'],
): ArchivedCopy | null {
  if (!/^https?:\/\//i.test(url) || !/^\d{4,14}$/.test(timestamp)) return null;
  if (status !== null && !status.startsWith('2')) return null;
  return { url: upgradeToHttps(url), timestamp, date: waybackTimestampToIso(timestamp), status, source };
}

/** The API answers http:// replay addresses; the Wayback serves them over https. */
function upgradeToHttps(url: string): string {
  return url.replace(/^http:\/\/web\.archive\.org\//i, 'https://web.archive.org/');
}

interface RawSnapshot {
  available?: unknown;
  url?: unknown;
  timestamp?: unknown;
  status?: unknown;
}

/** The capture an availability answer names (GET or POST form), usable or not; null when none. */
export function readAvailability(body: unknown): { snapshot: RawSnapshot | null } {
  if (typeof body !== 'object' || body === null)
    throw new LookupError('bad-response', 'The archive answered no JSON object');
  const results = (body as { results?: unknown }).results;
  const holder = Array.isArray(results) ? (results[0] as { archived_snapshots?: unknown } | undefined) : body;
  const snapshots = (holder as { archived_snapshots?: unknown } | undefined)?.archived_snapshots;
  if (snapshots === undefined)
    throw new LookupError('bad-response', 'The archive answer has no archived_snapshots');
  const closest = (snapshots as { closest?: unknown } | null)?.closest;
  return { snapshot: typeof closest === 'object' && closest !== null ? (closest as RawSnapshot) : null };
}

/** The usable copy of an availability answer, or null. */
export function parseAvailability(body: unknown): ArchivedCopy | null {
  const { snapshot } = readAvailability(body);
  if (snapshot?.available !== true) return null;
  return usable(
    String(snapshot.url ?? ''),
    String(snapshot.timestamp ?? ''),
    String(snapshot.status ?? ''),
    'availability-api',
  );
}

async function timed<T>(options: ArchiveLookupOptions, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onAbort = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(
    () => controller.abort(new LookupError('network', 'The archive did not answer in time')),
    options.timeoutMs ?? 20_000,
  );
  try {
    return await run(controller.signal);
  } catch (error) {
    if (options.signal?.aborted) throw error;
    if (controller.signal.reason instanceof LookupError) throw controller.signal.reason;
    if (error instanceof LookupError) throw error;
    throw new LookupError(
      'network',
      `The archive could not be reached (${(error as Error).message ?? error})`,
    );
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

function request(options: ArchiveLookupOptions, url: string, redirect: RequestRedirect): Promise<Response> {
  const go = () =>
    timed(options, (signal) =>
      options.fetch(url, {
        method: 'GET',
        redirect,
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        cache: 'no-store',
        headers: { Accept: 'application/json' },
        signal,
      }),
    );
  return options.schedule ? options.schedule(url, go) : go();
}

async function askAvailability(
  options: ArchiveLookupOptions,
  url: string,
  timestamp: string | null,
): Promise<{ copy: ArchivedCopy | null; unusableAt: string | null }> {
  const endpoint = (options.endpoint ?? DEFAULT_ARCHIVE_ENDPOINT).replace(/\/+$/, '');
  const query = new URLSearchParams({ url });
  if (timestamp) {
    query.set('timestamp', timestamp);
    query.set('closest', 'before');
  }
  const response = await request(options, `${endpoint}/wayback/available?${query}`, 'follow');
  if (response.status === 429)
    throw new LookupError('rate-limited', 'The archive asks to slow down (HTTP 429)');
  if (!response.ok) throw new LookupError('bad-response', `The archive answered HTTP ${response.status}`);
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new LookupError('bad-response', 'The archive answered something that is not JSON');
  }
  const { snapshot } = readAvailability(body);
  if (snapshot?.available !== true) return { copy: null, unusableAt: null };
  const copy = parseAvailability(body);
  if (copy && timestamp && copy.timestamp > timestamp) return { copy: null, unusableAt: null };
  return { copy, unusableAt: copy ? null : String(snapshot.timestamp ?? '') || null };
}

async function askReplay(
  options: ArchiveLookupOptions,
  url: string,
  timestamp: string | null,
): Promise<ArchivedCopy | null> {
  const base = (options.replayEndpoint ?? DEFAULT_REPLAY_ENDPOINT).replace(/\/+$/, '');
  const target = `${base}/web/${timestamp ? `${timestamp}/` : ''}${url}`;
  const response = await request(options, target, 'manual');
  response.body?.cancel().catch(() => {});
  if (response.type === 'opaqueredirect') return null;
  if (response.status === 404) return null;
  const location = response.headers.get('location');
  if (response.status >= 300 && response.status < 400 && location) {
    const resolved = new URL(location, target).href;
    const captured = /\/web\/(\d{14})(?:[a-z]{2}_)?\//.exec(resolved)?.[1];
    if (!captured || (timestamp && captured > timestamp)) return null;
    return usable(resolved, captured, null, 'replay-redirect');
  }
  if (response.ok) return null;
  throw new LookupError('bad-response', `The archive replay answered HTTP ${response.status}`);
}

function previousSecond(timestamp: string): string {
  const iso = waybackTimestampToIso(timestamp);
  return toWaybackTimestamp(new Date(Date.parse(iso) - 1000));
}

/** Look up both copies of `url`. Never rejects except when `options.signal` aborts; failures land in `error`. */
export async function lookupArchivedCopies(
  url: string,
  options: ArchiveLookupOptions,
): Promise<ArchiveLookup> {
  const now = options.now ?? Date.now;
  const publishedAt = options.publishedAt?.trim() || null;
  const pubTimestamp = publishedAt ? publicationTimestamp(publishedAt) : null;
  const result: ArchiveLookup = {
    url,
    beforePublication: null,
    mostRecent: null,
    publishedAt: pubTimestamp ? waybackTimestampToIso(pubTimestamp) : null,
    lookedUpAt: new Date(now()).toISOString(),
  };
  if (!options.thirdPartyAllowed) {
    result.error = {
      code: 'third-party-disabled',
      message:
        'Third-party lookups are off ("Never contact third-party services"): the archive was not asked.',
    };
    return result;
  }
  try {
    if (pubTimestamp) {
      result.beforePublication = (await askAvailability(options, url, pubTimestamp)).copy;
      if (!result.beforePublication && options.replayFallback) {
        result.beforePublication = await askReplay(options, url, pubTimestamp);
      }
    }
    let latest = await askAvailability(options, url, null);
    for (let step = 0; !latest.copy && latest.unusableAt && step < MAX_STEPS_BACK; step++) {
      latest = await askAvailability(options, url, previousSecond(latest.unusableAt));
    }
    result.mostRecent = latest.copy;
    if (!result.mostRecent && options.replayFallback) result.mostRecent = await askReplay(options, url, null);
    if (
      result.beforePublication &&
      (!result.mostRecent || result.mostRecent.timestamp < result.beforePublication.timestamp)
    ) {
      result.mostRecent = result.beforePublication;
    }
  } catch (error) {
    if (options.signal?.aborted) throw error;
    const failure = error instanceof LookupError ? error : new LookupError('network', String(error));
    result.error = { code: failure.code, message: failure.message };
  }
  return result;
}
