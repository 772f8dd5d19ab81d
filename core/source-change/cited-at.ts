import { publicationTimestamp } from '../archive/wayback';
import type { Citation } from '../citations/types';
import type { ComparedCopy } from './types';

/** The moment a citation was made, as the reader's evidence allows: the reference's access date, or publication. */
export function citedAt(
  citation: Citation,
  publishedTime: string | null,
): { date: string; is: ComparedCopy['citedAtIs'] } | null {
  const access = citation.reference?.accessDate;
  if (access && publicationTimestamp(access)) return { date: access, is: 'access-date' };
  if (publishedTime && publicationTimestamp(publishedTime)) return { date: publishedTime, is: 'publication' };
  return null;
}
