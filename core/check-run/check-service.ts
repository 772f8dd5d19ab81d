import type { ArchiveLookup } from '../archive/types';
import { needsArchiveLookup } from '../archive/wayback';
import { archiveKeyOf, isVerdict } from '../citation-status/summary';
import type {
  ArchiveLookupRequest,
  ArchiveState,
  CheckCitationsRequest,
  CheckSnapshot,
  CitationCheckState,
} from '../citation-status/types';
import { CitedError } from '../errors/cited-error';
import type { CheckRun, LinkChecker, RunOptions } from '../linkcheck/checker';
import { isFresh } from '../linkcheck/store';
import { type CheckResult, type CitationStatus, isBrokenStatus } from '../linkcheck/types';
import { checkKey, hostKey } from '../linkcheck/url';
import { archiveLookupsAllowed, type Settings } from '../settings/settings';
import type { ArchiveStore } from '../storage/archive-store';
import { archiveMomentIn, isDateMap, type TabPage, type TabRegistry } from './tab-registry';

/**
 * The background worker's link checking, with the browser kept outside (register.ts wires it), so tests run it
 * on fakes.
 *
 * - One LinkChecker for the whole browser: the same URL open in several tabs is checked once (the engine joins
 *   concurrent checks of one URL and reuses fresh stored verdicts).
 * - Only the URLs a panel sends are checked; nothing else on a page is ever requested.
 * - The queue and verdicts live in the checker's store (IndexedDB): `start()` finishes what a stopped worker
 *   left, without repeating what it had finished.
 * - Verdicts stream to the pages as `checkUpdate`; the toolbar badge counts each tab's dead and soft-404
 *   citations.
 * - Archive lookups: automatic for every verdict that needs one once the reader allowed them, and on request.
 */
export interface CheckServiceDeps {
  /** Makes the checker; called again, between runs, when the reader changes the global cap. */
  createChecker(options: { globalConcurrency: number }): LinkChecker;
  archives: ArchiveStore;
  lookupArchive(
    url: string,
    options: {
      endpoint: string;
      publishedAt: string | null;
      thirdPartyAllowed: boolean;
      signal: AbortSignal;
      schedule: <T>(url: string, task: () => Promise<T>) => Promise<T>;
    },
  ): Promise<ArchiveLookup>;
  settings: Settings;
  tabs: TabRegistry;
  broadcast(update: Partial<CheckSnapshot>): void;
  setBadge(tabId: number, broken: number): void;
  /**
   * The address a tab shows now: null when hidden, undefined when the tab is gone. At start, tabs that moved on
   * while the worker was stopped are forgotten, so finishing their queue does not label the wrong page.
   */
  currentTabUrl?(tabId: number): Promise<string | null | undefined>;
  /** Called with true while any check or lookup runs (the MV3 worker must stay up), false when all are done. */
  onBusy?(busy: boolean): void;
  now?: () => number;
}

/** Stored lookups are reused for a day; a failed one is not tried again on its own for ten minutes. */
const ARCHIVE_FRESH_MS = 24 * 60 * 60 * 1000;
const ARCHIVE_RETRY_MS = 10 * 60 * 1000;
/**
 * The most addresses one request carries. A longer article is sent in several requests (`addToTab`), so no message
 * grows without bound; a single bigger request is a bug or abuse, not a page.
 */
export const MAX_URLS_PER_REQUEST = 2000;

type Pending = 'queued' | 'checking';

export class CheckService {
  private checker: LinkChecker;
  private settings: Settings;
  private readonly deps: CheckServiceDeps;
  private readonly now: () => number;
  private readonly live = new Map<string, Pending>();
  /** Verdicts seen by this worker (skipped ones are never stored, so they live only here). */
  private readonly verdicts = new Map<string, CheckResult>();
  private readonly lookups = new Map<string, Promise<ArchiveLookup>>();
  private readonly failedLookups = new Map<string, number>();
  private lookupControllers = new Set<AbortController>();
  private runs = 0;
  private busy = 0;
  private reconfigure = false;
  private lastRevision = 0;
  private started: Promise<void> | null = null;
  private readonly pendingWork = new Set<Promise<unknown>>();
  /** Badge counts under way, per tab: `again` when a verdict arrived during one. */
  private readonly badgeCounts = new Map<number, { again: boolean }>();
  /** The runs each tab's panel started, so the reader's Stop ends exactly those. */
  private readonly runsOfTab = new Map<
    number,
    Set<{ controller: AbortController; done: Promise<unknown> }>
  >();

  constructor(deps: CheckServiceDeps) {
    this.deps = deps;
    this.settings = deps.settings;
    this.now = deps.now ?? Date.now;
    this.checker = deps.createChecker({ globalConcurrency: deps.settings.maxRequests });
  }

  /** At worker start: remember the tabs and finish the queue a stopped worker left. Idempotent. */
  start(): Promise<void> {
    this.started ??= (async () => {
      await this.deps.tabs.load();
      await this.forgetTabsThatMovedOn();
      const pending = await this.checker.store.pending();
      for (const item of pending) {
        if (!this.live.has(item.key)) this.live.set(item.key, 'queued');
      }
      if (pending.length > 0)
        this.track(
          this.checker.resume(this.runHandlers()),
          pending.map((item) => item.key),
        );
    })().catch((error: unknown) => {
      // The next request tries again (the database may have been busy upgrading).
      this.started = null;
      throw error;
    });
    return this.started;
  }

  async checkCitations(request: CheckCitationsRequest): Promise<CheckSnapshot> {
    validate(request);
    await this.start();
    const keyed = distinctKeys(request.urls);
    const earlier = request.addToTab ? this.deps.tabs.get(request.tabId) : undefined;
    const samePage = earlier !== undefined && checkKey(earlier.pageUrl) === checkKey(request.pageUrl);
    const accessDates = {
      ...(samePage ? earlier.accessDates : {}),
      ...keyedDates(request.accessDates),
    };
    const beside = [
      ...new Set([
        ...(samePage ? (earlier.beside ?? []) : []),
        ...(request.beside ?? []).map((url) => checkKey(url) ?? url),
      ]),
    ];
    const page: TabPage = {
      pageUrl: request.pageUrl,
      publishedTime: request.publishedTime,
      keys: [...(samePage ? earlier.keys : []), ...keyed.map(([key]) => key)],
      ...(Object.keys(accessDates).length > 0 ? { accessDates } : {}),
      ...(beside.length > 0 ? { beside } : {}),
    };
    this.deps.tabs.set(request.tabId, page);
    if (request.start && keyed.length > 0) {
      const fresh = request.force
        ? keyed.map(() => false)
        : await Promise.all(keyed.map(([key]) => this.hasFreshVerdict(key)));
      const toCheck = keyed.filter((_, index) => !fresh[index]).map(([key]) => key);
      for (const key of toCheck) if (this.live.get(key) !== 'checking') this.live.set(key, 'queued');
      const controller = new AbortController();
      const run = this.checker.run(
        keyed.map(([, url]) => url),
        { ...this.runHandlers(), force: request.force ?? false, signal: controller.signal },
      );
      this.track(run, toCheck);
      this.rememberRun(request.tabId, controller, run.done);
    }
    const snapshot = await this.snapshot(
      keyed.map(([key]) => key),
      page,
    );
    this.refreshBadge(request.tabId);
    this.inBackground(this.lookUpWhereNeeded(request.tabId));
    return snapshot;
  }

  /**
   * The reader's Stop: the checks this tab's panel started end now (requests under way are aborted), and what they
   * had not checked goes back to "not checked", out of the queue a restarted worker would finish. Verdicts already
   * in stay. Another tab's checks of the same addresses go on.
   */
  async stopChecks(request: { tabId: number }): Promise<{ stopped: number }> {
    const runs = [...(this.runsOfTab.get(request.tabId) ?? [])];
    this.runsOfTab.delete(request.tabId);
    for (const run of runs) run.controller.abort(new DOMException('Stopped by the reader.', 'AbortError'));
    await Promise.allSettled(runs.map((run) => run.done));
    const keys = this.deps.tabs.get(request.tabId)?.keys ?? [];
    const stopped = keys.filter(
      (key) => this.live.has(key) && !this.stillWantedElsewhere(key, request.tabId),
    );
    for (const key of stopped) this.live.delete(key);
    // Asked for together, the store removes them in a few transactions rather than one after another.
    await Promise.all(stopped.map((key) => this.checker.store.dequeue(key)));
    if (stopped.length > 0)
      this.deps.broadcast({
        states: stopped.map((key) => ({ key, status: 'not-checked' as const, revision: this.revision() })),
      });
    this.refreshBadge(request.tabId);
    return { stopped: stopped.length };
  }

  /** Whether another tab's panel has a run going that may still check `key`. */
  private stillWantedElsewhere(key: string, tabId: number): boolean {
    for (const [otherTab] of this.deps.tabs.tabsCiting(key)) {
      if (otherTab !== tabId && (this.runsOfTab.get(otherTab)?.size ?? 0) > 0) return true;
    }
    return false;
  }

  private rememberRun(tabId: number, controller: AbortController, done: Promise<unknown>): void {
    const runs = this.runsOfTab.get(tabId) ?? new Set();
    const entry = { controller, done };
    runs.add(entry);
    this.runsOfTab.set(tabId, runs);
    void done
      .catch(() => {})
      .finally(() => {
        runs.delete(entry);
        if (runs.size === 0 && this.runsOfTab.get(tabId) === runs) this.runsOfTab.delete(tabId);
      });
  }

  /** The reader asked for archived copies of one citation: look now, even if an earlier lookup found none. */
  async lookupArchive(request: ArchiveLookupRequest): Promise<ArchiveState> {
    if (!archiveLookupsAllowed(this.settings)) {
      throw new CitedError(
        'third-party-disabled',
        this.settings.neverContactThirdParties
          ? 'Cited never contacts third-party services (your setting), so it did not ask the archive.'
          : 'Archive lookups are off. Turn them on to let Cited ask the archive about this link.',
      );
    }
    const archiveKey = archiveKeyOf(request.url, request.publishedTime);
    const key = checkKey(request.url) ?? request.url;
    // The archive is asked about the page, never about a fragment of it.
    const lookup = await this.lookUp(key, key, request.publishedTime, { force: true });
    return { key, archiveKey, lookup, looking: false, revision: this.revision() };
  }

  /** The reader changed a setting: a new global cap applies from the next idle moment; allowed lookups start. */
  applySettings(settings: Settings): void {
    const previous = this.settings;
    this.settings = settings;
    if (settings.maxRequests !== previous.maxRequests) {
      this.reconfigure = true;
      this.recreateCheckerIfIdle();
    }
    if (!archiveLookupsAllowed(settings)) {
      // Withdrawn consent stops lookups under way at once.
      for (const controller of this.lookupControllers)
        controller.abort(new DOMException('off', 'AbortError'));
      this.lookupControllers.clear();
    } else if (!archiveLookupsAllowed(previous)) {
      this.failedLookups.clear();
      for (const [tabId] of this.deps.tabs.entries()) this.inBackground(this.lookUpWhereNeeded(tabId));
    }
  }

  /** The tab went elsewhere (or closed): its citations no longer count on its badge. */
  tabNavigated(tabId: number, url: string): void {
    const page = this.deps.tabs.get(tabId);
    if (!page) return;
    // A jump to another part of the same article is not a new page.
    if (checkKey(url) === checkKey(page.pageUrl)) return;
    this.deps.tabs.delete(tabId);
    this.deps.setBadge(tabId, 0);
  }

  tabClosed(tabId: number): void {
    this.deps.tabs.delete(tabId);
  }

  private async forgetTabsThatMovedOn(): Promise<void> {
    const currentUrl = this.deps.currentTabUrl;
    if (!currentUrl) return;
    for (const [tabId, page] of this.deps.tabs.entries()) {
      const url = await currentUrl(tabId);
      if (url === undefined || (url !== null && checkKey(url) !== checkKey(page.pageUrl)))
        this.deps.tabs.delete(tabId);
    }
  }

  /** For tests and diagnostics: the checker in use. */
  get currentChecker(): LinkChecker {
    return this.checker;
  }

  private runHandlers(): Pick<RunOptions, 'onChecking' | 'onResult'> {
    return {
      onChecking: (url) => {
        const key = checkKey(url);
        if (key === null || this.live.get(key) === 'checking') return;
        this.live.set(key, 'checking');
        this.deps.broadcast({ states: [this.pendingState(key, 'checking')] });
      },
      onResult: (result) => this.onResult(result),
    };
  }

  private onResult(result: CheckResult): void {
    const key = checkKey(result.url) ?? result.url;
    const previous = this.verdicts.get(key);
    const sameAsShown = !this.live.has(key) && previous?.evidence.checkedAt === result.evidence.checkedAt;
    this.live.delete(key);
    this.verdicts.set(key, result);
    // A verdict delivered again (a run of another tab reading the same stored result) changes nothing.
    if (sameAsShown) return;
    this.deps.broadcast({ states: [{ key, status: result.status, result, revision: this.revision() }] });
    for (const [tabId] of this.deps.tabs.tabsCiting(key)) {
      this.refreshBadge(tabId);
      this.inBackground(this.lookUpWhereNeeded(tabId, [key]));
    }
  }

  private track(run: CheckRun, keys: string[]): void {
    this.runs++;
    this.setBusy(+1);
    const finished = run.done
      .catch((error: unknown) => {
        console.error('Cited: a link check run failed', error);
        // Whatever never got a verdict goes back to "not checked", so the panel does not wait for ever.
        const reverted = keys.filter((key) => this.live.has(key) && !this.verdicts.has(key));
        for (const key of reverted) this.live.delete(key);
        if (reverted.length > 0)
          this.deps.broadcast({
            states: reverted.map((key) => ({ key, status: 'not-checked', revision: this.revision() })),
          });
      })
      .finally(() => {
        this.runs--;
        this.setBusy(-1);
        this.recreateCheckerIfIdle();
      });
    this.inBackground(finished);
  }

  /** Keeps count of work started and not awaited (runs, lookups, badge updates), for `settled()`. */
  private inBackground(work: Promise<unknown>): void {
    this.pendingWork.add(work);
    void work.catch(() => {}).finally(() => this.pendingWork.delete(work));
  }

  /**
   * Resolves once nothing this service started is still going: every run, the archive lookups its verdicts
   * started, the badge updates. `npm run check` waits for it; tests use it instead of waiting a while.
   */
  async settled(): Promise<void> {
    while (this.pendingWork.size > 0) await Promise.allSettled([...this.pendingWork]);
  }

  private recreateCheckerIfIdle(): void {
    // Only between runs: a second checker while the first still works would check a URL twice.
    if (!this.reconfigure || this.runs > 0) return;
    this.reconfigure = false;
    this.checker = this.deps.createChecker({ globalConcurrency: this.settings.maxRequests });
  }

  private setBusy(delta: number): void {
    const before = this.busy;
    this.busy += delta;
    if (before === 0 && this.busy > 0) this.deps.onBusy?.(true);
    if (before > 0 && this.busy === 0) this.deps.onBusy?.(false);
  }

  private revision(): number {
    this.lastRevision = Math.max(this.now(), this.lastRevision + 1);
    return this.lastRevision;
  }

  private async verdictOf(key: string): Promise<CheckResult | undefined> {
    const known = this.verdicts.get(key);
    if (known) return known;
    const stored = await this.checker.store.getResult(key);
    if (stored && !this.verdicts.has(key)) this.verdicts.set(key, stored);
    return this.verdicts.get(key);
  }

  private async hasFreshVerdict(key: string): Promise<boolean> {
    const verdict = await this.checker.store.getResult(key);
    return verdict !== undefined && isFresh(verdict, this.now());
  }

  private pendingState(key: string, status: CitationStatus): CitationCheckState {
    return { key, status, revision: this.revision() };
  }

  private async stateOf(key: string): Promise<CitationCheckState> {
    const pending = this.live.get(key);
    if (pending) return this.pendingState(key, pending);
    const result = await this.verdictOf(key);
    if (!result) return this.pendingState(key, 'not-checked');
    return { key, status: result.status, result, revision: this.revision() };
  }

  private async archiveStateOf(key: string, publishedTime: string | null): Promise<ArchiveState | null> {
    const archiveKey = archiveKeyOf(key, publishedTime);
    const looking = this.lookups.has(archiveKey);
    const lookup = await this.deps.archives.get(archiveKey);
    if (!lookup && !looking) return null;
    return { key, archiveKey, looking, ...(lookup ? { lookup } : {}), revision: this.revision() };
  }

  private async snapshot(keys: string[], page: TabPage): Promise<CheckSnapshot> {
    const states = await Promise.all(keys.map((key) => this.stateOf(key)));
    const archives = await Promise.all(
      keys.map((key) => this.archiveStateOf(key, archiveMomentIn(page, key))),
    );
    return { states, archives: archives.filter((state): state is ArchiveState => state !== null) };
  }

  /**
   * Counts the tab's broken citations again, at most one count at a time per tab: verdicts that arrive during a
   * count make one more count after it, not one each (a long article's tab has thousands of citations).
   */
  private refreshBadge(tabId: number): void {
    const running = this.badgeCounts.get(tabId);
    if (running) {
      running.again = true;
      return;
    }
    const count = { again: false };
    this.badgeCounts.set(tabId, count);
    this.inBackground(
      (async () => {
        try {
          do {
            count.again = false;
            await this.updateBadge(tabId);
          } while (count.again);
        } finally {
          this.badgeCounts.delete(tabId);
        }
      })(),
    );
  }

  private async updateBadge(tabId: number): Promise<void> {
    const page = this.deps.tabs.get(tabId);
    if (!page) return;
    let broken = 0;
    const beside = new Set(page.beside);
    // While a citation is re-checked its last verdict still counts, so the badge does not flicker. The badge counts
    // citations, as the panel's summary does: not the links a reference gives beside its source.
    for (const key of page.keys) {
      if (beside.has(key)) continue;
      const verdict = await this.verdictOf(key).catch(() => undefined);
      if (verdict && isBrokenStatus(verdict.status)) broken++;
    }
    // The tab may have navigated while the store answered.
    if (this.deps.tabs.get(tabId) === page) this.deps.setBadge(tabId, broken);
  }

  /** Automatic lookups: every citation of the tab with a verdict other than alive/skipped, when allowed. */
  private async lookUpWhereNeeded(tabId: number, only?: string[]): Promise<void> {
    if (!archiveLookupsAllowed(this.settings)) return;
    const page = this.deps.tabs.get(tabId);
    if (!page) return;
    for (const key of only ?? page.keys) {
      if (!page.keys.includes(key) || this.live.has(key)) continue;
      const verdict = await this.verdictOf(key).catch(() => undefined);
      if (!verdict || !isVerdict(verdict.status) || !needsArchiveLookup(verdict.status)) continue;
      this.inBackground(
        this.lookUp(key, key, archiveMomentIn(page, key), { force: false }).catch((error: unknown) => {
          if ((error as Error)?.name !== 'AbortError') console.warn('Cited: archive lookup failed', error);
        }),
      );
    }
  }

  private async lookUp(
    key: string,
    url: string,
    publishedTime: string | null,
    { force }: { force: boolean },
  ): Promise<ArchiveLookup> {
    const archiveKey = archiveKeyOf(url, publishedTime);
    const running = this.lookups.get(archiveKey);
    if (running) return running;
    if (!force) {
      const stored = await this.deps.archives.get(archiveKey);
      if (stored && !stored.error && this.now() - Date.parse(stored.lookedUpAt) < ARCHIVE_FRESH_MS)
        return stored;
      const failedAt = this.failedLookups.get(archiveKey);
      if (stored && failedAt !== undefined && this.now() - failedAt < ARCHIVE_RETRY_MS) return stored;
      // Another caller may have started while the store answered.
      const started = this.lookups.get(archiveKey);
      if (started) return started;
    }
    const controller = new AbortController();
    this.lookupControllers.add(controller);
    const scheduler = this.checker.scheduler;
    const settings = this.settings;
    const promise = (async () => {
      this.setBusy(+1);
      try {
        const lookup = await this.deps.lookupArchive(url, {
          endpoint: settings.archiveEndpoint,
          publishedAt: publishedTime,
          thirdPartyAllowed: archiveLookupsAllowed(settings),
          signal: controller.signal,
          schedule: (target, task) => scheduler.run(hostKey(target), task, { signal: controller.signal }),
        });
        if (lookup.error) this.failedLookups.set(archiveKey, this.now());
        else this.failedLookups.delete(archiveKey);
        await this.deps.archives.put(archiveKey, key, lookup);
        return lookup;
      } finally {
        this.lookupControllers.delete(controller);
        this.lookups.delete(archiveKey);
        this.setBusy(-1);
      }
    })();
    this.lookups.set(archiveKey, promise);
    this.deps.broadcast({ archives: [{ key, archiveKey, looking: true, revision: this.revision() }] });
    try {
      const lookup = await promise;
      this.deps.broadcast({
        archives: [{ key, archiveKey, lookup, looking: false, revision: this.revision() }],
      });
      return lookup;
    } catch (error) {
      const stored = await this.deps.archives.get(archiveKey).catch(() => undefined);
      this.deps.broadcast({
        archives: [
          {
            key,
            archiveKey,
            looking: false,
            ...(stored ? { lookup: stored } : {}),
            revision: this.revision(),
          },
        ],
      });
      throw error;
    }
  }
}

/** A request's access dates by check key (a reference's URL may carry a fragment the key drops). */
function keyedDates(dates: Record<string, string> | undefined): Record<string, string> {
  const byKey: Record<string, string> = {};
  for (const [url, date] of Object.entries(dates ?? {})) byKey[checkKey(url) ?? url] = date;
  return byKey;
}

/** The distinct check keys of a request, each with the first URL that gave it. */
function distinctKeys(urls: string[]): [string, string][] {
  const seen = new Map<string, string>();
  for (const url of urls) {
    const key = checkKey(url) ?? url;
    if (!seen.has(key)) seen.set(key, url);
  }
  return [...seen];
}

function validate(request: CheckCitationsRequest): void {
  const fail = (why: string) => {
    throw new CitedError('internal', `Cited could not check these citations: ${why}.`);
  };
  if (typeof request !== 'object' || request === null) fail('the request was empty');
  if (!Number.isInteger(request.tabId)) fail('no tab was named');
  if (typeof request.pageUrl !== 'string') fail('no article address was given');
  if (request.publishedTime !== null && typeof request.publishedTime !== 'string')
    fail('the publication date was not text');
  if (!Array.isArray(request.urls) || request.urls.some((url) => typeof url !== 'string'))
    fail('the citations were not a list of addresses');
  if (request.urls.length > MAX_URLS_PER_REQUEST)
    fail(`more than ${MAX_URLS_PER_REQUEST} citations were sent at once`);
  if (request.accessDates !== undefined && !isDateMap(request.accessDates))
    fail('the references’ access dates were not dates (YYYY-MM-DD)');
  if (
    request.beside !== undefined &&
    (!Array.isArray(request.beside) || request.beside.some((url) => typeof url !== 'string'))
  )
    fail('the references’ own links were not a list of addresses');
}
