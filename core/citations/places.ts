import type { Citation, CitationNote, CitationOccurrence } from './types';

/** A link a reference gives beside its source: its archived copy, or a DOI / PMID resolver link. */
export type ReferenceLinkKind = 'archive' | 'doi' | 'pmid';

/**
 * A place on the page a row can take the reader to: where the text cites the source (a link, or a note's
 * marker), the note that gives it, or a link its reference gives beside it. All are links of the live page,
 * found by `linkIndex`.
 */
export type CitationPlace =
  | { kind: 'text'; linkIndex: number; href: string; occurrence: CitationOccurrence }
  | { kind: 'note'; linkIndex: number; href: string; note: CitationNote }
  | { kind: 'reference'; linkIndex: number; href: string; link: ReferenceLinkKind };

// `href` is where the link at `linkIndex` points: the page checks it is still that link (pages re-render).

/**
 * The places of a citation, in order: each occurrence in the text, then each note that gives the source (a row's
 * click steps through these, `placeCount` of them, so a reader who followed a marker also reaches the note itself),
 * then the links its reference gives beside it, which the row's details reach.
 */
export function placesOf(citation: Citation): CitationPlace[] {
  const places: CitationPlace[] = citation.occurrences.map((occurrence) => ({
    kind: 'text',
    linkIndex: occurrence.linkIndex,
    href: occurrence.noteRef ?? citation.url,
    occurrence,
  }));
  for (const note of citation.notes ?? [])
    places.push({ kind: 'note', linkIndex: note.linkIndex, href: citation.url, note });
  const { archive, identifiers = [] } = citation.reference ?? {};
  if (archive?.linkIndex !== undefined)
    places.push({ kind: 'reference', linkIndex: archive.linkIndex, href: archive.url, link: 'archive' });
  for (const { scheme, url, linkIndex } of identifiers) {
    if (scheme === 'isbn' || !url || linkIndex === undefined) continue;
    places.push({ kind: 'reference', linkIndex, href: url, link: scheme });
  }
  return places;
}

/**
 * The links a status marker goes after: the source's own links, in the text and in the notes that give it. A
 * note's marker in the text is not one: it stands for the whole note, which may give several sources.
 */
export function markedLinkIndexes(citation: Citation): number[] {
  const indexes = citation.occurrences.filter((o) => o.noteRef === undefined).map((o) => o.linkIndex);
  for (const note of citation.notes ?? []) indexes.push(note.linkIndex);
  return indexes;
}

/**
 * How many places a row's click steps through (the text's and the notes' of `placesOf`), without building them:
 * rows ask this of every citation.
 */
export function placeCount(citation: Citation): number {
  return citation.occurrences.length + (citation.notes?.length ?? 0);
}
