import type { ArchiveLookup } from '../archive/types';
import type { CaptureResult } from '../citations/types';
import { type CheckResult, isBrokenStatus, LINK_STATUSES } from '../linkcheck/types';
import { checkKey } from '../linkcheck/url';
import type { SourceQuoteCheck } from '../quote-check/source-check';
import { QUOTE_STATUSES, type QuoteStatus } from '../quote-check/types';
import { CHANGE_STATUSES, type ChangeStatus, type SourceChange } from '../source-change/types';
import {
  type CitedReport,
  REPORT_SCHEMA,
  REPORT_VERSION,
  type ReportCitation,
  type ReportStatus,
} from './types';

export interface ReportInput {
  capture: CaptureResult;
  /** Verdicts by URL (the citation's URL; a fragment-less form matches too). */
  results: ReadonlyMap<string, CheckResult> | readonly CheckResult[];
  /** Archive lookups by citation URL. */
  archives?: ReadonlyMap<string, ArchiveLookup> | readonly ArchiveLookup[];
  /** Quote checks by citation URL. */
  quoteChecks?: ReadonlyMap<string, SourceQuoteCheck> | readonly SourceQuoteCheck[];
  /** Changes since cited by citation URL. */
  changes?: ReadonlyMap<string, SourceChange> | readonly SourceChange[];
  generatedAt?: string;
  generatorVersion?: string;
}

function byUrl<T extends { url: string }>(
  items: ReadonlyMap<string, T> | readonly T[] | undefined,
): Map<string, T> {
  const map = new Map<string, T>();
  if (!items) return map;
  const entries: [string, T][] = Array.isArray(items)
    ? (items as readonly T[]).map((item) => [item.url, item])
    : [...(items as ReadonlyMap<string, T>)];
  for (const [url, item] of entries) {
    map.set(url, item);
    const key = checkKey(url);
    if (key !== null && !map.has(key)) map.set(key, item);
  }
  return map;
}

function lookup<T>(map: Map<string, T>, url: string): T | undefined {
  return map.get(url) ?? map.get(checkKey(url) ?? url);
}

/** Everything Cited knows about the article's citations, as one versioned object (schema in the README, "Report format"). */
export function buildReport(input: ReportInput): CitedReport {
  const results = byUrl(input.results);
  const archives = byUrl(input.archives);
  const quoteChecks = byUrl(input.quoteChecks);
  const sourceChanges = byUrl(input.changes);
  const changes = Object.fromEntries(CHANGE_STATUSES.map((status) => [status, 0])) as Record<
    ChangeStatus,
    number
  >;
  const quotes = Object.fromEntries(QUOTE_STATUSES.map((status) => [status, 0])) as Record<
    QuoteStatus,
    number
  >;
  const { article, citations } = input.capture;
  const byStatus = Object.fromEntries(
    [...LINK_STATUSES, 'not-checked'].map((status) => [status, 0]),
  ) as Record<ReportStatus, number>;
  const rows: ReportCitation[] = citations.map((citation, index) => {
    const result = lookup(results, citation.url);
    const status: ReportStatus = result?.status ?? 'not-checked';
    byStatus[status]++;
    const quoteCheck = lookup(quoteChecks, citation.url) ?? null;
    for (const verdict of quoteCheck?.verdicts ?? []) quotes[verdict.status]++;
    const change = lookup(sourceChanges, citation.url) ?? null;
    if (change) changes[change.status]++;
    return {
      number: index + 1,
      url: citation.url,
      domain: citation.domain,
      relation: citation.relation,
      kind: citation.kind,
      occurrences: citation.occurrences.map((occurrence) => ({
        anchorText: occurrence.anchorText,
        sentence: occurrence.sentence,
      })),
      quotes: [...citation.quotes],
      status,
      reason: result?.reason ?? null,
      evidence: result?.evidence ?? null,
      archive: lookup(archives, citation.url) ?? null,
      quoteCheck,
      change,
    };
  });
  const { metadata } = article;
  return {
    schema: REPORT_SCHEMA,
    version: REPORT_VERSION,
    generatedAt: input.generatedAt ?? new Date().toISOString(),
    generator: { name: 'Cited', version: input.generatorVersion ?? '0.1.0' },
    article: {
      url: metadata.url,
      canonicalUrl: metadata.canonicalUrl,
      title: metadata.title,
      byline: metadata.byline,
      siteName: metadata.siteName,
      publishedTime: metadata.publishedTime,
      modifiedTime: metadata.modifiedTime,
      lang: metadata.lang,
      wordCount: metadata.wordCount,
      isArticle: article.isArticle,
      capturedAt: input.capture.capturedAt,
    },
    summary: {
      citations: rows.length,
      broken: rows.filter((row) => isBrokenStatus(row.status)).length,
      byStatus,
      quotes,
      changes,
    },
    citations: rows,
  };
}

export function reportToJson(report: CitedReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
