import { isAbortError, systemClock } from './clock';
import { type NavigateOptions, navigate } from './navigate';
import { ProbeCache, ProbeWithdrawn } from './probe-cache';
import { parseRetryAfter } from './retry-after';
import { RequestScheduler, type SchedulePriority } from './scheduler';
import { type ProbeOutcome, snapshotOf } from './soft404';
import {
  type CacheTtl,
  type CheckStore,
  DEFAULT_CACHE_TTL,
  isFresh,
  MemoryCheckStore,
  type QueuedCheck,
} from './store';
import type { CheckResult, Clock, FetchLike, LinkStatus, RedirectMode } from './types';
import { LINK_STATUSES } from './types';
import { checkKey, hostKey, isHttpUrl, probeTargetFor } from './url';
import { type FolderWait, type RetryPolicy, UrlCheck, type UrlCheckContext } from './url-check';

/**
 * The link checker: give it citation URLs, get a verdict for each as soon as it is ready.
 *
 * ```ts
 * const checker = new LinkChecker({ fetch, redirectMode: 'follow', store });
 * const run = checker.run(citations.map((c) => c.url), { onResult: (r) => show(r), onProgress: (p) => bar(p) });
 * for await (const result of run) { ... }   // or: const { results } = await run.done;
 * ```
 *
 * - Each URL is checked once at a time however often it is asked for (runs from several tabs join the same
 *   check), and a fresh stored verdict is reused unless `force` is set (the panel's "Re-check").
 * - Every URL is put on the store's queue before its first request and taken off with its verdict, so after a
 *   restart `resume()` checks exactly what was left.
 * - Requests go through one `RequestScheduler` (2 per host, 8 in all by default; pass your own to share it with
 *   archive lookups).
 * - Retries: a dead-looking answer is confirmed by one more request after `deadConfirmDelayMs`; 5xx and timeouts
 *   are retried with exponential backoff up to `unreachableAttempts` tries; a 429 pauses its whole host for the
 *   Retry-After time (seconds or HTTP-date) and is retried `rateLimitRetries` times.
 */

export type { RetryPolicy } from './url-check';

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  unreachableAttempts: 3,
  backoffBaseMs: 1000,
  backoffMaxMs: 30_000,
  deadConfirmDelayMs: 500,
  rateLimitRetries: 2,
  maxRetryAfterMs: 60_000,
};

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_BYTES = 256 * 1024;
export const DEFAULT_MAX_REDIRECTS = 20;

export interface LinkCheckerOptions {
  fetch: FetchLike;
  /** `follow` (default) in browsers; `manual` in Node, where Cited follows redirects itself and records the chain. */
  redirectMode?: RedirectMode;
  clock?: Clock;
  store?: CheckStore;
  /** Share one scheduler between the checker and archive lookups; otherwise one is made from the two caps. */
  scheduler?: RequestScheduler;
  perHostConcurrency?: number;
  globalConcurrency?: number;
  timeoutMs?: number;
  /** Bytes read of each answer at most; the rest is not downloaded. */
  maxBytes?: number;
  maxRedirects?: number;
  retry?: Partial<RetryPolicy>;
  cacheTtl?: Partial<CacheTtl>;
  /** Extra request headers (Node: a User-Agent). Browsers ignore forbidden ones. */
  headers?: Record<string, string>;
  /** For the probe's random names and the backoff jitter; `Math.random` by default. */
  random?: () => number;
  /** When it returns false, nothing is requested and checks report `unreachable` ("you appear to be offline"). */
  isOnline?: () => boolean;
  /**
   * Extension: whether Cited may contact this URL's origin (host permissions). Without permission a browser's
   * fetch fails exactly like a dead site, so such URLs are `skipped` with a reason instead of being requested.
   */
  hasPermission?: (url: string) => boolean | Promise<boolean>;
  /**
   * Browsers: the browser's own reason for a failed request (its network log), since its fetch says only "Failed
   * to fetch" for every network failure. See `NavigateOptions.explainFailure`.
   */
  explainFailure?: (url: string, sinceMs: number) => Promise<string | undefined>;
  /**
   * Skip the soft-404 probe when a page that was not sent elsewhere declares the cited address as its canonical
   * address (default true): a page naming itself is the page. Saves one request per folder on most news sites.
   */
  trustCanonical?: boolean;
}

export interface CheckRequest {
  url: string;
  /** Ignore a fresh stored verdict ("Re-check"). */
  force?: boolean;
}

export interface CheckProgress {
  /** Distinct URLs in the run. */
  total: number;
  /** URLs with a verdict (from the store or checked now). */
  done: number;
  /** Of `done`, answered from fresh stored verdicts. */
  cached: number;
  /** Checks that have sent their first request and wait for a verdict. */
  checking: number;
  /** Checks still waiting for their first request. */
  queued: number;
  byStatus: Record<LinkStatus, number>;
}

export interface ResultInfo {
  /** True when the verdict came from the store rather than a request now. */
  cached: boolean;
}

export interface RunOptions {
  /** Applies to every plain-string URL of the run. */
  force?: boolean;
  /** Cancels the run: pending checks stop, in-flight requests are aborted, the queue keeps what was left. */
  signal?: AbortSignal;
  onResult?: (result: CheckResult, info: ResultInfo) => void;
  onProgress?: (progress: CheckProgress) => void;
  /** A URL got its first request slot (the panel's "checking" state). */
  onChecking?: (url: string) => void;
}

export interface CheckRunSummary {
  /** One per distinct URL asked for, in the order they finished. */
  results: CheckResult[];
  progress: CheckProgress;
  cancelled: boolean;
}

/** A run in progress: iterate it for results as they arrive, or await `done`. */
export interface CheckRun extends AsyncIterable<CheckResult> {
  readonly done: Promise<CheckRunSummary>;
  progress(): CheckProgress;
}

interface InFlightCheck {
  promise: Promise<CheckResult>;
}

function emptyByStatus(): Record<LinkStatus, number> {
  return Object.fromEntries(LINK_STATUSES.map((status) => [status, 0])) as Record<LinkStatus, number>;
}

export class LinkChecker {
  readonly scheduler: RequestScheduler;
  readonly store: CheckStore;
  private readonly fetch: FetchLike;
  private readonly mode: RedirectMode;
  private readonly clock: Clock;
  private readonly retry: RetryPolicy;
  private readonly ttl: CacheTtl;
  private readonly random: () => number;
  private readonly probes: ProbeCache;
  private readonly inFlight = new Map<string, InFlightCheck>();
  private readonly navigateBase: Omit<NavigateOptions, 'schedule' | 'signal'>;
  private readonly context: UrlCheckContext;

  constructor(readonly options: LinkCheckerOptions) {
    this.fetch = options.fetch;
    this.mode = options.redirectMode ?? 'follow';
    this.clock = options.clock ?? systemClock;
    this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.ttl = { ...DEFAULT_CACHE_TTL, ...options.cacheTtl };
    this.random = options.random ?? Math.random;
    this.store = options.store ?? new MemoryCheckStore();
    this.scheduler =
      options.scheduler ??
      new RequestScheduler({
        clock: this.clock,
        ...(options.perHostConcurrency !== undefined ? { perHost: options.perHostConcurrency } : {}),
        ...(options.globalConcurrency !== undefined ? { global: options.globalConcurrency } : {}),
      });
    this.probes = new ProbeCache(this.ttl.otherMs, () => this.clock.now());
    this.navigateBase = {
      fetch: this.fetch,
      mode: this.mode,
      maxRedirects: options.maxRedirects ?? DEFAULT_MAX_REDIRECTS,
      maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      clock: this.clock,
      ...(options.headers ? { headers: options.headers } : {}),
      ...(options.explainFailure ? { explainFailure: options.explainFailure } : {}),
    };
    this.context = {
      clock: this.clock,
      retry: this.retry,
      mode: this.mode,
      scheduler: this.scheduler,
      probes: this.probes,
      trustCanonical: options.trustCanonical ?? true,
      ...(options.hasPermission ? { hasPermission: options.hasPermission } : {}),
      ...(options.isOnline ? { isOnline: options.isOnline } : {}),
      navigateOptions: (signal, priority, onStart) => this.navigateOptions(signal, priority, onStart),
      probe: (url, signal) => this.probe(url, signal),
      backoff: (attempt) => this.backoff(attempt),
    };
  }

  /** Check one URL (through the store, the cache and the dedupe, like a run of one). */
  async check(url: string, options: { force?: boolean; signal?: AbortSignal } = {}): Promise<CheckResult> {
    const { results } = await this.run([{ url, force: options.force ?? false }], {
      ...(options.signal ? { signal: options.signal } : {}),
    }).done;
    const result = results[0];
    if (!result) throw options.signal?.reason ?? new DOMException('The check was cancelled.', 'AbortError');
    return result;
  }

  /** Continue whatever the store's queue still holds (after the worker was stopped mid-run). */
  resume(options: Omit<RunOptions, 'force'> = {}): CheckRun {
    return this.startRun(
      this.store.pending().then((pending) => pending.map((item) => ({ url: item.url, force: item.force }))),
      options,
    );
  }

  /** Check many URLs; results stream through `onResult` and the async iterator as each completes. */
  run(urls: readonly (string | CheckRequest)[], options: RunOptions = {}): CheckRun {
    const requests = urls.map((entry) =>
      typeof entry === 'string' ? { url: entry, force: options.force ?? false } : { force: false, ...entry },
    );
    return this.startRun(Promise.resolve(requests), options);
  }

  private startRun(requestsReady: Promise<Required<CheckRequest>[]>, options: RunOptions): CheckRun {
    const progress: CheckProgress = {
      total: 0,
      done: 0,
      cached: 0,
      checking: 0,
      queued: 0,
      byStatus: emptyByStatus(),
    };
    const results: CheckResult[] = [];
    const buffered: CheckResult[] = [];
    const waiters: ((value: IteratorResult<CheckResult>) => void)[] = [];
    let finished = false;
    const snapshot = (): CheckProgress => ({ ...progress, byStatus: { ...progress.byStatus } });
    const report = () => options.onProgress?.(snapshot());
    const deliver = (result: CheckResult, info: ResultInfo) => {
      results.push(result);
      progress.done++;
      if (info.cached) progress.cached++;
      progress.byStatus[result.status]++;
      options.onResult?.(result, info);
      report();
      const waiter = waiters.shift();
      if (waiter) waiter({ value: result, done: false });
      else buffered.push(result);
    };

    const done = (async (): Promise<CheckRunSummary> => {
      const { byKey, unusable } = groupByKey(await requestsReady);
      const immediate = unusable.map(({ url, parsed }) => this.skipped(url, parsed));
      progress.total =
        immediate.length + [...byKey.values()].reduce((sum, entry) => sum + entry.urls.length, 0);
      progress.queued = byKey.size;
      report();
      for (const result of immediate) deliver(result, { cached: false });

      const enqueuedAt = new Date(this.clock.now()).toISOString();
      const toQueue: QueuedCheck[] = [];
      const fromStore = new Map<string, CheckResult>();
      const entries = [...byKey];
      const storedResults = await Promise.all(
        entries.map(([key, entry]) => (entry.force ? undefined : this.store.getResult(key))),
      );
      for (const [index, [key, entry]] of entries.entries()) {
        const stored = storedResults[index];
        if (stored && isFresh(stored, this.clock.now(), this.ttl)) fromStore.set(key, stored);
        else toQueue.push({ key, url: entry.urls[0] as string, force: entry.force, enqueuedAt });
      }
      if (toQueue.length > 0) await this.store.enqueue(toQueue);
      for (const [key, stored] of fromStore) {
        progress.queued--;
        for (const url of byKey.get(key)?.urls ?? []) deliver({ ...stored, url }, { cached: true });
      }

      let cancelled = false;
      await Promise.all(
        toQueue.map(async (item) => {
          const urls = byKey.get(item.key)?.urls ?? [item.url];
          let started = false;
          const onStart = () => {
            if (started) return;
            started = true;
            progress.queued--;
            progress.checking++;
            for (const url of urls) options.onChecking?.(url);
            report();
          };
          try {
            const result = await this.checkShared(item.key, item.url, item.force, options.signal, onStart);
            if (!started) progress.queued--;
            else progress.checking--;
            for (const url of urls) deliver({ ...result, url }, { cached: false });
          } catch (error) {
            if (!started) progress.queued--;
            else progress.checking--;
            if (isAbortError(error) || options.signal?.aborted) cancelled = true;
            else throw error;
          }
        }),
      );
      return { results, progress: snapshot(), cancelled: cancelled || Boolean(options.signal?.aborted) };
    })();

    const close = () => {
      finished = true;
      for (const waiter of waiters.splice(0)) waiter({ value: undefined, done: true });
    };
    done.then(close, close);

    return {
      done,
      progress: snapshot,
      [Symbol.asyncIterator]: () => ({
        next: (): Promise<IteratorResult<CheckResult>> => {
          const next = buffered.shift();
          if (next) return Promise.resolve({ value: next, done: false });
          if (finished) return Promise.resolve({ value: undefined, done: true });
          return new Promise((resolve) => waiters.push(resolve));
        },
      }),
    };
  }

  /** One check per key at a time, shared by every caller; a caller cancelled first does not fail the others. */
  private async checkShared(
    key: string,
    url: string,
    force: boolean,
    signal: AbortSignal | undefined,
    onStart: () => void,
  ): Promise<CheckResult> {
    for (;;) {
      const existing = this.inFlight.get(key);
      if (existing) {
        onStart();
        try {
          return await existing.promise;
        } catch (error) {
          if (signal?.aborted || !isAbortError(error)) throw error;
          continue;
        }
      }
      // Registered before any await, so a second caller in the same tick joins instead of starting its own.
      const entry: InFlightCheck = {
        promise: (async () => {
          if (!force) {
            const stored = await this.store.getResult(key);
            if (stored && isFresh(stored, this.clock.now(), this.ttl)) {
              await this.store.dequeue(key);
              return stored;
            }
          }
          const result = await this.perform(url, signal, onStart);
          await this.store.putResult(key, result);
          return result;
        })(),
      };
      this.inFlight.set(key, entry);
      try {
        return await entry.promise;
      } finally {
        if (this.inFlight.get(key) === entry) this.inFlight.delete(key);
      }
    }
  }

  private skipped(url: string, parsed: URL | null): CheckResult {
    const now = this.clock.now();
    const reason =
      parsed === null
        ? 'Not a valid web address: there is nothing to check.'
        : `Not a web page address (${parsed.protocol}): Cited only checks http and https links.`;
    return {
      url,
      status: 'skipped',
      reason,
      evidence: {
        redirected: false,
        elapsedMs: 0,
        checkedAt: new Date(now).toISOString(),
        attempts: 0,
        errorCode: parsed === null ? 'invalid-url' : 'unsupported-scheme',
        redirectMode: this.mode,
      },
    };
  }

  private backoff(attempt: number): number {
    const base = this.retry.backoffBaseMs * 2 ** Math.max(0, attempt - 1);
    const jitter = 0.75 + this.random() * 0.5;
    return Math.min(this.retry.backoffMaxMs, Math.round(base * jitter));
  }

  /**
   * Options for one `navigate`: its first request at `priority`, later redirect hops at `hopPriority`. `mayStart`,
   * asked when the first request gets its slot, can still call it off.
   */
  private navigateOptions(
    signal: AbortSignal | undefined,
    priority: () => SchedulePriority,
    onStart?: () => void,
    mayStart?: () => boolean,
  ) {
    let requests = 0;
    return {
      ...this.navigateBase,
      ...(signal ? { signal } : {}),
      onAnswer: (url: string, response: Response) => {
        // Pause the host before its slot frees up; the check itself decides later whether to retry.
        if (response.status !== 429) return;
        const wait =
          parseRetryAfter(response.headers.get('retry-after'), this.clock.now()) ?? this.retry.backoffBaseMs;
        this.scheduler.pauseHost(hostKey(url), this.clock.now() + wait);
      },
      schedule: <T>(target: string, task: () => Promise<T>) => {
        const first = requests++ === 0;
        return this.scheduler.run<T>(
          hostKey(target),
          (): Promise<T> => {
            if (first && mayStart && !mayStart()) return Promise.reject(new ProbeWithdrawn());
            onStart?.();
            return task();
          },
          { priority: first ? priority() : hopPriority(priority()), ...(signal ? { signal } : {}) },
        );
      },
    } satisfies NavigateOptions;
  }

  private probe(
    url: URL,
    signal: AbortSignal | undefined,
  ): Promise<{ outcome: ProbeOutcome; cached: boolean }> {
    const target = probeTargetFor(url, this.random);
    return this.probes.get(
      target.cacheKey,
      async (probeSignal, mayStart) => {
        // Low priority: sent after the citations' own first requests, one of which may make it unnecessary.
        const navigation = await navigate(
          target.url,
          this.navigateOptions(probeSignal, () => PROBE_PRIORITY, undefined, mayStart),
        );
        return { url: target.url, navigation, ...(navigation.ok ? { page: snapshotOf(navigation) } : {}) };
      },
      signal,
    );
  }

  /** Every request, retry and wait for one URL, to a verdict. */
  private async perform(
    url: string,
    signal: AbortSignal | undefined,
    onStart: () => void,
  ): Promise<CheckResult> {
    const folder: FolderWait = {};
    try {
      return await new UrlCheck(url, this.context, signal, onStart, folder).run();
    } finally {
      // However the check ended (cancelled, rate-limited, ...), pages waiting on its 404 stop waiting.
      folder.notFound?.(null);
    }
  }
}

/** Probes go after the citations' own first requests (see soft404.ts, "Evidence already there"). */
const PROBE_PRIORITY: SchedulePriority = 'low';

/**
 * Redirect hops of a retry stay `high` (they finish a check that has already waited); the others go after the
 * citations' first requests. Any first request may be a dead link, and each dead link is a timed chain (answer,
 * half a second's wait, confirmation): the sooner every first request is out, the more of those chains run
 * under other work instead of after it. A redirect's target is the page's new home and usually lives; checking
 * it, like a probe, fills the slots while the chains wait, and moves no verdict by more than the first requests
 * still queued.
 */
function hopPriority(first: SchedulePriority): SchedulePriority {
  return first === 'high' ? 'high' : 'low';
}

/**
 * A run's requests by check key (the URL without its fragment): each key once, with every URL that gave it, `force`
 * if any of them asks for it. Addresses that cannot be checked (not http(s), malformed) come back apart, once each.
 */
function groupByKey(requests: readonly Required<CheckRequest>[]): {
  byKey: Map<string, { urls: string[]; force: boolean }>;
  unusable: { url: string; parsed: URL | null }[];
} {
  const byKey = new Map<string, { urls: string[]; force: boolean }>();
  const unusable: { url: string; parsed: URL | null }[] = [];
  for (const request of requests) {
    const key = checkKey(request.url);
    const parsed = key === null ? null : new URL(key);
    if (key === null || parsed === null || !isHttpUrl(parsed)) {
      if (!unusable.some((entry) => entry.url === request.url)) unusable.push({ url: request.url, parsed });
      continue;
    }
    const entry = byKey.get(key);
    if (entry) {
      if (!entry.urls.includes(request.url)) entry.urls.push(request.url);
      entry.force ||= request.force;
    } else byKey.set(key, { urls: [request.url], force: request.force });
  }
  return { byKey, unusable };
}
