import type { QuoteStatus, QuoteVerdict, SourcePassage, WordChange } from '../quote-check/types';
import { QUOTE_LABELS, quoteWords } from './quote-labels';
import type { CitedReport } from './types';

export { QUOTE_LABELS };

/**
 * A verdict's evidence in plain words, as a journalist would paste it into a correction request: the source's
 * passage and where it is, the changed words, or why the source could not be read.
 */
export function quoteEvidence(verdict: QuoteVerdict): string {
  switch (verdict.status) {
    case 'found':
      return `The source says: “${verdict.passage.text}” (${where(verdict.passage)}).`;
    case 'differs':
      return `The source says: “${verdict.marked}” (changed: ${changedWords(verdict.changes)}; ${where(verdict.passage)}).`;
    case 'not-found':
      return 'No passage of the source is close to it.';
    case 'archived-only':
      return `The live page no longer has it; the archived copy ${verdict.archivedUrl} ${
        verdict.archived.status === 'found' ? 'says' : 'says, with changes'
      }: “${verdict.archived.status === 'found' ? verdict.archived.passage.text : verdict.archived.marked}”.`;
    case 'not-checkable':
      return verdict.detail;
  }
}

/** Each run of changed words, what the article quotes → what the source says: “76” → “67”, “not” → “—”. */
export function changedWords(changes: readonly WordChange[]): string {
  return changes.map((change) => `“${change.quoted || '—'}” → “${change.source || '—'}”`).join(', ');
}

/** Where a passage is: its page in a PDF, else its characters in the source's text. */
export function where(passage: SourcePassage): string {
  if (passage.page !== undefined) return `page ${passage.page} of the PDF`;
  return `characters ${passage.start}–${passage.end} of its text`;
}

/** The "show in source" link of a verdict, when one was made. */
export function showInSource(verdict: QuoteVerdict): string | null {
  if (verdict.status === 'found' || verdict.status === 'differs') return verdict.showInSource ?? null;
  if (verdict.status === 'archived-only') return verdict.archived.showInSource ?? null;
  return null;
}

/** "2 found, 1 differs" for the quotes the report checked; null when none was. */
export function quoteCounts(report: CitedReport): string | null {
  const counts = Object.entries(report.summary.quotes)
    .filter(([, count]) => count > 0)
    .map(([status, count]) => `${count} ${quoteWords(status as QuoteStatus)}`);
  return counts.length > 0 ? counts.join(', ') : null;
}
