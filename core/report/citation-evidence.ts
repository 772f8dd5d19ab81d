import type { ArchivedCopy } from '../archive/types';
import { isBrokenStatus } from '../linkcheck/types';
import type { DiffersQuote, QuoteVerdict } from '../quote-check/types';
import { CHANGE_LABELS, changedPassages } from './change-lines';
import { STATUS_LABELS } from './markdown';
import { labelWords, quoteWords } from './quote-labels';
import { changedWords, quoteEvidence, showInSource, where } from './quote-lines';
import type { CitedReport, ReportCitation } from './types';

/**
 * What Cited knows about one cited source, as a paragraph a journalist pastes into a correction request: the
 * article, the citation, the link's verdict, each quotation's verdict with the source's words, the change since
 * it was cited, and the archived copy to cite instead when the source no longer stands. Plain text, every
 * verdict with its date, no symbols a mail client might mangle.
 */
export function citationEvidence(report: CitedReport, url: string): string {
  const citation = report.citations.find((one) => one.url === url);
  if (!citation) throw new Error(`The report has no citation of ${url}.`);
  const sections = [
    [`Evidence gathered by Cited on ${moment(report.generatedAt)}.`],
    articleLines(report),
    citationLines(report, citation),
    linkLines(citation),
    ...(citation.quoteCheck?.verdicts.map((verdict, index) => quoteLines(citation, verdict, index)) ?? []),
    changeLines(citation),
    insteadLines(citation),
  ];
  return `${sections
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.join('\n'))
    .join('\n\n')}\n`;
}

/** An ISO moment as "2026-05-01 10:00 UTC": one zone for every reader of the request. */
function moment(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The day an article or archive gives, as it gives it (an article's own date is not moved to UTC). */
function day(iso: string): string {
  return iso.slice(0, 10);
}

function articleLines({ article }: CitedReport): string[] {
  const by = [article.byline, article.siteName].filter((fact): fact is string => Boolean(fact));
  return [
    `Article: “${article.title || article.url}”${by.length > 0 ? ` (${by.join(', ')})` : ''}`,
    `Address: ${article.canonicalUrl ?? article.url}`,
    `Published: ${article.publishedTime ? day(article.publishedTime) : 'no date given'}`,
  ];
}

function citationLines(report: CitedReport, citation: ReportCitation): string[] {
  const [first, ...others] = citation.occurrences;
  const lines = [`Citation ${citation.number} of ${report.citations.length}: ${citation.url}`];
  if (first) {
    lines.push(
      `Linked from the words “${first.anchorText.trim()}”, in the sentence: “${first.sentence.trim()}”`,
    );
  }
  if (others.length > 0) lines.push(`The article links it ${citation.occurrences.length} times.`);
  return lines;
}

function linkLines(citation: ReportCitation): string[] {
  const { evidence } = citation;
  if (citation.status === 'not-checked' || !evidence) return ['Link check: not checked yet.'];
  const http = evidence.httpStatus !== undefined ? ` (HTTP ${evidence.httpStatus})` : '';
  const lines = [
    `Link check, ${moment(evidence.checkedAt)}: ${labelWords(STATUS_LABELS[citation.status])}${http}. ${citation.reason ?? ''}`.trim(),
  ];
  const cited = citation.url.split('#')[0];
  if (evidence.finalUrl && evidence.finalUrl !== cited) {
    lines.push(`Final address after redirects: ${evidence.finalUrl}`);
  }
  return lines;
}

function quoteLines(citation: ReportCitation, verdict: QuoteVerdict, index: number): string[] {
  const check = citation.quoteCheck;
  const lines = [
    `Quotation ${index + 1}: “${verdict.quote}”`,
    `Verdict, ${check ? moment(check.checkedAt) : 'undated'}: ${quoteWords(verdict.status)}.`,
  ];
  switch (verdict.status) {
    case 'differs':
      lines.push(...differsLines(verdict, 'The source says'));
      break;
    case 'archived-only':
      lines.push(
        verdict.archived.status === 'differs'
          ? 'The live page no longer has it; its archived copy has it with changes:'
          : quoteEvidence(verdict),
        ...(verdict.archived.status === 'differs'
          ? differsLines(verdict.archived, 'The archived copy says')
          : []),
        `Archived copy${dated(copyDate(citation, verdict.archivedUrl))}: ${verdict.archivedUrl}`,
      );
      break;
    case 'not-found':
      lines.push(quoteEvidence(verdict));
      if (check?.note) lines.push(check.note);
      // A paragraph's quotations go to each of its links: one the source was read for and lacks may be another's.
      else if (
        check?.verdicts.some((other) => other.status !== 'not-found' && other.status !== 'not-checkable')
      )
        lines.push('Its paragraph cites more than this source: the quotation may be from another of them.');
      break;
    default:
      lines.push(quoteEvidence(verdict));
  }
  const deepLink = showInSource(verdict);
  if (deepLink) lines.push(`Show in source: ${deepLink}`);
  return lines;
}

/** Both wordings in full, so the reader of the request needs no diff marks to see the change. */
function differsLines(verdict: DiffersQuote, says: string): string[] {
  return [
    `Quoted: “${verdict.quote}”`,
    `${says}: “${verdict.passage.text}” (${where(verdict.passage)}).`,
    `Changed words, quoted → source: ${changedWords(verdict.changes)}.`,
  ];
}

function changeLines(citation: ReportCitation): string[] {
  const { change } = citation;
  if (!change) return [];
  const before = change.copy.citedAtIs === 'access-date' ? 'the reference’s access date' : 'publication';
  const passages = changedPassages(change);
  return [
    `Changed since cited, compared ${moment(change.checkedAt)}: ${labelWords(CHANGE_LABELS[change.status])}. ${change.summary}`,
    `Archived copy of ${day(change.copy.date)}, the last before ${before} (${day(change.copy.citedAt)}): ${change.copy.url}`,
    ...(change.liveUrl && change.liveUrl !== change.url
      ? [`The live address now leads to ${change.liveUrl}`]
      : []),
    ...(passages.length > 0 ? ['Changed passages, marked [-as archived-]{+as now+}:', ...passages] : []),
  ];
}

/** For a source that no longer stands (dead, a soft 404, gone or replaced): the archived copy to cite instead. */
function insteadLines(citation: ReportCitation): string[] {
  const gone =
    isBrokenStatus(citation.status) ||
    citation.change?.status === 'gone' ||
    citation.change?.status === 'replaced';
  if (!gone) return [];
  const copy = citation.change?.copy ?? citation.archive?.beforePublication ?? citation.archive?.mostRecent;
  if (copy) return [`Archived copy to cite instead, captured ${day(copy.date)}: ${copy.url}`];
  const archived = citation.quoteCheck?.archivedUrl;
  if (archived) return [`Archived copy to cite instead${dated(copyDate(citation, archived))}: ${archived}`];
  if (citation.archive?.error) return [`No archived copy to cite instead: ${citation.archive.error.message}`];
  return citation.archive
    ? ['No archived copy to cite instead: the archive has none.']
    : ['No archived copy to cite instead: the archive was not asked.'];
}

function dated(date: string | null): string {
  return date ? `, captured ${date}` : '';
}

/** When an archived copy was captured: from the archive's answer, else from its Wayback replay address. */
function copyDate(citation: ReportCitation, url: string): string | null {
  const copies: (ArchivedCopy | { url: string; date: string } | null | undefined)[] = [
    citation.archive?.beforePublication,
    citation.archive?.mostRecent,
    citation.change?.copy,
  ];
  const known = copies.find((copy) => copy?.url === url);
  if (known) return day(known.date);
  const stamp = /\/web\/(\d{4})(\d{2})(\d{2})\d*(?:[a-z]{2}_)?\//.exec(url);
  return stamp ? `${stamp[1]}-${stamp[2]}-${stamp[3]}` : null;
}
