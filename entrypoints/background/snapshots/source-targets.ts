import type { Citation } from '../../../core/citations/types';

export function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}

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
