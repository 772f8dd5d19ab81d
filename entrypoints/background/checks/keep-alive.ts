import { browser } from 'wxt/browser';

/**
 * Chrome stops an idle MV3 worker after 30 s, and a slow check (timeouts, Retry-After waits, backoff) can go
 * quiet for longer than that. While checks or lookups run, an extension API call every 20 s counts as activity
 * (Chrome 110+). The queue in IndexedDB is what makes a stop harmless; this only keeps a run from pausing until
 * the next panel visit.
 */
const INTERVAL_MS = 20_000;

export function createKeepAlive(ping: () => Promise<unknown> = () => browser.runtime.getPlatformInfo()) {
  let timer: ReturnType<typeof setInterval> | undefined;
  return (busy: boolean) => {
    if (busy && timer === undefined) {
      timer = setInterval(() => {
        ping().catch(() => {});
      }, INTERVAL_MS);
    } else if (!busy && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}
