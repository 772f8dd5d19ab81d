import type { ArchiveLookup } from '../archive/types';
import type { CitationKind, CitationRelation } from '../citations/types';
import type { CheckEvidence, LinkStatus } from '../linkcheck/types';
import type { SourceQuoteCheck } from '../quote-check/source-check';
import type { QuoteStatus } from '../quote-check/types';
import type { ChangeStatus, SourceChange } from '../source-change/types';
import type { WatchReport } from './watch';

/** The report's JSON form. Documented in the README ("Report format"); bump `version` on any breaking change. */
export const REPORT_SCHEMA = 'cited.report';
export const REPORT_VERSION = 1;

/** A verdict, or `not-checked` when the report was made before (or without) checking that citation. */
export type ReportStatus = LinkStatus | 'not-checked';

export interface ReportArticle {
  url: string;
  canonicalUrl: string | null;
  title: string;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  modifiedTime: string | null;
  lang: string | null;
  wordCount: number;
  /** False when no article was found and the citations are the links of the page's main content. */
  isArticle: boolean;
  capturedAt: string;
}

export interface ReportOccurrence {
  anchorText: string;
  sentence: string;
}

export interface ReportCitation {
  /** 1-based position in the article. */
  number: number;
  url: string;
  domain: string;
  relation: CitationRelation;
  kind: CitationKind;
  occurrences: ReportOccurrence[];
  quotes: string[];
  status: ReportStatus;
  reason: string | null;
  evidence: CheckEvidence | null;
  archive: ArchiveLookup | null;
  /** Each quotation looked for in the cited page, with its verdict and evidence; null when none was checked. */
  quoteCheck: SourceQuoteCheck | null;
  /** The cited page compared with its archived copy from before it was cited; null when it was not compared. */
  change: SourceChange | null;
}

export interface CitedReport {
  schema: typeof REPORT_SCHEMA;
  version: typeof REPORT_VERSION;
  generatedAt: string;
  generator: { name: 'Cited'; version: string };
  article: ReportArticle;
  summary: {
    citations: number;
    /** Citations that no longer stand: dead or soft-404. */
    broken: number;
    byStatus: Record<ReportStatus, number>;
    /** Quotations checked against their sources, by verdict. */
    quotes: Record<QuoteStatus, number>;
    /** Sources compared with their archived copy from before they were cited, by verdict. */
    changes: Record<ChangeStatus, number>;
  };
  citations: ReportCitation[];
  /** Only in a watched run (`npm run check -- … --state FILE`): what changed since the previous run. */
  watch?: WatchReport;
}
