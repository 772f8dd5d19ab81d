import { Readability } from '@mozilla/readability';
import { ArticleLinkMap } from './article-links';
import type { ReadabilityMetadata } from './metadata';
import { runSteps, type Steps } from './steps';

export interface ReadabilityArticle extends ReadabilityMetadata {
  /** Readability's reader-view HTML, not sanitised (see CapturedArticle.contentHtml). */
  contentHtml: string | null;
  textContent: string;
  /** Indexes (in the live page's link list) of the links Readability kept, in article order. */
  linkIndexes: number[];
}

/**
 * Runs Readability on a clone, never on the live page, which it would rewrite. The serializer option
 * hands over the article element itself: its links are mapped back to the live page from that element,
 * and Cited serialises it.
 */
export function readArticle(doc: Document, liveLinks: readonly Element[]): ReadabilityArticle | null {
  return runSteps(readArticleSteps(doc, liveLinks));
}

/**
 * readArticle in three steps: the clone of a long page, Readability's parse, then the article's links and HTML.
 * The parse is one call into Readability and cannot be split further; the rest is kept out of it.
 */
export function* readArticleSteps(
  doc: Document,
  liveLinks: readonly Element[],
): Steps<ReadabilityArticle | null> {
  const clone = doc.cloneNode(true) as Document;
  yield;
  // Before the parse: Readability moves and removes the clone's links, which are matched to the live ones here.
  const linkMap = new ArticleLinkMap(clone, liveLinks, doc.baseURI);
  let read: ReadabilityRun | null;
  try {
    read = runReadability(clone);
  } catch {
    // Readability gives up on some malformed pages; the reader still gets the page's links.
    return null;
  }
  if (!read) return null;
  yield;
  // Readability is done with the element (its text is read already): mapping and serialising it changes nothing.
  return { ...articleFields(read), linkIndexes: linkMap.indexesOf(read.article) };
}

/** Readability's answer, with the article element itself (which Cited maps and serialises). */
export interface ReadabilityRun {
  parsed: NonNullable<ReturnType<Readability<string>['parse']>>;
  article: Element;
}

/** Runs Readability on a document it may rewrite; null when it finds no article (it throws on some pages). */
export function runReadability(doc: Document): ReadabilityRun | null {
  const found: { article?: Element } = {};
  const serializer = (node: Node): string => {
    found.article = node as Element;
    return '';
  };
  const parsed = new Readability<string>(doc, { serializer }).parse();
  const { article } = found;
  return parsed && article ? { parsed, article } : null;
}

/** What a reader is told of the article Readability found: everything but its links. */
export function articleFields({ parsed, article }: ReadabilityRun): Omit<ReadabilityArticle, 'linkIndexes'> {
  return {
    title: parsed.title,
    byline: parsed.byline,
    siteName: parsed.siteName,
    publishedTime: parsed.publishedTime,
    // Read with getAttribute, which JSDOMParser answers undefined for an attribute the page lacks.
    lang: parsed.lang ?? null,
    dir: parsed.dir ?? null,
    // Readability's own fallback excerpt is the first <p>, often a byline or a photo credit.
    excerpt: leadParagraph(article) ?? parsed.excerpt,
    contentHtml: article.innerHTML,
    textContent: parsed.textContent ?? '',
  };
}

/** The first paragraph long enough to say what the article is about. */
function leadParagraph(article: Element): string | null {
  for (const paragraph of article.getElementsByTagName('p')) {
    const text = paragraph.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    if (text.length >= 80) return text;
  }
  return null;
}
