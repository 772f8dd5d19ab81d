/** What a reader expects to know about the page they are reading. */
export interface ArticleMetadata {
  /** The page's address at capture time (what the reader's address bar showed). */
  url: string;
  /** `<link rel=canonical>` or `og:url`, resolved, when the page declares one. */
  canonicalUrl: string | null;
  title: string;
  byline: string | null;
  siteName: string | null;
  /** ISO 8601: a full timestamp when the page gives one, else `YYYY-MM-DD`. */
  publishedTime: string | null;
  modifiedTime: string | null;
  /** BCP 47 tag from `<html lang>`, `og:locale` or JSON-LD `inLanguage`. */
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  excerpt: string | null;
  wordCount: number;
}

export interface CapturedArticle {
  metadata: ArticleMetadata;
  /**
   * True when Readability found an article. When false, `contentHtml` is null and the
   * citations are the links of the page's main content instead.
   */
  isArticle: boolean;
  /**
   * Readability's cleaned article HTML (the reader view). NOT sanitised: Readability keeps event-handler
   * attributes and some URL schemes, so whatever renders it must sanitise it first (core/snapshot's
   * buildReaderView does, with DOMPurify). Sanitising once, where it is shown, keeps capture cheap.
   */
  contentHtml: string | null;
  /** Plain text of the article (or of the main content when there is no article). */
  textContent: string;
}
