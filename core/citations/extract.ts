import { normalizeWhitespace } from '../capture/text';
import { displayDomain, registrableDomain, resolveHttpUrl, withoutFragment } from '../url/web-address';
import { commonAncestor } from './common-ancestor';
import {
  FurnitureContainers,
  hasFurnitureRel,
  isArchivePagePath,
  isCommentsLink,
  isShareUrl,
  startsWithPromotionLabel,
} from './furniture';
import { citationKind, type KindContext } from './kind';
import { linksAt } from './link-index';
import { type Paragraph, ParagraphIndex } from './paragraph';
import { ParagraphFacts } from './paragraph-facts';
import { PageRelation } from './relation';
import { sentenceAround } from './sentence';
import type { Citation } from './types';

export interface CitationScope {
  doc: Document;
  /** The live page's links (`listLinks(doc)`): positions in this list are the `linkIndex`es. */
  links: readonly Element[];
  /** Indexes into `links` of the links of the article (or main content), in reading order. */
  candidates: readonly number[];
  /** Declared canonical address: links to it are links to this page. */
  canonicalUrl: string | null;
  lang: string | null;
  /** The page belongs to a news site, so same-site links are news too. */
  pageIsNews: boolean;
  /** `commonAncestor` of the candidate links, when the caller has it already. */
  articleRoot?: Element | null;
}

const IMAGE_FILE = /\.(?:jpe?g|png|gif|webp|avif|svg|bmp|tiff?)$/i;

/**
 * Turns the article's links into citations: one pass over the candidate links, each paragraph
 * measured, segmented and searched for quotes at most once.
 */
export function extractCitations(scope: CitationScope): Citation[] {
  const { doc, links } = scope;
  const baseUrl = doc.baseURI;
  const page = new PageRelation(doc.URL, scope.canonicalUrl);
  const kindContext: KindContext = { pageRegistrableDomain: page.site, pageIsNews: scope.pageIsNews };
  const articleRoot =
    scope.articleRoot !== undefined ? scope.articleRoot : commonAncestor(linksAt(links, scope.candidates));
  const containers = new FurnitureContainers(articleRoot);
  const paragraphs = new ParagraphIndex();
  const facts = new ParagraphFacts(scope.lang);

  const byKey = new Map<string, { citation: Citation; paragraphs: Set<Paragraph> }>();
  let order = 0;

  for (const linkIndex of scope.candidates) {
    const link = links[linkIndex];
    if (!link) continue;
    const href = link.getAttribute('href');
    const url = resolveHttpUrl(href, baseUrl);
    if (!url || href === null) continue;
    if (page.isSamePage(href, url)) continue;
    if (isShareUrl(url) || hasFurnitureRel(link)) continue;
    const relation = page.relationOf(url);
    // "8 Comments" on the site's own posts is furniture; a comment on another site can be a source.
    if (relation === 'same-site' && isCommentsLink(url)) continue;
    if (containers.contains(link)) continue;

    const paragraph = paragraphs.of(link);
    const span = paragraph.links.get(link);
    // Not in its own paragraph's visible text: inside <noscript> or similar, a reader never sees it.
    if (!span) continue;
    const anchorText = normalizeWhitespace(paragraph.text.slice(span.start, span.end));
    if (anchorText === '' && !hasPicture(link)) continue;
    if (anchorText === '' && IMAGE_FILE.test(url.pathname)) continue; // a zoom link on a photo

    const navigational =
      isArchivePagePath(url) || (relation === 'same-site' && startsWithPromotionLabel(paragraph.text));
    if (navigational && !facts.isProse(paragraph)) continue;

    const occurrence = {
      order: order++,
      anchorText,
      sentence: sentenceAround(paragraph.text, facts.sentenceRanges(paragraph), span.start, span.end),
      linkIndex,
    };
    const key = withoutFragment(url);
    const existing = byKey.get(key);
    if (existing) {
      existing.citation.occurrences.push(occurrence);
      existing.paragraphs.add(paragraph);
      continue;
    }
    byKey.set(key, {
      citation: {
        url: url.href,
        domain: displayDomain(url),
        registrableDomain: registrableDomain(url.hostname),
        relation,
        kind: citationKind(url, kindContext),
        occurrences: [occurrence],
        quotes: [],
      },
      paragraphs: new Set([paragraph]),
    });
  }

  const citations: Citation[] = [];
  for (const { citation, paragraphs: cited } of byKey.values()) {
    for (const paragraph of cited) {
      for (const quote of facts.quotesOf(paragraph)) {
        if (!citation.quotes.includes(quote)) citation.quotes.push(quote);
      }
    }
    citations.push(citation);
  }
  return citations;
}

const PICTURES = new Set(['img', 'picture', 'svg']);

/** A selector query per link costs more than walking the few elements a link holds. */
function hasPicture(el: Element): boolean {
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
    if (PICTURES.has(child.localName) || hasPicture(child)) return true;
  }
  return false;
}
