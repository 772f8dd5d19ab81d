import { formatBytes } from '../format/bytes';
import { readCappedBody } from './capped-body';
import type { FetchResource } from './types';

export interface FetchResourceOptions {
  /**
   * Extra request options. In the extension: `{ cache: 'force-cache' }` reuses what the page just loaded;
   * `credentials` is the caller's decision (the page's own resources may need the reader's cookies).
   */
  init?: RequestInit;
  /** Give up on one resource after this long. Default 30 s. */
  timeoutMs?: number;
}

/**
 * A `FetchResource` over a `fetch` function (the browser's, Node's, a test's): checks the status, reads the
 * body only up to the cap (and stops the download there), passes the Content-Type on.
 */
export function fetchResourceWith(
  fetchImpl: typeof fetch,
  options: FetchResourceOptions = {},
): FetchResource {
  const timeoutMs = options.timeoutMs ?? 30_000;
  return async (url, _kind, { maxBytes, signal }) => {
    const controller = new AbortController();
    // Why the request was stopped, when it was stopped from here (timeout, cancellation).
    let stoppedBecause: unknown;
    const stop = (reason: unknown) => {
      stoppedBecause = reason;
      controller.abort(reason);
    };
    const timer = setTimeout(() => stop(new Error(`no answer after ${timeoutMs / 1000} s`)), timeoutMs);
    const onAbort = () => stop(signal?.reason ?? new Error('cancelled'));
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
    try {
      if (stoppedBecause !== undefined) throw stoppedBecause;
      const response = await fetchImpl(url, { ...options.init, signal: controller.signal });
      if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        throw new Error(`the server answered ${response.status}`);
      }
      const declared = Number(response.headers.get('content-length'));
      if (Number.isFinite(declared) && declared > maxBytes) {
        await response.body?.cancel().catch(() => undefined);
        throw new Error(`larger than ${formatBytes(maxBytes)} (${formatBytes(declared)})`);
      }
      const contentType = response.headers.get('content-type') ?? '';
      const bytes = await readCappedBody(response, maxBytes);
      if (!bytes) throw new Error(`larger than ${formatBytes(maxBytes)}`);
      return { bytes, contentType };
    } catch (error) {
      throw stoppedBecause ?? error;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  };
}
