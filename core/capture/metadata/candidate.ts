/**
 * What one metadata source claims about the page, raw: dates and languages are normalised, and bad
 * values rejected, when the sources are merged, so one source's garbage never hides another's answer.
 */
export interface MetadataCandidate {
  title?: string | null;
  byline?: string | null;
  siteName?: string | null;
  publishedTime?: string | null;
  modifiedTime?: string | null;
  lang?: string | null;
  dir?: string | null;
  excerpt?: string | null;
  /** As written (may be relative); resolved against the document base URL on merge. */
  canonicalUrl?: string | null;
}

/** Joins several authors the way a byline reads. */
export function joinNames(names: readonly string[]): string | null {
  const unique = [...new Set(names.map((name) => name.replace(/\s+/g, ' ').trim()).filter(Boolean))];
  return unique.length > 0 ? unique.join(', ') : null;
}
