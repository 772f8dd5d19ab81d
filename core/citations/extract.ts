import { runSteps, type Steps } from '../capture/steps';
import { normalizeWhitespace } from '../capture/text';
import { registrableDomain } from '../url/registrable-domain';
import { displayDomain, resolveHttpUrl, withoutFragment } from '../url/web-address';
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
import { WikiReferences } from './notes/mediawiki-reference';
import { noteText, PageNotes } from './notes/page-notes';
import { type Paragraph, ParagraphIndex } from './paragraph';
import { ParagraphFacts } from './paragraph-facts';
import { PageRelation } from './relation';
import { PageSections } from './sections';
import { sentenceAround } from './sentence';
import type { Citation, CitationOccurrence, SiteLink } from './types';
import { isMediaWiki, WikiSite } from './wiki-site';

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

export interface ArticleSources {
  citations: Citation[];
  /** A wiki's links to its own pages, apart from the sources (empty on any other site). */
  siteLinks: SiteLink[];
}

export function extractCitations(scope: CitationScope): Citation[] {
  return extractSources(scope).citations;
}

/**
 * Links (and then citations) read per step when the sources are read in steps (`sourceSteps`). A page's first
 * capture runs cold (its code not yet compiled): there 100 links take some 10-15 ms on a busy machine.
 */
export const LINKS_PER_STEP = 100;

/**
 * Turns the article's links into citations: one pass over the candidate links, each paragraph
 * measured, segmented and searched for quotes at most once.
 */
export function extractSources(scope: CitationScope): ArticleSources {
  return runSteps(sourceSteps(scope));
}

/** extractSources with a stop after every LINKS_PER_STEP links, and every LINKS_PER_STEP citations' quotes. */
export function* sourceSteps(scope: CitationScope): Steps<ArticleSources> {
  const { doc, links } = scope;
  const baseUrl = doc.baseURI;
  const page = new PageRelation(doc.URL, scope.canonicalUrl);
  const kindContext: KindContext = { pageRegistrableDomain: page.site, pageIsNews: scope.pageIsNews };
  const articleRoot =
    scope.articleRoot !== undefined ? scope.articleRoot : commonAncestor(linksAt(links, scope.candidates));
  const containers = new FurnitureContainers(articleRoot);
  const paragraphs = new ParagraphIndex();
  const facts = new ParagraphFacts(scope.lang);
  // Building ICU's sentence breaker is one native call of tens of milliseconds on a page's first capture: a step
  // of its own, not added to the first links'.
  yield;

  const sections = new PageSections(articleRoot ?? doc);
  const wiki = isMediaWiki(doc, articleRoot) ? new WikiSite(doc.URL) : null;
  const siteLinks = new Map<string, SiteLink>();
  let positions: Map<Element, number> | null = null;
  const positionOf = (link: Element): number => {
    positions ??= new Map(links.map((live, index) => [live, index]));
    return positions.get(link) ?? -1;
  };
  const references = wiki ? new WikiReferences(doc.baseURI, positionOf) : null;
  const notes = new PageNotes(
    doc,
    page,
    (link, url) =>
      !isShareUrl(url) &&
      !hasFurnitureRel(link) &&
      !wiki?.isOwnPage(url) &&
      !references?.givesBeside(link, url),
  );

  const byKey = new Map<string, { citation: Citation; paragraphs: Set<Paragraph> }>();
  let order = 0;

  const add = (url: URL, occurrence: CitationOccurrence, paragraph: Paragraph, link: Element): Citation => {
    const key = withoutFragment(url);
    const existing = byKey.get(key);
    if (existing) {
      existing.citation.occurrences.push(occurrence);
      existing.paragraphs.add(paragraph);
      const reference = existing.citation.reference ? undefined : references?.about(link, url);
      if (reference) existing.citation.reference = reference;
      return existing.citation;
    }
    const relation = page.relationOf(url);
    const section = sections.of(link);
    const citation: Citation = {
      url: url.href,
      domain: displayDomain(url),
      registrableDomain: registrableDomain(url.hostname),
      relation,
      kind: citationKind(url, kindContext),
      occurrences: [occurrence],
      quotes: [],
      ...(section ? { section } : {}),
    };
    const reference = references?.about(link, url);
    if (reference) citation.reference = reference;
    byKey.set(key, { citation, paragraphs: new Set([paragraph]) });
    return citation;
  };

  /** A note marker in the text: each source its note gives is cited in the marker's sentence. */
  const addMarker = (marker: Element, markerUrl: URL, linkIndex: number, note: Element) => {
    const sources = notes.sourcesOf(note);
    if (sources.length === 0) return;
    const paragraph = paragraphs.of(marker);
    const span = paragraph.links.get(marker);
    if (!span) return;
    const anchorText = normalizeWhitespace(paragraph.text.slice(span.start, span.end));
    const sentence = sentenceAround(paragraph.text, facts.sentenceRanges(paragraph), span.start, span.end);
    for (const { link, url, entry } of sources) {
      const known = byKey.get(withoutFragment(url))?.citation;
      // A note that links one source twice (its title and "the original") marks it once per marker.
      if (known?.occurrences.at(-1)?.linkIndex === linkIndex) continue;
      const occurrence = { order: order++, anchorText, sentence, linkIndex, noteRef: markerUrl.href };
      const citation = add(url, occurrence, paragraph, link);
      if (!known && !citation.section) citation.section = 'notes';
      const given = positionOf(link);
      if (given === -1 || citation.notes?.some((n) => n.linkIndex === given)) continue;
      const note = { linkIndex: given, text: noteText(entry) };
      if (citation.notes) citation.notes.push(note);
      else citation.notes = [note];
    }
  };

  for (const [read, linkIndex] of scope.candidates.entries()) {
    if (read > 0 && read % LINKS_PER_STEP === 0) yield;
    const link = links[linkIndex];
    if (!link) continue;
    const href = link.getAttribute('href');
    const url = resolveHttpUrl(href, baseUrl);
    if (!url || href === null) continue;
    if (page.isSamePage(href, url)) {
      const note = notes.markedNote(link, url);
      if (note) addMarker(link, url, linkIndex, note);
      continue;
    }
    if (notes.isGiven(link) || references?.givesBeside(link, url)) continue;
    if (isShareUrl(url) || hasFurnitureRel(link)) continue;
    const relation = page.relationOf(url);
    // "8 Comments" on the site's own posts is furniture; a comment on another site can be a source.
    if (relation === 'same-site' && isCommentsLink(url)) continue;
    if (containers.contains(link)) continue;
    if (wiki?.isOwnPage(url)) {
      const key = withoutFragment(url);
      if (!siteLinks.has(key)) siteLinks.set(key, { url: url.href, anchorText: textOf(link), linkIndex });
      continue;
    }

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

    const sentence = sentenceAround(paragraph.text, facts.sentenceRanges(paragraph), span.start, span.end);
    add(url, { order: order++, anchorText, sentence, linkIndex }, paragraph, link);
  }

  const citations: Citation[] = [];
  for (const { citation, paragraphs: cited } of byKey.values()) {
    if (citations.length > 0 && citations.length % LINKS_PER_STEP === 0) yield;
    for (const paragraph of cited) {
      for (const quote of facts.quotesOf(paragraph)) {
        if (!citation.quotes.includes(quote)) citation.quotes.push(quote);
      }
    }
    citations.push(citation);
  }
  return { citations, siteLinks: [...siteLinks.values()] };
}

function textOf(link: Element): string {
  return normalizeWhitespace(link.textContent ?? '');
}

const PICTURES = new Set(['img', 'picture', 'svg']);

/** A selector query per link costs more than walking the few elements a link holds. */
function hasPicture(el: Element): boolean {
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
    if (PICTURES.has(child.localName) || hasPicture(child)) return true;
  }
  return false;
}
