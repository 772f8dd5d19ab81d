import { LinkChecker, type LinkCheckerOptions } from '../../../core/linkcheck/checker';
import { FakeClock, ScriptedWeb } from './scripted-web';

/** A deterministic stand-in for Math.random. */
export function seededRandom(seed = 42): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function setup(options: Partial<LinkCheckerOptions> & { delayMs?: number } = {}): {
  clock: FakeClock;
  web: ScriptedWeb;
  checker: LinkChecker;
  check: (url: string) => ReturnType<LinkChecker['check']>;
} {
  const clock = new FakeClock();
  const { delayMs, ...checkerOptions } = options;
  const web = new ScriptedWeb({ clock, ...(delayMs !== undefined ? { delayMs } : {}) });
  const checker = new LinkChecker({
    fetch: web.fetch,
    clock,
    redirectMode: 'manual',
    random: seededRandom(),
    ...checkerOptions,
  });
  return { clock, web, checker, check: (url: string) => clock.settle(checker.check(url)) };
}

/** A probe URL: 25 lower-case letters as the last path segment. */
export const PROBE = /\/[a-z]{25}(\.[a-z]+)?\/?$/;
