import { isProbablyReaderable } from '@mozilla/readability';
import { type LinkSignature, linkAddress, matchLinks } from './article-links';
import type { ReadabilityArticle } from './readability';

/**
 * Readability's parse away from the page (issue 10): on a long article it is the page's longest task, one call
 * that cannot be split. As Firefox's Reader View does, the page serialises its document once and the parse runs on
 * that string in a worker, with Readability's own JSDOMParser; the page then maps the article's links back to its
 * live ones. Whatever cannot be trusted (a parse that failed, links that do not match) is parsed in the page.
 */

/** A page larger than this, serialised, is parsed in the page: copying it around would cost more than it saves. */
export const MAX_SOURCE_CHARS = 20_000_000;

/** What the page hands over for a parse elsewhere, or why it does not. */
export type PageSource =
  | { kind: 'source'; html: string; url: string }
  /** isProbablyReaderable said no: there is nothing for Readability to parse. */
  | { kind: 'not-article' }
  | { kind: 'too-big'; chars: number };

/** An article link as the worker saw it: its position in the serialised copy's link list, its address and text. */
export interface SourceLink extends LinkSignature {
  index: number;
}

/** readArticleSteps' answer, read from the serialised page: its links still to be placed in the live page. */
export interface SourceArticle extends Omit<ReadabilityArticle, 'linkIndexes'> {
  links: SourceLink[];
  /** How many links the serialised copy had: the live page has as many unless it changed since. */
  linkCount: number;
}

/**
 * The page's document for the worker. XML serialisation, as Firefox's Reader View uses: JSDOMParser reads only
 * well-formed markup (every element closed, `<` escaped even in scripts), which outerHTML does not promise.
 */
export function pageSource(doc: Document, maxChars = MAX_SOURCE_CHARS): PageSource {
  if (!doc.body || !isProbablyReaderable(doc)) return { kind: 'not-article' };
  const Serializer = doc.defaultView?.XMLSerializer ?? globalThis.XMLSerializer;
  const html = new Serializer().serializeToString(doc);
  if (html.length > maxChars) return { kind: 'too-big', chars: html.length };
  return { kind: 'source', html, url: doc.URL };
}

/**
 * The worker's article with its links as positions in the live page's link list: the same positions when the
 * live link there has the address the worker saw, else matched by address and text. Null when some article link
 * is not on the page any more (it changed since it was serialised): the page then parses itself.
 */
export function placeSourceArticle(
  source: SourceArticle,
  liveLinks: readonly Element[],
  baseUrl: string,
): ReadabilityArticle | null {
  const { links, linkCount, ...fields } = source;
  const same =
    linkCount === liveLinks.length &&
    links.every(({ index, address }) => {
      const live = liveLinks[index];
      return live !== undefined && linkAddress(live, baseUrl) === address;
    });
  if (same) return { ...fields, linkIndexes: links.map(({ index }) => index) };
  const matched = matchLinks(links, liveLinks, baseUrl);
  if (matched.some((index) => index === null)) return null;
  return { ...fields, linkIndexes: matched.filter((index) => index !== null) };
}
