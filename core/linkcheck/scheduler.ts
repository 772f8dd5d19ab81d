import { abortReason, systemClock } from './clock';
import type { Clock } from './types';

/**
 * Politeness for every request the checker makes.
 *
 * - At most `perHost` requests in flight to one host (2 by default), at most `global` in all (8 by default).
 * - A host can be paused (a 429 with Retry-After pauses the whole host, not just the one URL).
 * - Requests wait in arrival order; a free slot goes to the first waiting request whose host is neither busy
 *   nor paused, so one slow or paused host never holds up the others. `high` priority (probes, retries) goes
 *   first: each one unblocks a verdict that is otherwise finished.
 *
 * A slot is held for one request (one redirect hop), including reading its capped body; waits between
 * retries happen outside slots.
 */

export interface SchedulerOptions {
  perHost?: number;
  global?: number;
  clock?: Clock;
}

export interface ScheduleOptions {
  priority?: 'high' | 'normal';
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

export const DEFAULT_PER_HOST = 2;
export const DEFAULT_GLOBAL = 8;

export class RequestScheduler {
  readonly perHost: number;
  readonly global: number;
  private readonly clock: Clock;
  private readonly high: Waiting[] = [];
  private readonly normal: Waiting[] = [];
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
      const queue = options.priority === 'high' ? this.high : this.normal;
      const entry: Waiting = {
        host: host.toLowerCase(),
        task,
        resolve: resolve as (value: unknown) => void,
        reject,
        signal,
        onAbort: undefined,
      };
      if (signal) {
        entry.onAbort = () => {
          const index = queue.indexOf(entry);
          if (index >= 0) {
            queue.splice(index, 1);
            reject(abortReason(signal));
          }
        };
        signal.addEventListener('abort', entry.onAbort, { once: true });
      }
      queue.push(entry);
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
      queued: this.high.length + this.normal.length,
      maxInFlight: this.maxInFlight,
      maxInFlightPerHost: this.maxInFlightPerHost,
    };
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

  private pump(): void {
    for (const queue of [this.high, this.normal]) {
      let index = 0;
      while (index < queue.length && this.inFlight < this.global) {
        const entry = queue[index] as Waiting;
        if ((this.hostInFlight.get(entry.host) ?? 0) >= this.perHost || this.isPaused(entry.host)) {
          index++;
          continue;
        }
        queue.splice(index, 1);
        this.start(entry);
      }
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
