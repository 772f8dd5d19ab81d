import type { ArticleMetadata } from '../types';
import type { MetadataCandidate } from './candidate';
import { readDocument } from './document';
import { readJsonLd } from './json-ld';
import { type MarkupCandidates, readMarkup } from './markup';
import { mergeMetadata, type SourceName } from './merge';
import { readMetaTags } from './meta-tags';
import { readUrlDate } from './url-date';

/** What Readability itself reported, when it ran. */
export interface ReadabilityMetadata {
  title?: string | null | undefined;
  byline?: string | null | undefined;
  siteName?: string | null | undefined;
  publishedTime?: string | null | undefined;
  lang?: string | null | undefined;
  dir?: string | null | undefined;
  excerpt?: string | null | undefined;
}

export interface PageMetadata {
  metadata: Omit<ArticleMetadata, 'wordCount'>;
  /** JSON-LD calls the page a news article. */
  isNewsArticle: boolean;
}

/** How far above the article's links a byline or date line usually sits (header, then body). */
const SCOPE_LEVELS = 2;

/**
 * Where to look first for in-page markup (microdata, microformats): the <article> or schema.org
 * item holding the article's links, else the element a couple of levels above them. Narrower is
 * faster (an attribute selector over a whole page is the costliest metadata step) and more precise
 * (no sidebar or comment authors); the whole page is still read later, as a fallback.
 */
export function markupScope(doc: Document, articleRoot: Element | null): ParentNode {
  if (!articleRoot) return doc;
  const semantic = articleRoot.closest('article, [itemscope][itemtype]');
  if (semantic) return semantic;
  let scope = articleRoot;
  for (let level = 0; level < SCOPE_LEVELS; level++) {
    const parent = scope.parentElement;
    if (!parent || parent === doc.body || parent === doc.documentElement) break;
    scope = parent;
  }
  return scope;
}

/** Reads the live document only (never mutates it): the sources see the page as the reader does. */
export function extractMetadata(
  doc: Document,
  readability: ReadabilityMetadata | null,
  articleRoot: Element | null = null,
): PageMetadata {
  const scope = markupScope(doc, articleRoot);
  let scoped: MarkupCandidates | null = null;
  let pageWide: MarkupCandidates | null = null;
  const markup = () => {
    scoped ??= readMarkup(scope);
    return scoped;
  };
  const pageMarkup = () => {
    pageWide ??= scope === doc ? markup() : readMarkup(doc);
    return pageWide;
  };
  let isNewsArticle = false;
  const readers: Record<SourceName, () => MetadataCandidate> = {
    jsonLd: () => {
      const facts = readJsonLd(doc);
      isNewsArticle = facts.isNewsArticle;
      return facts.candidate;
    },
    meta: () => readMetaTags(doc),
    microdata: () => markup().microdata,
    microformats: () => markup().microformats,
    pageMicrodata: () => pageMarkup().microdata,
    pageMicroformats: () => pageMarkup().microformats,
    updated: () => ({
      publishedTime: read('microformats').modifiedTime ?? read('pageMicroformats').modifiedTime,
    }),
    readability: () => readability ?? {},
    document: () => readDocument(doc),
    url: () => readUrlDate(doc.URL),
  };
  const cache = new Map<SourceName, MetadataCandidate>();
  const read = (name: SourceName) => {
    let candidate = cache.get(name);
    if (!candidate) {
      candidate = readers[name]();
      cache.set(name, candidate);
    }
    return candidate;
  };
  // JSON-LD decides whether the page is news even when another source supplies every field.
  read('jsonLd');
  const merged = mergeMetadata(read, doc.baseURI);
  return { metadata: { url: doc.URL, ...merged }, isNewsArticle };
}
