import type { Citation, CitationRelation, CitationSection } from '../core/citations/types';

/** By relation, or by where the page gives the source (its references, its External links or Further reading). */
export type RelationFilter = 'all' | CitationRelation | CitationSection;

export interface RelationCounts {
  all: number;
  external: number;
  'same-site': number;
  notes: number;
  'external-links': number;
  'further-reading': number;
}

/** Lower case without accents, so "Zürich" is found by "zurich". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function searchableText(citation: Citation): string {
  const parts = [citation.url, citation.domain];
  for (const occurrence of citation.occurrences) parts.push(occurrence.anchorText, occurrence.sentence);
  return fold(parts.join('\n'));
}

/** Every word of the query must appear somewhere in the citation: anchor text, URL, domain or sentence. */
export function matchesQuery(citation: Citation, query: string): boolean {
  const terms = fold(query).split(/\s+/).filter(Boolean);
  if (terms.length === 0) return true;
  const haystack = searchableText(citation);
  return terms.every((term) => haystack.includes(term));
}

export function matchesRelation(citation: Citation, filter: RelationFilter): boolean {
  return filter === 'all' || citation.relation === filter || citation.section === filter;
}

export function filterCitations(citations: Citation[], filter: RelationFilter, query: string): Citation[] {
  return citations.filter((citation) => matchesRelation(citation, filter) && matchesQuery(citation, query));
}

export function countByRelation(citations: Citation[]): RelationCounts {
  const counts: RelationCounts = {
    all: citations.length,
    external: 0,
    'same-site': 0,
    notes: 0,
    'external-links': 0,
    'further-reading': 0,
  };
  for (const citation of citations) {
    counts[citation.relation] += 1;
    if (citation.section) counts[citation.section] += 1;
  }
  return counts;
}
