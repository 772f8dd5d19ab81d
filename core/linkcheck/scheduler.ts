import { abortReason, systemClock } from './clock';
import type { Clock } from './types';

/**
 * Politeness for every request the checker makes.
 *
 * - At most `perHost` requests in flight to one host (2 by default), at most `global` in all (8 by default).
 * - A host can be paused (a 429 with Retry-After pauses the whole host, not just the one URL).
 * - A free slot goes to a host that is neither busy nor paused: the one with the most requests still waiting,
 *   ties taken in turn (round-robin); each host's own requests keep their arrival order. The per-host limit
 *   makes a host's backlog a chain of its own (k requests take ⌈k/2⌉ rounds however many slots are free), so
 *   the longest backlog is started first: in plain arrival order, a host cited fifty times at the end of an
 *   article would start last and then crawl at 2 at a time while every other slot idles. Taking hosts in turn
 *   otherwise keeps one site's long list from holding back the verdicts of every other site.
 * - Priorities, over all hosts: `high` (retries of a check already under way, with their redirect hops: each
 *   one ends a wait), then `normal` (the first request of a citation), then `low` (soft-404 probes and the
 *   redirect hops of first requests: requests that start no timed chain of their own as a dead link's answer
 *   does, sent once the citations' first requests are out; see checker.ts and soft404.ts).
 *
 * A slot is held for one request (one redirect hop), including reading its capped body; waits between
 * retries happen outside slots, so a check sleeping before its retry leaves its slot to others.
 */

export type SchedulePriority = 'high' | 'normal' | 'low';

export interface SchedulerOptions {
  perHost?: number;
  global?: number;
  clock?: Clock;
}

export interface ScheduleOptions {
  priority?: SchedulePriority;
  signal?: AbortSignal;
}

export interface SchedulerStats {
  inFlight: number;
  queued: number;
  /** Most requests in flight at once, over all hosts, since creation. */
  maxInFlight: number;
  /** Most requests in flight at once to any single host, since creation. */
  maxInFlightPerHost: number;
}

interface Waiting {
  host: string;
  task: () => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
}

/** One host's waiting requests, by priority, each in arrival order. */
type HostQueue = Record<SchedulePriority, Waiting[]>;

const PRIORITIES: readonly SchedulePriority[] = ['high', 'normal', 'low'];

export const DEFAULT_PER_HOST = 2;
export const DEFAULT_GLOBAL = 8;

export class RequestScheduler {
  readonly perHost: number;
  readonly global: number;
  private readonly clock: Clock;
  private readonly queues = new Map<string, HostQueue>();
  /** Hosts with waiting requests, in turn order; `next` is where the next turn starts. */
  private readonly ring: string[] = [];
  private next = 0;
  private queued = 0;
  private readonly hostInFlight = new Map<string, number>();
  private readonly pauses = new Map<string, number>();
  private readonly wakeTimers = new Set<string>();
  private inFlight = 0;
  private maxInFlight = 0;
  private maxInFlightPerHost = 0;

  constructor(options: SchedulerOptions = {}) {
    this.perHost = Math.max(1, Math.floor(options.perHost ?? DEFAULT_PER_HOST));
    this.global = Math.max(1, Math.floor(options.global ?? DEFAULT_GLOBAL));
    this.clock = options.clock ?? systemClock;
  }

  /** Run `task` when `host` and the global cap allow it. */
  run<T>(host: string, task: () => Promise<T>, options: ScheduleOptions = {}): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const { signal } = options;
      if (signal?.aborted) {
        reject(abortReason(signal));
        return;
      }
      const entry: Waiting = {
        host: host.toLowerCase(),
        task,
        resolve: resolve as (value: unknown) => void,
        reject,
        signal,
        onAbort: undefined,
      };
      const queue = this.queueOf(entry.host)[options.priority ?? 'normal'];
      if (signal) {
        entry.onAbort = () => {
          const index = queue.indexOf(entry);
          if (index >= 0) {
            queue.splice(index, 1);
            this.queued--;
            this.dropIfIdle(entry.host);
            reject(abortReason(signal));
          }
        };
        signal.addEventListener('abort', entry.onAbort, { once: true });
      }
      queue.push(entry);
      this.queued++;
      this.pump();
    });
  }

  /** Hold every request to `host` until `untilMs` (clock time). Only ever extends an existing pause. */
  pauseHost(host: string, untilMs: number): void {
    const key = host.toLowerCase();
    if ((this.pauses.get(key) ?? 0) < untilMs) this.pauses.set(key, untilMs);
    this.pump();
  }

  /** Clock time until which `host` is paused, or 0. */
  pausedUntil(host: string): number {
    const until = this.pauses.get(host.toLowerCase()) ?? 0;
    return until > this.clock.now() ? until : 0;
  }

  get stats(): SchedulerStats {
    return {
      inFlight: this.inFlight,
      queued: this.queued,
      maxInFlight: this.maxInFlight,
      maxInFlightPerHost: this.maxInFlightPerHost,
    };
  }

  private queueOf(host: string): HostQueue {
    let queue = this.queues.get(host);
    if (!queue) {
      queue = { high: [], normal: [], low: [] };
      this.queues.set(host, queue);
      // A newcomer takes its turn after every host already waiting.
      this.ring.splice(this.next, 0, host);
      this.next = (this.next + 1) % this.ring.length;
    }
    return queue;
  }

  private dropIfIdle(host: string): void {
    const queue = this.queues.get(host);
    if (!queue || PRIORITIES.some((priority) => queue[priority].length > 0)) return;
    this.queues.delete(host);
    const index = this.ring.indexOf(host);
    this.ring.splice(index, 1);
    if (index < this.next) this.next--;
    if (this.next >= this.ring.length) this.next = 0;
  }

  private isPaused(host: string): boolean {
    const until = this.pauses.get(host);
    if (until === undefined) return false;
    if (until <= this.clock.now()) {
      this.pauses.delete(host);
      return false;
    }
    if (!this.wakeTimers.has(host)) {
      this.wakeTimers.add(host);
      this.clock.sleep(until - this.clock.now()).then(() => {
        this.wakeTimers.delete(host);
        this.pump();
      });
    }
    return true;
  }

  private canStart(host: string): boolean {
    return (this.hostInFlight.get(host) ?? 0) < this.perHost && !this.isPaused(host);
  }

  /**
   * The next request to start: the highest priority waiting; within it, the host with the most requests still
   * waiting, ties going to hosts in turn from `next`.
   */
  private pick(): Waiting | undefined {
    for (const priority of PRIORITIES) {
      let best: { host: string; position: number; waiting: number } | undefined;
      for (let offset = 0; offset < this.ring.length; offset++) {
        const position = (this.next + offset) % this.ring.length;
        const host = this.ring[position] as string;
        const waiting = this.queues.get(host)?.[priority].length ?? 0;
        if (waiting === 0 || (best && waiting <= best.waiting) || !this.canStart(host)) continue;
        best = { host, position, waiting };
      }
      if (!best) continue;
      const entry = this.queues.get(best.host)?.[priority].shift() as Waiting;
      this.queued--;
      this.next = (best.position + 1) % this.ring.length;
      this.dropIfIdle(best.host);
      return entry;
    }
    return undefined;
  }

  private pump(): void {
    while (this.inFlight < this.global) {
      const entry = this.pick();
      if (!entry) return;
      this.start(entry);
    }
  }

  private start(entry: Waiting): void {
    if (entry.onAbort) entry.signal?.removeEventListener('abort', entry.onAbort);
    const hostCount = (this.hostInFlight.get(entry.host) ?? 0) + 1;
    this.hostInFlight.set(entry.host, hostCount);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    this.maxInFlightPerHost = Math.max(this.maxInFlightPerHost, hostCount);
    const finish = () => {
      this.inFlight--;
      const left = (this.hostInFlight.get(entry.host) ?? 1) - 1;
      if (left === 0) this.hostInFlight.delete(entry.host);
      else this.hostInFlight.set(entry.host, left);
      this.pump();
    };
    let running: Promise<unknown>;
    try {
      running = entry.task();
    } catch (error) {
      running = Promise.reject(error);
    }
    running.then(
      (value) => {
        finish();
        entry.resolve(value);
      },
      (error: unknown) => {
        finish();
        entry.reject(error);
      },
    );
  }
}
