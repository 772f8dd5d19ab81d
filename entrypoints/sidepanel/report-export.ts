import { browser } from 'wxt/browser';
import type { ReportFormat } from '../../components/ReportActions';
import { reportFileName } from '../../components/report-file-name';
import type { ArchiveLookup } from '../../core/archive/types';
import type { CaptureResult } from '../../core/citations/types';
import type { CheckResult } from '../../core/linkcheck/types';
import type { SourceQuoteCheck } from '../../core/quote-check/source-check';
import {
  buildReport,
  type CitedReport,
  reportToCsv,
  reportToJson,
  reportToMarkdown,
} from '../../core/report';
import type { SourceChange } from '../../core/source-change/types';
import { downloadBlob } from '../../utils/download';
import { archiveOf, type KnownChecks, keyOf } from './check-state';
import { copyText } from './clipboard';

/** The link verdicts and archive lookups the panel holds, each under its citation's own URL. */
export function panelLinkFacts(
  capture: CaptureResult,
  known: KnownChecks,
): { results: CheckResult[]; archives: ArchiveLookup[] } {
  const publishedTime = capture.article.metadata.publishedTime;
  const results: CheckResult[] = [];
  const archives: ArchiveLookup[] = [];
  for (const citation of capture.citations) {
    const result = known.states.get(keyOf(citation.url))?.result;
    if (result) results.push({ ...result, url: citation.url });
    const lookup = archiveOf(known, citation, publishedTime)?.lookup;
    if (lookup) archives.push({ ...lookup, url: citation.url });
  }
  return { results, archives };
}

/**
 * The report of what the panel shows now: every citation, its verdict and evidence, its archived copies, and the
 * quote checks and comparisons with archived copies made so far.
 */
export function panelReport(
  capture: CaptureResult,
  known: KnownChecks,
  now = new Date(),
  quoteChecks: readonly SourceQuoteCheck[] = [],
  changes: readonly SourceChange[] = [],
): CitedReport {
  const { results, archives } = panelLinkFacts(capture, known);
  return buildReport({
    capture,
    results,
    archives,
    quoteChecks,
    changes,
    generatedAt: now.toISOString(),
    generatorVersion: manifestVersion(),
  });
}

function manifestVersion(): string | undefined {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    return undefined;
  }
}

export async function copyReportMarkdown(report: CitedReport): Promise<void> {
  await copyText(reportToMarkdown(report));
}

/** Saves the report through the browser's own download. Returns the file name. */
export function downloadReport(report: CitedReport, format: ReportFormat): string {
  const text = format === 'json' ? reportToJson(report) : reportToCsv(report);
  const type = format === 'json' ? 'application/json' : 'text/csv';
  const name = reportFileName(
    { title: report.article.title, url: report.article.url },
    new Date(report.generatedAt),
    format,
  );
  downloadBlob(new Blob([text], { type: `${type};charset=utf-8` }), name);
  return name;
}
