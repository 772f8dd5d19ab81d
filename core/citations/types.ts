/** external: another registrable domain. same-site: the article's own site. */
export type CitationRelation = 'external' | 'same-site';

export type CitationKind = 'news' | 'government' | 'academic' | 'social' | 'archive' | 'document' | 'other';

/** One place in the article where a citation's URL is linked. */
export interface CitationOccurrence {
  /** Position among all citation occurrences in the article, 0-based, in reading order. */
  order: number;
  anchorText: string;
  /** The sentence of the article that contains the link, whitespace-normalised. */
  sentence: string;
  /**
   * Index of the link among the live page's `a[href], area[href]` elements in document order,
   * so the content script can find it again to scroll to and highlight it.
   */
  linkIndex: number;
}

export interface Citation {
  /** Absolute URL as the article links it (resolved against the document base URL). */
  url: string;
  /** Host name without a leading `www.`, for display. */
  domain: string;
  /** Registrable domain (eTLD+1) from `tldts`, or the host for IPs and unknown suffixes. */
  registrableDomain: string;
  relation: CitationRelation;
  kind: CitationKind;
  /** Every place the URL is linked; the first one gives the citation its order. */
  occurrences: CitationOccurrence[];
  /** Quoted passages (text in quotation marks) of the paragraphs the link appears in. */
  quotes: string[];
  /** One of its links was on the reader's screen when the page was read: checked first. */
  onScreen?: true;
}

/** The article and what it cites, as the content script hands it to the panel. */
export interface CaptureResult {
  article: import('../capture/types').CapturedArticle;
  /** In article order. Same-page (fragment-only) links and page furniture are never here. */
  citations: Citation[];
  /** `article` when Readability found one; `main-content` is the fallback list of links. */
  source: 'article' | 'main-content';
  /** ISO timestamp. */
  capturedAt: string;
  /** Present when the page had more links than Cited reads: only the first `read` (in reading order) were. */
  linkLimit?: { links: number; read: number };
}
