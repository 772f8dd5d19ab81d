import { analysePage, redirectSettlesVerdict } from './analyse';
import { type Assessment, assessFailure, assessResponse } from './assess';
import { evidenceOf, formatWait } from './evidence';
import { answersWithRedirect, type NavigateOptions, type Navigation, navigate } from './navigate';
import type { ProbeCache } from './probe-cache';
import type { RequestScheduler, SchedulePriority } from './scheduler';
import { type ProbeOutcome, snapshotOf } from './soft404';
import type { CheckEvidence, CheckResult, Clock, LinkStatus, ProbeEvidence, RedirectMode } from './types';
import { hostKey, probeCacheKey } from './url';

/** When and how often a check asks again (LinkChecker's `retry` option). */
export interface RetryPolicy {
  /** Tries in all for transient failures (5xx, 408, timeouts, resets) before reporting `unreachable`. */
  unreachableAttempts: number;
  /** First backoff wait; doubles each time, with ±25% jitter. */
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** Wait before the second request that confirms a dead verdict. */
  deadConfirmDelayMs: number;
  /** How many times a 429 is retried after waiting as asked. */
  rateLimitRetries: number;
  /** Longest wait honoured. A site asking for more is reported `rate-limited` at once (its host stays paused). */
  maxRetryAfterMs: number;
}

/** What one URL's check needs from the checker that runs it. */
export interface UrlCheckContext {
  clock: Clock;
  retry: RetryPolicy;
  mode: RedirectMode;
  scheduler: RequestScheduler;
  probes: ProbeCache;
  trustCanonical: boolean;
  hasPermission?: (url: string) => boolean | Promise<boolean>;
  isOnline?: () => boolean;
  /** Options for one `navigate` whose first request goes at `priority` (see LinkChecker.navigateOptions). */
  navigateOptions(
    signal: AbortSignal | undefined,
    priority: () => SchedulePriority,
    onStart?: () => void,
  ): NavigateOptions & { onAnswer(url: string, response: Response): void };
  /** The soft-404 probe of the URL's folder, shared by every check under it. */
  probe(url: URL, signal: AbortSignal | undefined): Promise<{ outcome: ProbeOutcome; cached: boolean }>;
  /** The wait before retry number `attempt`, with jitter. */
  backoff(attempt: number): number;
}

/** A check's hold on its folder's probe (see soft404.ts): from the URL's first 404 until its confirmation. */
export interface FolderWait {
  notFound?: (confirmed: ProbeOutcome | null) => void;
}

/** Ask again: the step decided nothing yet. */
const AGAIN = Symbol('again');
type Step = CheckResult | typeof AGAIN;

/**
 * Every request, retry and wait for one URL, to a verdict. Each turn of `run` asks the site once, assesses the
 * answer, and either decides or waits and asks again: a dead-looking answer is confirmed once, 5xx and timeouts
 * back off, a 429 pauses the whole host.
 */
export class UrlCheck {
  private readonly startedAt: number;
  private readonly requested: URL;
  private readonly host: string;
  private attempts = 0;
  private confirming = false;
  private transientTries = 0;
  private rateLimitTries = 0;
  private retryAfterMs: number | undefined;
  private probedRedirects = false;

  constructor(
    private readonly url: string,
    private readonly context: UrlCheckContext,
    private readonly signal: AbortSignal | undefined,
    private readonly onStart: () => void,
    private readonly folder: FolderWait,
  ) {
    this.startedAt = context.clock.now();
    this.requested = new URL(url);
    this.requested.hash = '';
    this.host = hostKey(this.requested);
  }

  async run(): Promise<CheckResult> {
    const refused = await this.withoutPermission();
    if (refused) return refused;
    for (;;) {
      if (this.signal?.aborted) throw this.signal.reason;
      const notNow = this.cannotAskNow();
      if (notNow) return notNow;
      this.attempts++;
      const navigation = await this.ask();
      const assessment = await this.assess(navigation);
      this.settleFolder(navigation, assessment);
      const step = await this.decide(navigation, assessment);
      if (step !== AGAIN) return step;
    }
  }

  private finish(
    status: LinkStatus,
    reason: string,
    navigation: Navigation | null,
    extra: Partial<CheckEvidence> = {},
  ): CheckResult {
    const now = this.context.clock.now();
    return {
      url: this.url,
      status,
      reason,
      evidence: {
        ...evidenceOf(navigation),
        ...extra,
        elapsedMs: now - this.startedAt,
        checkedAt: new Date(now).toISOString(),
        attempts: this.attempts,
        ...(this.retryAfterMs !== undefined ? { retryAfterMs: this.retryAfterMs } : {}),
        redirectMode: this.context.mode,
      },
    };
  }

  private async withoutPermission(): Promise<CheckResult | null> {
    const { hasPermission } = this.context;
    if (!hasPermission || (await hasPermission(this.requested.href))) return null;
    return this.finish(
      'skipped',
      `Cited has no permission to contact ${this.requested.host}: allow access to this site to check the link.`,
      null,
    );
  }

  /** Offline, or the host asked for a wait longer than Cited waits out: a verdict without asking. */
  private cannotAskNow(): CheckResult | null {
    const { isOnline, scheduler, clock, retry } = this.context;
    if (isOnline && !isOnline()) {
      return this.finish('unreachable', 'You appear to be offline: the link was not checked.', null, {
        errorCode: 'offline',
      });
    }
    const pausedFor = scheduler.pausedUntil(this.host) - clock.now();
    if (pausedFor <= retry.maxRetryAfterMs) return null;
    return this.finish(
      'rate-limited',
      `The site asked Cited to wait ${formatWait(pausedFor)} before asking again (HTTP 429); try again later.`,
      null,
      { retryAfterMs: pausedFor },
    );
  }

  /** One request (with its redirects), first ones at normal priority, retries ahead of them. */
  private ask(): Promise<Navigation> {
    const { requested, folder } = this;
    const options = this.context.navigateOptions(
      this.signal,
      () => (this.attempts > 1 ? 'high' : 'normal'),
      this.onStart,
    );
    return navigate(requested.href, {
      ...options,
      stopBefore: (target) => redirectSettlesVerdict(requested, target),
      onAnswer: (answered, response) => {
        options.onAnswer(answered, response);
        // Told the folder while the slot is still held, before a probe of it can take the slot.
        const firstNotFound = !this.confirming && !folder.notFound && response.status === 404;
        if (firstNotFound && answered === requested.href && requested.search === '') {
          folder.notFound = this.context.probes.expectNotFound(probeCacheKey(requested));
        }
      },
    });
  }

  private async assess(navigation: Navigation): Promise<Assessment> {
    const assessment = navigation.ok
      ? assessResponse(navigation, this.context.clock.now())
      : assessFailure(navigation);
    if (
      navigation.ok ||
      navigation.code !== 'connect' ||
      this.context.mode !== 'follow' ||
      this.probedRedirects
    )
      return assessment;
    // Browser, when its network log had no reason: "Failed to fetch" is also what a redirect loop gives. A server
    // that answers with a redirect is there, and the loop is the finding.
    this.probedRedirects = true;
    const redirects = await answersWithRedirect(
      this.requested.href,
      this.context.navigateOptions(this.signal, () => 'high'),
    ).catch((error: unknown) => {
      if (this.signal?.aborted) throw error;
      return false;
    });
    if (!redirects) return assessment;
    return {
      kind: 'final',
      status: 'blocked',
      reason:
        'The site answers with redirects the browser could not finish (a loop or too many; it may want cookies, which Cited never sends): Cited could not verify the page.',
    };
  }

  /** Settled before any analysis: a page waiting on the folder may be this very URL, answering on the retry. */
  private settleFolder(navigation: Navigation, assessment: Assessment): void {
    const { folder } = this;
    const honestNotFound = citedNotFound(this.requested, navigation, assessment);
    if (folder.notFound && (this.confirming || !honestNotFound)) {
      folder.notFound(this.confirming ? honestNotFound : null);
      folder.notFound = undefined;
    }
  }

  private async decide(navigation: Navigation, assessment: Assessment): Promise<Step> {
    switch (assessment.kind) {
      case 'final':
        return this.finish(assessment.status, assessment.reason, navigation);
      case 'page':
        return this.analyse(navigation);
      case 'dead':
        if (!this.confirming) {
          this.confirming = true;
          await this.context.clock.sleep(this.context.retry.deadConfirmDelayMs, this.signal);
          return AGAIN;
        }
        return this.finish('dead', `${assessment.reason} Confirmed by a second try.`, navigation);
      case 'transient':
        return this.afterTransient(navigation, assessment.reason, assessment.retryAfterMs);
      case 'rate-limited':
        return this.afterRateLimit(navigation, assessment.retryAfterMs);
    }
  }

  /** A page answered: is it the cited page, or a soft 404 (home page, "not found" page, seizure notice)? */
  private async analyse(navigation: Navigation): Promise<CheckResult> {
    if (!navigation.ok) throw new Error('A page assessment needs a response');
    const verdict = await analysePage(this.requested, navigation, {
      mode: this.context.mode,
      trustCanonical: this.context.trustCanonical,
      probe: (target) => this.context.probe(target, this.signal),
    });
    return this.finish(verdict.status, verdict.reason, navigation, {
      ...(verdict.title !== undefined ? { pageTitle: verdict.title } : {}),
      ...(verdict.canonicalUrl !== undefined ? { canonicalUrl: verdict.canonicalUrl } : {}),
      ...(verdict.probe ? { probe: verdict.probe as ProbeEvidence } : {}),
    });
  }

  /** 5xx, 408, a timeout: back off and try again, then call it unreachable (never dead). */
  private async afterTransient(
    navigation: Navigation,
    reason: string,
    retryAfterMs: number | null | undefined,
  ): Promise<Step> {
    const { retry, clock } = this.context;
    this.transientTries++;
    if (this.transientTries < retry.unreachableAttempts) {
      const wait = Math.min(
        Math.max(retryAfterMs ?? 0, this.context.backoff(this.transientTries)),
        retry.maxRetryAfterMs,
      );
      await clock.sleep(wait, this.signal);
      return AGAIN;
    }
    return this.finish(
      'unreachable',
      `${reason} Same after ${this.transientTries} tries: probably temporary, try again later.`,
      navigation,
    );
  }

  /** 429: pause the whole host for the wait it asked, and ask again a few times before "rate-limited". */
  private afterRateLimit(navigation: Navigation, askedMs: number | null | undefined): Step {
    const { retry, clock, scheduler } = this.context;
    const wait = askedMs ?? this.context.backoff(this.rateLimitTries + 1);
    this.retryAfterMs = askedMs ?? undefined;
    const limitedHost = navigation.ok ? hostKey(navigation.finalUrl) : this.host;
    scheduler.pauseHost(limitedHost, clock.now() + wait);
    if (this.rateLimitTries < retry.rateLimitRetries && wait <= retry.maxRetryAfterMs) {
      this.rateLimitTries++;
      return AGAIN;
    }
    const waited =
      this.rateLimitTries > 0 ? `, even after waiting as asked ${this.rateLimitTries} time(s)` : '';
    const asked =
      this.retryAfterMs !== undefined ? ` (it asks to wait ${formatWait(this.retryAfterMs)})` : '';
    return this.finish(
      'rate-limited',
      `The site answers 429 Too Many Requests${waited}${asked}; try again later.`,
      navigation,
    );
  }
}

/**
 * The answer as probe evidence for its folder when it is a real 404 of the cited address itself: not
 * redirected (else it speaks for another address), no query (else the script answered, not the folder's router).
 */
function citedNotFound(requested: URL, navigation: Navigation, assessment: Assessment): ProbeOutcome | null {
  if (assessment.kind !== 'dead' || !navigation.ok || navigation.status !== 404) return null;
  if (navigation.redirected || requested.search !== '') return null;
  return { url: requested.href, navigation, page: snapshotOf(navigation), fromCitation: true };
}
