import { changeEvidence } from './change-lines';
import { quoteEvidence } from './quote-lines';
import type { CitedReport } from './types';

/**
 * The report as CSV (RFC 4180): one row per citation, a header row, CRLF line ends, every field quoted when it
 * holds a comma, a quote, CR or LF (quotes doubled). Several occurrences of one citation are joined with a line
 * break inside the field, and so are a citation's quotations, their verdicts and their evidence (one line each),
 * and a change since cited's evidence (its line, the archived copy, each changed passage).
 *
 * Cells that a spreadsheet would run as a formula (starting with = + - @, a tab or CR) get a leading apostrophe:
 * anchor texts and sentences come from web pages, and a report must be safe to open.
 */
export const CSV_COLUMNS = [
  'number',
  'url',
  'domain',
  'relation',
  'kind',
  'anchor_text',
  'sentence',
  'status',
  'reason',
  'http_status',
  'final_url',
  'checked_at',
  'archive_before_publication_url',
  'archive_before_publication_date',
  'archive_most_recent_url',
  'archive_most_recent_date',
  'quotes',
  'quote_statuses',
  'quote_evidence',
  'change_status',
  'change_evidence',
] as const;

export function csvField(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function reportToCsv(report: CitedReport): string {
  const rows = report.citations.map((citation) => [
    citation.number,
    citation.url,
    citation.domain,
    citation.relation,
    citation.kind,
    citation.occurrences.map((occurrence) => occurrence.anchorText).join('\n'),
    citation.occurrences.map((occurrence) => occurrence.sentence).join('\n'),
    citation.status,
    citation.reason,
    citation.evidence?.httpStatus ?? null,
    citation.evidence?.finalUrl ?? null,
    citation.evidence?.checkedAt ?? null,
    citation.archive?.beforePublication?.url ?? null,
    citation.archive?.beforePublication?.date ?? null,
    citation.archive?.mostRecent?.url ?? null,
    citation.archive?.mostRecent?.date ?? null,
    citation.quotes.join('\n'),
    citation.quoteCheck?.verdicts.map((verdict) => verdict.status).join('\n') ?? null,
    citation.quoteCheck?.verdicts.map(quoteEvidence).join('\n') ?? null,
    citation.change?.status ?? null,
    citation.change ? changeEvidence(citation.change).join('\n') : null,
  ]);
  return [[...CSV_COLUMNS], ...rows].map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}
