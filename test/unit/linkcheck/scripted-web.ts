import type { Clock, FetchLike } from '../../../core/linkcheck/types';

/**
 * A scripted web for unit tests: answers per URL, counts calls, records each request's init (to assert
 * credentials, referrer and method), measures concurrency per host, and can delay answers on a fake clock.
 */

export interface RecordedCall {
  url: string;
  init: RequestInit;
  at: number;
}

export type Answer =
  | Response
  | Error
  | ((url: URL, init: RequestInit) => Response | Error | Promise<Response | Error>);
type Matcher = string | RegExp | ((url: URL) => boolean);

interface Route {
  match: Matcher;
  answers: Answer[];
  served: number;
}

export function html(
  body: string,
  init: { status?: number; headers?: Record<string, string> } = {},
): Response {
  return new Response(body, {
    status: init.status ?? 200,
    headers: { 'content-type': 'text/html; charset=utf-8', ...init.headers },
  });
}

export function page(title: string, words: string, extraHead = ''): string {
  return `<!doctype html><html><head><title>${title}</title>${extraHead}</head><body><nav>Home News Sport</nav><main><h1>${title}</h1><p>${words}</p></main><footer>Contact Imprint Privacy</footer></body></html>`;
}

export function status(code: number, headers: Record<string, string> = {}, body = ''): Response {
  if (code >= 200 && code <= 599)
    return new Response(code === 204 || code === 304 ? null : body, { status: code, headers });
  // Real servers send codes the Response constructor refuses (LinkedIn's 999); fetch passes them through.
  const response = new Response(body, { status: 200, headers });
  Object.defineProperty(response, 'status', { value: code });
  return response;
}

export function redirect(code: number, location: string): Response {
  return new Response(null, { status: code, headers: { location } });
}

/** What Node's fetch (undici) rejects with: TypeError('fetch failed') whose cause carries the system code. */
export function networkError(code: string): Error {
  const cause = Object.assign(new Error(`connect ${code}`), { code });
  return new TypeError('fetch failed', { cause });
}

/** What a browser's fetch rejects with: no code at all. */
export function browserNetworkError(): Error {
  return new TypeError('Failed to fetch');
}

/** Words that make a page unique, so two test pages never look alike by accident. */
export function words(seed: string, count = 120): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(`${seed}${(i * 7919) % 1000}`);
  return out.join(' ');
}

export class ScriptedWeb {
  readonly calls: RecordedCall[] = [];
  readonly maxInFlightByHost = new Map<string, number>();
  maxInFlight = 0;
  private readonly routes: Route[] = [];
  private readonly inFlightByHost = new Map<string, number>();
  private inFlight = 0;
  private fallbackAnswer: (url: URL) => Answer = () =>
    status(404, { 'content-type': 'text/html' }, 'Not found');

  constructor(
    private readonly options: { clock?: Clock; delayMs?: number; followRedirects?: boolean } = {},
  ) {}

  /** Answer requests matching `match` with `answers` in turn; the last one repeats. */
  on(match: Matcher, ...answers: Answer[]): this {
    this.routes.push({ match, answers, served: 0 });
    return this;
  }

  /** What unrouted URLs get (default: 404). */
  otherwise(answer: (url: URL) => Answer): this {
    this.fallbackAnswer = answer;
    return this;
  }

  callsTo(match: Matcher): RecordedCall[] {
    return this.calls.filter((call) => matches(match, new URL(call.url)));
  }

  get maxInFlightPerHost(): number {
    return Math.max(0, ...this.maxInFlightByHost.values());
  }

  readonly fetch: FetchLike = async (input, init) => {
    if (this.options.followRedirects || init.redirect === 'follow') return this.follow(input, init);
    return this.answerOnce(input, init);
  };

  private async follow(input: string, init: RequestInit): Promise<Response> {
    let current = input;
    for (let hops = 0; hops <= 20; hops++) {
      const response = await this.answerOnce(current, init);
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        current = new URL(location, current).href;
        continue;
      }
      Object.defineProperty(response, 'url', { value: current });
      Object.defineProperty(response, 'redirected', { value: hops > 0 });
      return response;
    }
    throw new TypeError('Failed to fetch');
  }

  private async answerOnce(input: string, init: RequestInit): Promise<Response> {
    const url = new URL(input);
    const host = url.host;
    this.calls.push({ url: input, init, at: this.options.clock?.now() ?? 0 });
    this.inFlight++;
    const hostCount = (this.inFlightByHost.get(host) ?? 0) + 1;
    this.inFlightByHost.set(host, hostCount);
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    this.maxInFlightByHost.set(host, Math.max(hostCount, this.maxInFlightByHost.get(host) ?? 0));
    try {
      if (this.options.delayMs && this.options.clock) {
        await this.options.clock.sleep(this.options.delayMs, init.signal ?? undefined);
      }
      if (init.signal?.aborted) throw init.signal.reason;
      const route = this.routes.find((candidate) => matches(candidate.match, url));
      let answer: Answer;
      if (route) {
        answer = route.answers[Math.min(route.served, route.answers.length - 1)] as Answer;
        route.served++;
      } else answer = this.fallbackAnswer(url);
      if (typeof answer === 'function') {
        const made = await answer(url, init);
        if (made instanceof Error) throw made;
        return made;
      }
      if (answer instanceof Error) throw answer;
      // A Response can be read once: hand out a copy so repeating answers work.
      const copy = answer.clone();
      if (copy.status !== answer.status) Object.defineProperty(copy, 'status', { value: answer.status });
      return copy;
    } finally {
      this.inFlight--;
      this.inFlightByHost.set(host, (this.inFlightByHost.get(host) ?? 1) - 1);
    }
  }
}

function matches(match: Matcher, url: URL): boolean {
  if (typeof match === 'string') return url.href === new URL(match).href;
  if (match instanceof RegExp) return match.test(url.href);
  return match(url);
}

/**
 * Virtual time: `sleep` registers a timer, `settle(promise)` runs the world (real microtasks and I/O turns)
 * and jumps to the next timer whenever nothing else can happen, until the promise settles.
 */
export class FakeClock implements Clock {
  private time = 0;
  private seq = 0;
  private readonly timers: { at: number; seq: number; fire: () => void }[] = [];

  now(): number {
    return this.time;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const timer = {
        at: this.time + Math.max(0, ms),
        seq: this.seq++,
        fire: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = () => {
        const index = this.timers.indexOf(timer);
        if (index >= 0) this.timers.splice(index, 1);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.timers.push(timer);
    });
  }

  get pendingTimers(): number {
    return this.timers.length;
  }

  /** Let everything that can run without time passing run. */
  async flush(): Promise<void> {
    for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
  }

  /** Advance to the next timer and fire every timer due then. False when there is none. */
  private fireNext(): boolean {
    if (this.timers.length === 0) return false;
    this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
    const at = (this.timers[0] as { at: number }).at;
    this.time = Math.max(this.time, at);
    const due = this.timers.filter((timer) => timer.at <= this.time);
    this.timers.splice(0, due.length);
    for (const timer of due) timer.fire();
    return true;
  }

  async settle<T>(promise: Promise<T>): Promise<T> {
    let settled = false;
    const tracked = promise.finally(() => {
      settled = true;
    });
    tracked.catch(() => {});
    for (let round = 0; round < 100_000; round++) {
      await this.flush();
      if (settled) return tracked;
      if (!this.fireNext()) {
        await this.flush();
        if (settled) return tracked;
        throw new Error('FakeClock: nothing left to run and the promise has not settled');
      }
    }
    throw new Error('FakeClock: too many timer rounds');
  }
}
