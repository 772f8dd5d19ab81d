import { LinkChecker, type LinkCheckerOptions } from '../../../core/linkcheck/checker';
import { seededRandom } from '../../../scripts/bench/seeded-random';
import { FakeClock, ScriptedWeb } from './scripted-web';

export { seededRandom } from '../../../scripts/bench/seeded-random';

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
