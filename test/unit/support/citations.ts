import { type ArticleSources, extractSources } from '../../../core/citations/extract';
import { listLinks } from '../../../core/citations/link-index';
import type { Citation } from '../../../core/citations/types';

/**
 * Citation rules without Readability in the way: every link inside `scope` is a candidate, in
 * document order, as if Readability had kept exactly that element.
 */
export function citationsIn(
  doc: Document,
  scope = 'article',
  options: { pageIsNews?: boolean } = {},
): Citation[] {
  return sourcesIn(doc, scope, options).citations;
}

/** The same, with a wiki's links to its own pages. */
export function sourcesIn(
  doc: Document,
  scope = 'article',
  options: { pageIsNews?: boolean } = {},
): ArticleSources {
  const links = listLinks(doc);
  const root = doc.querySelector(scope);
  const candidates = links.flatMap((link, index) => (root?.contains(link) ? [index] : []));
  return extractSources({
    doc,
    links,
    candidates,
    canonicalUrl: doc.querySelector('link[rel=canonical]')?.getAttribute('href') ?? null,
    lang: 'en',
    pageIsNews: options.pageIsNews ?? false,
  });
}

export const urlsOf = (citations: readonly Citation[]) => citations.map((citation) => citation.url);
