import type { ArticleMetadata } from '../types';
import type { MetadataCandidate } from './candidate';
import { cleanByline, cleanDate, cleanDir, cleanLang, cleanSiteName, cleanText, cleanUrl } from './normalize';

export type SourceName =
  | 'jsonLd'
  | 'meta'
  | 'microdata'
  | 'microformats'
  | 'pageMicrodata'
  | 'pageMicroformats'
  | 'readability'
  | 'document'
  | 'updated'
  | 'url';

type Field = keyof MetadataCandidate;

/**
 * Which source wins, per field, best first. Publisher-declared structured data (JSON-LD, then meta
 * tags) beats markup inferred from the page, which beats Readability's guesses from the text. The
 * exceptions: the language and text direction the document itself declares on <html> are what the
 * browser renders with, and og:site_name is the site's own name for itself.
 *
 * Sources are read lazily, in this order, only while a field is still empty. In-page markup
 * (microdata and microformats, read together in one pass) is the costly source, so it is asked only
 * for the fields a reader misses most (title, byline, dates): first around the article (see
 * `markupScope`), then, after Readability's guesses, over the whole page (a date in a header outside
 * <article>). `updated` is the hAtom `.updated` date standing in for the publication date (many
 * WordPress themes mark only that one, with the publication date), after every source that says
 * "published".
 */
export const PRECEDENCE: Record<Field, readonly SourceName[]> = {
  title: ['jsonLd', 'meta', 'readability', 'microdata', 'document'],
  byline: ['jsonLd', 'meta', 'microformats', 'microdata', 'readability', 'pageMicroformats', 'pageMicrodata'],
  siteName: ['meta', 'jsonLd', 'readability'],
  publishedTime: [
    'jsonLd',
    'meta',
    'microformats',
    'microdata',
    'readability',
    'pageMicroformats',
    'pageMicrodata',
    'updated',
    'url',
  ],
  modifiedTime: ['jsonLd', 'meta', 'microformats'],
  lang: ['document', 'meta', 'jsonLd', 'readability'],
  dir: ['document', 'readability'],
  excerpt: ['jsonLd', 'meta', 'readability'],
  canonicalUrl: ['document', 'meta'],
};

/** Reads each source at most once, and only if a field still needs it. */
export type SourceReader = (name: SourceName) => MetadataCandidate;

function pick<T>(
  field: Field,
  read: SourceReader,
  clean: (raw: string | null | undefined) => T | null,
): T | null {
  for (const source of PRECEDENCE[field]) {
    const value = clean(read(source)[field]);
    if (value !== null) return value;
  }
  return null;
}

export type MergedMetadata = Omit<ArticleMetadata, 'url' | 'wordCount'>;

export function mergeMetadata(read: SourceReader, baseUrl: string): MergedMetadata {
  return {
    canonicalUrl: pick('canonicalUrl', read, (raw) => cleanUrl(raw, baseUrl)),
    title: pick('title', read, cleanText) ?? '',
    byline: pick('byline', read, cleanByline),
    siteName: pick('siteName', read, cleanSiteName),
    publishedTime: pick('publishedTime', read, cleanDate),
    modifiedTime: pick('modifiedTime', read, cleanDate),
    lang: pick('lang', read, cleanLang),
    dir: pick('dir', read, cleanDir),
    excerpt: pick('excerpt', read, cleanText),
  };
}
