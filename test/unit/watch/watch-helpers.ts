import type { LinkStatus } from '../../../core/linkcheck/types';
import type { WatchCheck } from '../../../core/watch/types';

/** A fake calendar: day 0 is 2026-03-02 at 09:00 UTC; fractions of a day are hours. */
export const DAY_MS = 24 * 60 * 60 * 1000;
const START = Date.parse('2026-03-02T09:00:00Z');

export function dayAt(day: number): string {
  return new Date(START + day * DAY_MS).toISOString();
}

const reasons: Record<LinkStatus, [string, number | undefined]> = {
  alive: ['The page answers.', 200],
  redirected: ['It now lives at another address.', 301],
  dead: ['The site answers 404 Not Found: the page is gone. Confirmed by a second try.', 404],
  'soft-404': ['The site sends every address to its home page.', 200],
  blocked: ['The site would not let an automatic check through (403).', 403],
  'rate-limited': ['The site kept answering 429.', 429],
  unreachable: ['The server answered 503 Service Unavailable.', 503],
  skipped: ['Not a web address.', undefined],
};

export function check(day: number, status: LinkStatus): WatchCheck {
  const [reason, httpStatus] = reasons[status];
  const at = dayAt(day);
  return {
    at,
    status,
    reason,
    evidence: {
      ...(httpStatus === undefined ? {} : { httpStatus }),
      redirected: status === 'redirected',
      elapsedMs: 120,
      checkedAt: at,
      attempts: status === 'dead' ? 2 : 1,
      redirectMode: 'manual',
    },
  };
}
