import JSDOMParser from '@mozilla/readability/JSDOMParser.js';
import { ArticleLinkMap, linkSignature } from './article-links';
import type { SourceArticle, SourceLink } from './page-source';
import { articleFields, runReadability } from './readability';

// The worker's half of page-source.ts, apart so that the content script does not carry JSDOMParser.

/**
 * Readability on the serialised page, in plain JS (a worker, or Node). Null when Readability finds no article;
 * throws when the markup cannot be read faithfully, so that the page parses itself instead.
 */
export function readArticleSource(html: string, url: string): SourceArticle | null {
  const parser = new JSDOMParser();
  // It logs each fault to the console; the fault is reported once, below.
  parser.error = (message) => {
    parser.errorState += `${message}\n`;
  };
  const doc = parser.parse(html, url);
  if (parser.errorState) throw new Error(`The page's markup could not be read: ${parser.errorState.trim()}`);
  if (!doc.documentElement || !doc.body) throw new Error('The page has no body to read.');
  emptyTemplates(doc);
  const baseUrl = doc.baseURI;
  const links = sourceLinks(doc);
  // Before the parse, which rewrites addresses and moves links.
  const signatures = links.map((link) => linkSignature(link, baseUrl));
  const linkMap = new ArticleLinkMap(doc, links, baseUrl, sourceLinks);
  const read = runReadability(doc);
  if (!read) return null;
  const articleLinks: SourceLink[] = [];
  for (const index of linkMap.indexesOf(read.article)) {
    const signature = signatures[index];
    if (signature) articleLinks.push({ index, ...signature });
  }
  return { ...articleFields(read), links: articleLinks, linkCount: links.length };
}

/**
 * XMLSerializer writes out a <template>'s content, which the live page keeps apart (no links of it are listed, no
 * text of it is read): the worker's copy drops it too.
 */
function emptyTemplates(doc: Document): void {
  for (const template of doc.getElementsByTagName('template')) {
    while (template.firstChild) template.removeChild(template.firstChild);
  }
}

/**
 * listLinks for JSDOMParser, which has no selectors: `a[href], area[href]` in document order (its
 * getElementsByTagName walks the tree depth first, as querySelectorAll does).
 */
function sourceLinks(root: Document | Element): Element[] {
  return Array.from(root.getElementsByTagName('*')).filter(
    (element) => (element.localName === 'a' || element.localName === 'area') && element.hasAttribute('href'),
  );
}
