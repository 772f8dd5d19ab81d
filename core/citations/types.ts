/** external: another registrable domain. same-site: the article's own site. */
export type CitationRelation = 'external' | 'same-site';

export type CitationKind = 'news' | 'government' | 'academic' | 'social' | 'archive' | 'document' | 'other';

/**
 * Where in the article a source is given. Absent: in the running text. `notes`: in a footnote or a
 * reference list the text's note markers point to. `external-links` / `further-reading`: listed under
 * such a heading, apart from what the text cites.
 */
export type CitationSection = 'notes' | 'external-links' | 'further-reading';

/** A note (or bibliography entry) of the page that gives a source. */
export interface CitationNote {
  /** Position of the source's own link inside the note among the live page's links: scrolling to it reaches the note. */
  linkIndex: number;
  /** The note's text, whitespace-normalised. */
  text: string;
}

/** A DOI, ISBN or PMID a reference gives, with the resolver link it gives for it (null when it gives none). */
export interface ReferenceIdentifier {
  scheme: 'doi' | 'isbn' | 'pmid';
  id: string;
  url: string | null;
  /** Position of that link among the live page's links, when the page has it: the row's details scroll to it. */
  linkIndex?: number;
}

/** What a reference itself says about its source (a MediaWiki citation: title, work, dates, archived copy). */
export interface CitationReference {
  title?: string;
  /** The newspaper, website or journal it appeared in. */
  work?: string;
  publisher?: string;
  /** The source's date as the reference prints it. */
  date?: string;
  /** YYYY-MM-DD: when the editor read it ("Retrieved …"). */
  accessDate?: string;
  /**
   * The archived copy the reference gives, when it was archived (YYYY-MM-DD), and the position of its link among
   * the live page's links (the row's details scroll to it).
   */
  archive?: { url: string; date?: string; linkIndex?: number };
  /** The reference marks its original address as dead: its title leads to the archived copy. */
  originalDead?: boolean;
  identifiers?: ReferenceIdentifier[];
}

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
  /**
   * When the occurrence is a note's marker: where the marker's link points (the note, in this page), as the
   * link at `linkIndex` is the marker, not a link to the source.
   */
  noteRef?: string;
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
  /** Absent for a source given in the running text. */
  section?: CitationSection;
  /**
   * For a source given in notes: the notes that give it. Its occurrences are then the note markers in the
   * text (a note marked three times gives three), each with the sentence that carries it.
   */
  notes?: CitationNote[];
  /** What the reference that gives this source says about it (MediaWiki citations). */
  reference?: CitationReference;
}

/** A wiki's link to one of its own pages: listed apart from the sources, never checked. */
export interface SiteLink {
  url: string;
  anchorText: string;
  /** Its first place among the live page's links. */
  linkIndex: number;
}

/** The article and what it cites, as the content script hands it to the panel. */
export interface CaptureResult {
  article: import('../capture/types').CapturedArticle;
  /** In article order. Same-page (fragment-only) links and page furniture are never here. */
  citations: Citation[];
  /**
   * On a wiki (MediaWiki): the article's links to the wiki's own pages, once per address, in reading order.
   * Navigation, not sources: they are not in `citations` and are never checked.
   */
  siteLinks?: SiteLink[];
  /** `article` when Readability found one; `main-content` is the fallback list of links. */
  source: 'article' | 'main-content';
  /** ISO timestamp. */
  capturedAt: string;
  /** Present when the page had more links than Cited reads: only the first `read` (in reading order) were. */
  linkLimit?: { links: number; read: number };
}
