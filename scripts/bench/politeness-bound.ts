/**
 * The politeness lower bound of a link check: the least time any checker could take when every request takes
 * `delayMs`, at most `perHost` are in flight to one host and at most `global` in all.
 *
 * With requests of equal length, a slot finishes at most ⌊T / delay⌋ of them by time T, so `n` requests need at
 * least ⌈n / global⌉ rounds, and a host with `k` requests at least ⌈k / perHost⌉; the bound is the larger of the
 * two, plus the rounds that must come first (the article itself, fetched before any citation is known).
 */

export interface BoundInput {
  /** Requests per host. */
  requestsByHost: readonly number[];
  global: number;
  perHost: number;
  delayMs: number;
  /** Requests that must finish before the others can start (the article fetch): one round each. */
  leadingRounds?: number;
}

export interface Bound {
  ms: number;
  requests: number;
  /** ⌈requests / global⌉. */
  globalRounds: number;
  /** ⌈k / perHost⌉ of the busiest host. */
  hostRounds: number;
  leadingRounds: number;
}

export function politenessBound(input: BoundInput): Bound {
  const requests = input.requestsByHost.reduce((sum, n) => sum + n, 0);
  const globalRounds = Math.ceil(requests / input.global);
  const hostRounds = Math.max(0, ...input.requestsByHost.map((n) => Math.ceil(n / input.perHost)));
  const leadingRounds = input.leadingRounds ?? 0;
  return {
    ms: (leadingRounds + Math.max(globalRounds, hostRounds)) * input.delayMs,
    requests,
    globalRounds,
    hostRounds,
    leadingRounds,
  };
}

export function describeBound(bound: Bound, global: number, perHost: number, delayMs: number): string {
  const leading = bound.leadingRounds > 0 ? `${bound.leadingRounds} round(s) first + ` : '';
  return `${leading}max(${bound.globalRounds} rounds of ${global} for ${bound.requests} requests, ${bound.hostRounds} rounds of ${perHost} on the busiest host) x ${delayMs} ms`;
}
