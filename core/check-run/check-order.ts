import { referenceLinksOf } from '../citations/reference-links';
import type { Citation } from '../citations/types';

/**
 * The order citations are checked in, serving the reader: what is on their screen first, then the sources the
 * article cites from other sites in the order they are read, then the outlet's own pages (which share one host, and
 * so its two-at-a-time limit, and would otherwise hold back every external source behind them). The links a
 * citation's reference gives beside it (archived copy, DOI / PMID) follow it: its row shows what they gave.
 */
export function checkOrder(citations: readonly Citation[]): string[] {
  const onScreen = citations.filter((citation) => citation.onScreen);
  const rest = citations.filter((citation) => !citation.onScreen);
  const ordered = [
    ...onScreen,
    ...rest.filter((citation) => citation.relation !== 'same-site'),
    ...rest.filter((citation) => citation.relation === 'same-site'),
  ];
  return [...new Set(ordered.flatMap((citation) => [citation.url, ...referenceLinksOf(citation)]))];
}

/**
 * The links a reference gives beside its source (`checkOrder` checks them) that are not citations themselves: the
 * worker checks them for the source's row but does not count them on the toolbar badge.
 */
export function besideLinks(citations: readonly Citation[]): string[] {
  const cited = new Set(citations.map((citation) => citation.url));
  const beside = citations.flatMap((citation) => referenceLinksOf(citation).filter((url) => !cited.has(url)));
  return [...new Set(beside)];
}

/**
 * How many citations are checked without asking: enough for any ordinary article and the longest reports
 * (2,000 sources), few enough that one page cannot send tens of thousands of requests on its own. The panel says
 * how many more there are and checks them when the reader asks.
 */
export const AUTOMATIC_CHECK_LIMIT = 2_000;

/** The addresses checked automatically, in check order, and the ones left for the reader to ask for. */
export function automaticShare(
  order: readonly string[],
  limit = AUTOMATIC_CHECK_LIMIT,
): { now: string[]; onRequest: string[] } {
  return { now: order.slice(0, limit), onRequest: order.slice(limit) };
}
