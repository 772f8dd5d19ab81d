import type { Citation } from '../citations/types';
import { withoutFragment } from '../url/web-address';

function isHttp(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** The external citations worth a copy, one per address (fragments ignored), in article order. */
export function sourceTargets(citations: readonly Citation[]): string[] {
  const seen = new Set<string>();
  const targets: string[] = [];
  for (const citation of citations) {
    if (citation.relation !== 'external' || !isHttp(citation.url)) continue;
    const key = withoutFragment(citation.url);
    if (seen.has(key)) continue;
    seen.add(key);
    targets.push(citation.url);
  }
  return targets;
}
