import type { Citation } from './types';

/**
 * The links a citation's reference gives beside its source: its archived copy and its DOI / PMID resolver links.
 * They are part of that one citation (the list counts the reference once), so they are checked with it and their
 * verdicts shown on its row. ISBNs lead to the wiki's own book-sources page, which is not checked.
 */
export function referenceLinksOf(citation: Citation): string[] {
  const reference = citation.reference;
  if (!reference) return [];
  const links: string[] = [];
  if (reference.archive) links.push(reference.archive.url);
  for (const { scheme, url } of reference.identifiers ?? []) {
    if (url && scheme !== 'isbn') links.push(url);
  }
  return links;
}
