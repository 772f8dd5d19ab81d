import { isProbablyReaderable } from '@mozilla/readability';
import { commonAncestor } from '../citations/common-ancestor';
import { sourceSteps } from '../citations/extract';
import { isNewsHost } from '../citations/kind';
import { linksAt, listLinks } from '../citations/link-index';
import type { CaptureResult } from '../citations/types';
import { findMainContent, isInMainContent, mainContentText } from './main-content';
import { extractMetadata } from './metadata';
import { placeSourceArticle, type SourceArticle } from './page-source';
import { type ReadabilityArticle, readArticleSteps } from './readability';
import { runSteps, runStepsPausing, type Steps } from './steps';
import type { CapturedArticle } from './types';
import { countWords } from './word-count';

export interface CaptureOptions {
  /** Clock for `capturedAt` (tests pass a fixed one). */
  now?: () => Date;
  /**
   * Readability's parse of this page made elsewhere (the panel's worker, from `pageSource`), `article` null when it
   * found none. Used when its links are the page's; otherwise the page parses, as without it.
   */
  parsed?: ParsedElsewhere;
  /** Told where the article was read: from `parsed`, or by Readability in the page (not called for a non-article). */
  onArticleRead?: (where: ArticleReadIn) => void;
}

export interface ParsedElsewhere {
  article: SourceArticle | null;
}

export type ArticleReadIn = 'given' | 'page';

/**
 * Captures the article of a page and what it cites. `doc` is the live document (or a jsdom document
 * created with the page's real URL); it is only read, never changed.
 *
 * isProbablyReaderable runs first, on the live page: it is cheap (it stops at the first few long
 * paragraphs), and when it says "not an article" Readability, by far the costliest step, is skipped.
 */
/** The most links of one page Cited reads for citations: far above any article, well within a message's size. */
export const MAX_LINKS_READ = 10_000;

export function captureArticle(doc: Document, options: CaptureOptions = {}): CaptureResult {
  return runSteps(captureSteps(doc, options));
}

/**
 * The same capture, with `pause` awaited between its stages (the page's clone, Readability, metadata, each slice
 * of the citations), so that no one task of the page runs the whole capture of a long article.
 */
export function captureArticleInSteps(
  doc: Document,
  pause: () => Promise<void>,
  options: CaptureOptions = {},
): Promise<CaptureResult> {
  return runStepsPausing(captureSteps(doc, options), pause);
}

function* captureSteps(doc: Document, options: CaptureOptions): Steps<CaptureResult> {
  const now = options.now ?? (() => new Date());
  const links = listLinks(doc);
  const readable = doc.body !== null && isProbablyReaderable(doc);
  yield;
  const article = readable ? yield* articleSteps(doc, links, options) : null;
  yield;

  let candidates: number[];
  let textContent: string;
  if (article) {
    candidates = article.linkIndexes;
    textContent = article.textContent;
  } else {
    const main = findMainContent(doc);
    candidates = [];
    if (main) {
      links.forEach((link, index) => {
        if (isInMainContent(link, main)) candidates.push(index);
      });
    }
    textContent = main ? mainContentText(main) : '';
  }
  // A page of tens of thousands of links (an index, a dump) is read up to a bound, and says so, so the capture
  // stays quick and its message small.
  const linkCount = candidates.length;
  if (linkCount > MAX_LINKS_READ) candidates = candidates.slice(0, MAX_LINKS_READ);
  // The lowest element holding the article's links: bounds furniture checks and metadata lookups.
  const articleRoot = commonAncestor(linksAt(links, candidates));

  const { metadata, isNewsArticle } = extractMetadata(doc, article, articleRoot);
  const pageIsNews = isNewsArticle || isNewsHost(safeHost(doc.URL));
  yield;

  const { citations, siteLinks } = yield* sourceSteps({
    doc,
    links,
    candidates,
    canonicalUrl: metadata.canonicalUrl,
    lang: metadata.lang,
    pageIsNews,
    articleRoot,
  });

  const captured: CapturedArticle = {
    metadata: { ...metadata, wordCount: countWords(textContent) },
    isArticle: article !== null,
    contentHtml: article?.contentHtml ?? null,
    textContent,
  };
  return {
    article: captured,
    citations,
    ...(siteLinks.length > 0 ? { siteLinks } : {}),
    source: article ? 'article' : 'main-content',
    capturedAt: now().toISOString(),
    ...(linkCount > MAX_LINKS_READ ? { linkLimit: { links: linkCount, read: MAX_LINKS_READ } } : {}),
  };
}

function* articleSteps(
  doc: Document,
  links: readonly Element[],
  { parsed, onArticleRead }: CaptureOptions,
): Steps<ReadabilityArticle | null> {
  if (parsed) {
    // The worker's "no article" stands (the same Readability on the same markup); its article stands only while
    // its links are still the page's.
    const placed = parsed.article === null ? null : placeSourceArticle(parsed.article, links, doc.baseURI);
    if (parsed.article === null || placed !== null) {
      onArticleRead?.('given');
      return placed;
    }
  }
  onArticleRead?.('page');
  return yield* readArticleSteps(doc, links);
}

function safeHost(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
