import type { ArchivedCopy } from '../archive/types';
import { LINK_STATUSES } from '../linkcheck/types';
import { CHANGE_LABELS, changeCounts } from './change-lines';
import { QUOTE_LABELS, quoteCounts, quoteEvidence, showInSource } from './quote-lines';
import type { CitedReport, ReportCitation, ReportStatus } from './types';

/** Words (and a symbol that survives plain-text paste) for each status, as the panel shows them. */
export const STATUS_LABELS: Record<ReportStatus, string> = {
  alive: '✅ alive',
  redirected: '↪️ redirected',
  dead: '❌ dead',
  'soft-404': '⚠️ soft 404',
  blocked: '🔒 blocked (could not verify)',
  'rate-limited': '⏳ rate-limited',
  unreachable: '🔌 unreachable',
  skipped: '⏭️ skipped',
  'not-checked': '… not checked',
};

/** Text safe inside a Markdown table cell or link text. */
function cell(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/([\\`*_[\]<>|])/g, '\\$1');
}

/** A URL safe as a Markdown link target. */
function target(url: string): string {
  return url.replace(/[()<> ]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

function link(text: string, url: string): string {
  return `[${cell(text) || cell(url)}](${target(url)})`;
}

function day(iso: string | null): string {
  if (!iso) return 'undated';
  return iso.slice(0, 10);
}

function copyLink(copy: ArchivedCopy, label: string): string {
  return `[${label}, ${day(copy.date)}](${target(copy.url)})`;
}

function archiveCell(citation: ReportCitation): string {
  const archive = citation.archive;
  if (!archive) return '';
  if (archive.error) return cell(archive.error.message);
  const parts: string[] = [];
  if (archive.beforePublication) parts.push(copyLink(archive.beforePublication, 'before publication'));
  if (archive.mostRecent && archive.mostRecent.url !== archive.beforePublication?.url) {
    parts.push(copyLink(archive.mostRecent, 'most recent'));
  }
  return parts.length > 0 ? parts.join(' · ') : 'no archived copy';
}

/** The "Copy report" text: a summary line, then one table row per citation. */
export function reportToMarkdown(report: CitedReport): string {
  const { article, summary } = report;
  const lines: string[] = [];
  lines.push(`# Citations of “${cell(article.title || article.url)}”`, '');
  const facts = [
    article.byline ? `by ${cell(article.byline)}` : null,
    article.siteName ? cell(article.siteName) : null,
    article.publishedTime ? `published ${day(article.publishedTime)}` : null,
  ].filter((fact): fact is string => fact !== null);
  lines.push(`${link(article.url, article.url)}${facts.length > 0 ? ` — ${facts.join(', ')}` : ''}  `);
  lines.push(`Checked by Cited on ${report.generatedAt.slice(0, 16).replace('T', ' ')} UTC.`, '');
  const counts = [...LINK_STATUSES, 'not-checked' as const]
    .filter((status) => summary.byStatus[status] > 0)
    .map((status) => `${summary.byStatus[status]} ${STATUS_LABELS[status].replace(/^\S+\s/, '')}`);
  const broken =
    summary.broken === 0
      ? 'none no longer stands'
      : `**${summary.broken} no longer stand${summary.broken === 1 ? 's' : ''}**`;
  lines.push(
    `**${summary.citations} citation${summary.citations === 1 ? '' : 's'}**, ${broken}: ${counts.join(', ') || 'none'}.`,
    '',
  );
  const quotes = quoteCounts(report);
  if (quotes) lines.push(`**Quotations** checked against their sources: ${quotes}.`, '');
  const changes = changeCounts(report);
  if (changes) lines.push(`**Changed since cited** (against archived copies from before): ${changes}.`, '');
  if (!article.isArticle)
    lines.push('_No article was found on this page: these are the links of its main content._', '');
  if (report.citations.length === 0) return `${lines.join('\n')}\n`;
  const withArchive = report.citations.some((citation) => citation.archive !== null);
  lines.push(`| # | Status | Source | Why${withArchive ? ' | Archived copies' : ''} |`);
  lines.push(`|---|---|---|---${withArchive ? '|---' : ''}|`);
  for (const citation of report.citations) {
    const anchor = citation.occurrences[0]?.anchorText ?? citation.url;
    const where =
      citation.evidence?.finalUrl && citation.status === 'redirected'
        ? ` → ${link(citation.evidence.finalUrl, citation.evidence.finalUrl)}`
        : '';
    const row = [
      String(citation.number),
      STATUS_LABELS[citation.status],
      `${link(anchor, citation.url)} (${cell(citation.domain)})${where}`,
      cell(citation.reason ?? 'Not checked yet.'),
      ...(withArchive ? [archiveCell(citation)] : []),
    ];
    lines.push(`| ${row.join(' | ')} |`);
  }
  lines.push(...quoteSection(report), ...changeSection(report));
  return `${lines.join('\n')}\n`;
}

/** Below the table: each quoted source, and each of its quotations with its verdict and evidence. */
function quoteSection(report: CitedReport): string[] {
  const checked = report.citations.filter((citation) => citation.quoteCheck !== null);
  if (checked.length === 0) return [];
  const lines = ['', '## Quotations', ''];
  for (const citation of checked) {
    const check = citation.quoteCheck;
    if (!check) continue;
    const anchor = citation.occurrences[0]?.anchorText ?? citation.url;
    lines.push(
      `**${citation.number}. ${link(anchor, citation.url)}** (${cell(citation.domain)})${check.note ? ` — ${cell(check.note)}` : ''}`,
      '',
    );
    for (const verdict of check.verdicts) {
      const deepLink = showInSource(verdict);
      lines.push(
        `- “${cell(verdict.quote)}” — **${QUOTE_LABELS[verdict.status]}**. ${cell(quoteEvidence(verdict))}${
          deepLink ? ` [Show in source](${target(deepLink)})` : ''
        }`,
      );
    }
    lines.push('');
  }
  return lines;
}

/** Below the quotations: each source compared with its archived copy, the verdict, the copy and what changed. */
function changeSection(report: CitedReport): string[] {
  const compared = report.citations.filter((citation) => citation.change !== null);
  if (compared.length === 0) return [];
  const lines = ['', '## Changed since cited', ''];
  for (const citation of compared) {
    const change = citation.change;
    if (!change) continue;
    const anchor = citation.occurrences[0]?.anchorText ?? citation.url;
    const cited = change.copy.citedAtIs === 'access-date' ? 'the reference’s access date' : 'publication';
    lines.push(
      `**${citation.number}. ${link(anchor, citation.url)}** (${cell(citation.domain)}) — **${CHANGE_LABELS[change.status]}**. ${cell(change.summary)} [Archived copy, ${day(change.copy.date)}](${target(change.copy.url)}), the last before ${cited}.`,
    );
    if (change.passages.length > 0) lines.push('');
    for (const passage of change.passages) lines.push(`- “${cell(passage.marked)}”`);
    if (change.morePassages > 0) {
      lines.push(
        `- … and ${change.morePassages} more changed passage${change.morePassages === 1 ? '' : 's'}.`,
      );
    }
    lines.push('');
  }
  return lines;
}
