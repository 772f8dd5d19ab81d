/**
 * # Cited's link checker
 *
 * Tells, for each cited URL, whether the source still stands: `alive`, `redirected`, `dead`, `soft-404`,
 * `blocked`, `rate-limited`, `unreachable` or `skipped` (see `LinkStatus` in types.ts), each with a one-line
 * reason for the reader and the evidence behind it. Plain TypeScript: `fetch`, the clock and the store are
 * passed in, so the same engine runs in the extension's background worker, in Node (`npm run check`), in tests
 * and in the benchmark.
 *
 * ## Using it
 *
 * ```ts
 * // Extension background worker (MV3): the browser follows redirects; verdicts and the queue live in IndexedDB.
 * const checker = new LinkChecker({
 *   fetch: (url, init) => fetch(url, init),
 *   redirectMode: 'follow',
 *   store: new IndexedDbCheckStore(db),          // core/storage/check-store.ts
 *   isOnline: () => navigator.onLine,
 *   hasPermission: (url) => hasHostPermission(url), // without it a browser fetch fails like a dead site
 * });
 * checker.resume({ onResult });                  // at worker start: finish what a stopped worker left
 * const run = checker.run(citations.map((c) => c.url), {
 *   force,                                       // "Re-check" (one row, or all)
 *   signal,                                      // cancel
 *   onChecking: (url) => markChecking(url),      // row state "checking"
 *   onResult: (result, { cached }) => show(result),
 *   onProgress: (p) => progressBar(p),           // total, done, cached, checking, queued, byStatus
 * });
 * for await (const result of run) { ... }        // or: const { results, cancelled } = await run.done;
 *
 * // Node: Cited follows redirects itself and records the chain.
 * new LinkChecker({ fetch, redirectMode: 'manual', headers: { 'User-Agent': '...' } });
 * ```
 *
 * - Results stream as each check completes, through `onResult` and the run's async iterator; `result.url` is
 *   exactly the string that was asked for, so rows match by their citation URL.
 * - One check per URL at a time (fragments ignored) across all runs, e.g. the same source open in two tabs;
 *   fresh stored verdicts are reused (alive: a day, others: an hour) unless `force`.
 * - Resumable: every URL is queued in the store before its first request and leaves the queue with its verdict
 *   in the same write, so a stopped worker loses nothing and repeats nothing (`resume()`).
 * - Archive lookups (core/archive) can share `checker.scheduler` for the same politeness.
 *
 * ## How a verdict is reached (checker.ts, assess.ts, analyse.ts, soft404.ts)
 *
 * 1. A GET like an anonymous reader's: `credentials: 'omit'`, no referrer, `cache: 'no-store'`, 15 s timeout,
 *    at most 256 KiB read (then the download is cancelled), at most 20 redirects with loop detection.
 * 2. The answer is read: 404/410 and DNS/refused/TLS failures look dead and are asked once more (after
 *    `deadConfirmDelayMs`) before being called dead; 5xx, 408, timeouts and resets are retried with backoff and
 *    become `unreachable`; a 429 pauses its whole host for Retry-After (seconds or HTTP-date) and is retried;
 *    401/402/403/407/451/999, `cf-mitigated: challenge` and other refusals are `blocked`, never dead.
 * 3. A page that answered is judged: bot-check, seizure and parked titles; redirects to a login wall, an error
 *    address, the site's home page or a section front (settled from the Location alone in manual mode: the
 *    target is not requested); "page not found" titles; then the random-address probe of Bar-Yossef et al.
 *    (soft404.ts), cached per host and folder. A home page is always alive; a DOI or short link that lands on
 *    a real page is alive; a page naming the cited address as its canonical skips the probe, and so does a
 *    folder where another cited address answered 404 twice (the same proof the probe looks for).
 * 4. In a browser (`follow`), the redirect chain is hidden: evidence has `redirected` and `finalUrl` only, and a
 *    bare "Failed to fetch" is told apart from a redirect loop by one `redirect: 'manual'` request.
 *
 * ## Politeness (scheduler.ts)
 *
 * At most 2 requests in flight per host and 8 in all (both configurable); each redirect hop and probe is a
 * request of its own host; a paused host holds only its own requests. A free slot goes first to retries (they
 * end a wait), then to citations' first requests (any may start a dead link's confirmation chain), then to
 * probes and redirect hops; among hosts, to the longest backlog, ties in turn. Waits (retry backoff, the
 * dead-link confirmation) hold no slot.
 */
export type { AnalyseContext, PageVerdict } from './analyse';
export {
  type CheckProgress,
  type CheckRequest,
  type CheckRun,
  type CheckRunSummary,
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_REDIRECTS,
  DEFAULT_RETRY_POLICY,
  DEFAULT_TIMEOUT_MS,
  LinkChecker,
  type LinkCheckerOptions,
  type ResultInfo,
  type RetryPolicy,
  type RunOptions,
} from './checker';
export { systemClock } from './clock';
export {
  DEFAULT_GLOBAL,
  DEFAULT_PER_HOST,
  RequestScheduler,
  type ScheduleOptions,
  type SchedulerOptions,
  type SchedulerStats,
} from './scheduler';
export { sequenceRatio } from './sequence-matcher';
export {
  type CacheTtl,
  type CheckStore,
  DEFAULT_CACHE_TTL,
  isFresh,
  MemoryCheckStore,
  type QueuedCheck,
} from './store';
export * from './types';
export { checkKey, hostKey } from './url';
