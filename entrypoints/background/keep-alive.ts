import { browser } from 'wxt/browser';

/**
 * Chrome stops an idle MV3 worker after 30 s, and a slow check (timeouts, Retry-After waits, backoff) or a save
 * waiting on its offscreen document can go quiet for longer than that. While such work runs, an extension API call
 * every 20 s counts as activity (Chrome 110+). The check queue in IndexedDB is what makes a stop harmless; this
 * only keeps the work from pausing until the next panel visit. `busy(true)` / `busy(false)` may repeat.
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
