import type { Citation } from '../citations/types';

/**
 * The order citations are checked in, serving the reader: the sources the article cites from other sites first, in
 * the order they are read, then the outlet's own pages (which share one host, and so its two-at-a-time limit, and
 * would otherwise hold back every external source behind them).
 */
export function checkOrder(citations: readonly Citation[]): string[] {
  return [
    ...citations.filter((citation) => citation.relation !== 'same-site'),
    ...citations.filter((citation) => citation.relation === 'same-site'),
  ].map((citation) => citation.url);
}
