import { classifyBrowserNetworkError } from './browser-network-errors';
import { isAbortError } from './clock';
import { classifyNetworkError } from './network-errors';
import type { Clock, FetchErrorCode, FetchLike, RedirectHop, RedirectMode } from './types';
import { checkKey } from './url';

/**
 * One visit to an address, the way a careful, anonymous reader would make it: GET, no cookies or credentials,
 * no referrer, no cache, a timeout, a capped read, and redirects followed with loop detection.
 */

export interface NavigateOptions {
  fetch: FetchLike;
  mode: RedirectMode;
  maxRedirects: number;
  maxBytes: number;
  timeoutMs: number;
  clock: Clock;
  headers?: Record<string, string>;
  /** Runs one request in a politeness slot of its host (every redirect hop is its own request). */
  schedule: <T>(url: string, task: () => Promise<T>) => Promise<T>;
  /**
   * Sees each answer while its slot is still held, before the next request to that host can start: where a 429
   * pauses its host, so no other request slips in first.
   */
  onAnswer?: (url: string, response: Response) => void;
  /** Manual mode: do not request a redirect target when its address alone settles the verdict. */
  stopBefore?: (target: URL) => boolean;
  signal?: AbortSignal;
  /**
   * Browsers: the browser's own name for why the request to `url` that started at `sinceMs` (clock time) failed,
   * e.g. `net::ERR_CONNECTION_RESET`, from its network log; `undefined` when it has none.
   */
  explainFailure?: (url: string, sinceMs: number) => Promise<string | undefined>;
}

export interface NavigationResponse {
  ok: true;
  requestedUrl: string;
  finalUrl: string;
  status: number;
  headers: Headers;
  redirected: boolean;
  /** Known in manual mode only. */
  redirectCount?: number;
  chain?: RedirectHop[];
  contentType?: string;
  body: Uint8Array;
  truncated: boolean;
  /**
   * True when Cited stopped before the last redirect because its target alone settles the verdict (the site's
   * home page, a section front, an error or login page): `finalUrl` is where it pointed, `status` the redirect's.
   */
  notFollowed?: boolean;
}

export interface NavigationFailure {
  ok: false;
  requestedUrl: string;
  /** The last address reached before failing, when redirects were followed. */
  finalUrl?: string;
  code: FetchErrorCode;
  detail: string;
  redirected: boolean;
  chain?: RedirectHop[];
}

export type Navigation = NavigationResponse | NavigationFailure;

const REDIRECT_STATUSES = new Set([300, 301, 302, 303, 307, 308]);

export const DEFAULT_ACCEPT = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8';

function isRedirect(response: Response): boolean {
  return REDIRECT_STATUSES.has(response.status) && (response.headers.get('location') ?? '').trim() !== '';
}

/** Why a request's timeout timer is cancelled: it answered (or failed) in time. */
const ANSWERED = Symbol('answered');

class RequestTimeout extends Error {
  override readonly name = 'TimeoutError';
}

interface SingleAnswer {
  response: Response;
  body: Uint8Array;
  truncated: boolean;
}

type SingleResult = { ok: true; answer: SingleAnswer } | { ok: false; code: FetchErrorCode; detail: string };

/** The connection closed while the body was arriving. */
class BodyInterrupted extends Error {
  constructor(readonly original: unknown) {
    super('The connection closed in the middle of the body');
  }
}

async function readCapped(
  response: Response,
  maxBytes: number,
  controller: AbortController,
): Promise<{ body: Uint8Array; truncated: boolean; interrupted: boolean }> {
  const reader = response.body?.getReader();
  if (!reader) return { body: new Uint8Array(0), truncated: false, interrupted: false };
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  let interrupted = false;
  try {
    while (size < maxBytes) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
    if (size >= maxBytes) {
      truncated = true;
      // Stop the download: the rest of a large page tells the checker nothing more.
      // Not awaited: a cancel can wait on the other branch of a tee(), which nobody reads.
      reader.cancel().catch(() => {});
      controller.abort();
    }
  } catch (error) {
    // Cited's own timeout in the middle of a slow body: the server did answer, keep what arrived. A connection that
    // broke is reported by the caller.
    if (!controller.signal.aborted) throw new BodyInterrupted(error);
    interrupted = true;
  }
  const body = new Uint8Array(Math.min(size, maxBytes));
  let offset = 0;
  for (const chunk of chunks) {
    const part = chunk.subarray(0, Math.min(chunk.byteLength, body.byteLength - offset));
    body.set(part, offset);
    offset += part.byteLength;
    if (offset >= body.byteLength) break;
  }
  return { body, truncated: truncated || interrupted, interrupted };
}

async function requestOnce(
  url: string,
  redirect: 'manual' | 'follow',
  options: NavigateOptions,
  readBody: (response: Response) => boolean,
): Promise<SingleResult> {
  const controller = new AbortController();
  const timer = new AbortController();
  const outer = options.signal;
  const forwardAbort = () => controller.abort(outer?.reason);
  outer?.addEventListener('abort', forwardAbort, { once: true });
  options.clock.sleep(options.timeoutMs, timer.signal).then(
    () => controller.abort(new RequestTimeout(`No answer within ${Math.round(options.timeoutMs / 1000)} s`)),
    () => {},
  );
  const startedAt = options.clock.now();
  try {
    if (outer?.aborted) throw outer.reason;
    const response = await options.fetch(url, {
      method: 'GET',
      redirect,
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
      headers: { Accept: DEFAULT_ACCEPT, ...options.headers },
      signal: controller.signal,
    });
    options.onAnswer?.(url, response);
    if (!readBody(response)) {
      response.body?.cancel().catch(() => {});
      return { ok: true, answer: { response, body: new Uint8Array(0), truncated: false } };
    }
    const { body, truncated } = await readCapped(response, options.maxBytes, controller);
    if (outer?.aborted) throw outer.reason;
    return { ok: true, answer: { response, body, truncated } };
  } catch (error) {
    if (outer?.aborted) throw outer.reason ?? error;
    if (controller.signal.reason instanceof RequestTimeout) {
      return { ok: false, code: 'timeout', detail: controller.signal.reason.message };
    }
    if (error instanceof BodyInterrupted) {
      const name = await options.explainFailure?.(url, startedAt);
      return { ok: false, code: 'interrupted', detail: name ?? classifyNetworkError(error.original).detail };
    }
    if (isAbortError(error)) return { ok: false, code: 'timeout', detail: 'The request was cut off' };
    const classified = classifyNetworkError(error);
    if (isVague(classified.code) && options.explainFailure) {
      const name = await options.explainFailure(url, startedAt);
      const precise = name === undefined ? undefined : classifyBrowserNetworkError(name);
      if (name && precise) return { ok: false, code: precise, detail: name };
    }
    return { ok: false, code: classified.code, detail: classified.detail };
  } finally {
    // A plain reason: abort() without one builds a DOMException with a stack trace for every request.
    timer.abort(ANSWERED);
    outer?.removeEventListener('abort', forwardAbort);
  }
}

/** What a browser's fetch says of every network failure alike. */
function isVague(code: FetchErrorCode): boolean {
  return code === 'connect' || code === 'network';
}

function contentTypeOf(response: Response): string | undefined {
  return response.headers.get('content-type') ?? undefined;
}

/** Visit `url` and return what answered, or why nothing did. Rejects only when `options.signal` aborts. */
export async function navigate(url: string, options: NavigateOptions): Promise<Navigation> {
  if (options.mode === 'follow') {
    const result = await options.schedule(url, () => requestOnce(url, 'follow', options, () => true));
    if (!result.ok)
      return { ok: false, requestedUrl: url, code: result.code, detail: result.detail, redirected: false };
    const { response, body, truncated } = result.answer;
    const finalUrl = response.url || url;
    return {
      ok: true,
      requestedUrl: url,
      finalUrl,
      status: response.status,
      headers: response.headers,
      redirected: response.redirected || checkKey(finalUrl) !== checkKey(url),
      body,
      truncated,
      ...(contentTypeOf(response) !== undefined ? { contentType: contentTypeOf(response) } : {}),
    };
  }

  const chain: RedirectHop[] = [];
  const visited = new Set<string>();
  let current = url;
  for (;;) {
    visited.add(checkKey(current) ?? current);
    const result = await options.schedule(current, () =>
      requestOnce(current, 'manual', options, (response) => !isRedirect(response)),
    );
    const failure = (code: FetchErrorCode, detail: string): NavigationFailure => ({
      ok: false,
      requestedUrl: url,
      code,
      detail,
      redirected: chain.length > 0,
      ...(chain.length > 0 ? { finalUrl: current, chain: [...chain] } : {}),
    });
    if (!result.ok) return failure(result.code, result.detail);
    const { response, body, truncated } = result.answer;
    if (response.type === 'opaqueredirect') {
      return failure('network', 'This fetch cannot follow redirects itself; use the follow redirect mode');
    }
    const location = response.headers.get('location') ?? '';
    if (isRedirect(response)) {
      chain.push({ url: current, status: response.status });
      let next: URL;
      try {
        next = new URL(location.trim(), current);
      } catch {
        return failure(
          'invalid-redirect',
          `The site redirected to an invalid address: ${location.slice(0, 200)}`,
        );
      }
      if (next.protocol !== 'http:' && next.protocol !== 'https:') {
        return failure('invalid-redirect', `The site redirected to a ${next.protocol} address`);
      }
      next.hash = '';
      if (visited.has(next.href)) {
        chain.push({ url: next.href, status: 0 });
        return failure('redirect-loop', `The redirects lead back to ${next.href}`);
      }
      if (chain.length > options.maxRedirects) {
        return failure('too-many-redirects', `More than ${options.maxRedirects} redirects`);
      }
      if (options.stopBefore?.(next)) {
        return {
          ok: true,
          requestedUrl: url,
          finalUrl: next.href,
          status: response.status,
          headers: response.headers,
          redirected: true,
          redirectCount: chain.length,
          chain,
          body: new Uint8Array(0),
          truncated: false,
          notFollowed: true,
        };
      }
      current = next.href;
      continue;
    }
    chain.push({ url: current, status: response.status });
    return {
      ok: true,
      requestedUrl: url,
      finalUrl: current,
      status: response.status,
      headers: response.headers,
      redirected: chain.length > 1,
      redirectCount: chain.length - 1,
      chain,
      body,
      truncated,
      ...(contentTypeOf(response) !== undefined ? { contentType: contentTypeOf(response) } : {}),
    };
  }
}

/**
 * In a browser, "Failed to fetch" hides whether the server is gone or only redirects in circles. Asking again
 * with `redirect: 'manual'` tells them apart: an opaque redirect means the server answered.
 */
export async function answersWithRedirect(url: string, options: NavigateOptions): Promise<boolean> {
  const result = await options.schedule(url, () => requestOnce(url, 'manual', options, () => false));
  return (
    result.ok &&
    (result.answer.response.type === 'opaqueredirect' || REDIRECT_STATUSES.has(result.answer.response.status))
  );
}
