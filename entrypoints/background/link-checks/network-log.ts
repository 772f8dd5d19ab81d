import { browser } from 'wxt/browser';

/**
 * Why the worker's own requests failed, from the browser's network log. A fetch in a browser rejects with the same
 * "Failed to fetch" for a name that does not resolve, a refused connection, a reset and a header that never ends;
 * `webRequest.onErrorOccurred` names each (`net::ERR_CONNECTION_RESET`, `NS_ERROR_NET_RESET`), and it reports the
 * requests of the extension's own worker (tab -1) to the extension itself, in Chromium and in Firefox alike.
 */

interface LoggedFailure {
  name: string;
  at: number;
}

/** Long enough for the log to catch up with a rejected fetch, short enough that a check never waits on it. */
const WAIT_FOR_LOG_MS = 1_000;
const KEEP_MS = 60_000;

export interface NetworkLog {
  /** The browser's name for the failure of the request to `url` started at `sinceMs`, if it logs one. */
  explain(url: string, sinceMs: number): Promise<string | undefined>;
}

export function watchNetworkLog(): NetworkLog {
  // Redirects keep the request id: a failure at the end of a chain is filed under the address that was asked for.
  const firstUrl = new Map<string, { url: string; at: number }>();
  const failures = new Map<string, LoggedFailure[]>();
  const waiting = new Map<string, Set<() => void>>();
  const filter = { urls: ['http://*/*', 'https://*/*'], tabId: -1 };

  const forget = (now: number) => {
    for (const [id, start] of firstUrl) if (now - start.at > KEEP_MS) firstUrl.delete(id);
    for (const [url, list] of failures) {
      const recent = list.filter((failure) => now - failure.at <= KEEP_MS);
      if (recent.length > 0) failures.set(url, recent);
      else failures.delete(url);
    }
  };

  const webRequest = browser.webRequest;
  if (!webRequest) return { explain: async () => undefined };
  webRequest.onBeforeRequest.addListener((details) => {
    if (!firstUrl.has(details.requestId))
      firstUrl.set(details.requestId, { url: details.url, at: Date.now() });
  }, filter);
  webRequest.onCompleted.addListener((details) => {
    firstUrl.delete(details.requestId);
  }, filter);
  webRequest.onErrorOccurred.addListener((details) => {
    const now = Date.now();
    const url = firstUrl.get(details.requestId)?.url ?? details.url;
    firstUrl.delete(details.requestId);
    forget(now);
    failures.set(url, [...(failures.get(url) ?? []), { name: details.error, at: now }]);
    for (const wake of waiting.get(url) ?? []) wake();
  }, filter);

  const take = (url: string, sinceMs: number): string | undefined => {
    const list = failures.get(url) ?? [];
    const index = list.findIndex((failure) => failure.at >= sinceMs);
    if (index < 0) return undefined;
    const [found] = list.splice(index, 1);
    return found?.name;
  };

  return {
    async explain(url, sinceMs) {
      const now = take(url, sinceMs);
      if (now !== undefined) return now;
      return new Promise<string | undefined>((resolve) => {
        const wake = () => {
          const found = take(url, sinceMs);
          if (found === undefined) return;
          done();
          resolve(found);
        };
        const timer = setTimeout(() => {
          done();
          resolve(undefined);
        }, WAIT_FOR_LOG_MS);
        const done = () => {
          clearTimeout(timer);
          waiting.get(url)?.delete(wake);
          if (waiting.get(url)?.size === 0) waiting.delete(url);
        };
        waiting.set(url, (waiting.get(url) ?? new Set()).add(wake));
      });
    },
  };
}
