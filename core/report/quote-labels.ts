import type { QuoteStatus } from '../quote-check/types';

/** Words (and a symbol that survives plain-text paste) for each quote verdict. */
export const QUOTE_LABELS: Record<QuoteStatus, string> = {
  found: '✅ found',
  differs: '✏️ differs',
  'not-found': '❓ not found',
  'archived-only': '🗄️ found only in the archived copy',
  'not-checkable': '🚫 not checkable',
};

/** The verdict's words without the symbol ("not found"), for a sentence. */
export function quoteWords(status: QuoteStatus): string {
  return labelWords(QUOTE_LABELS[status]);
}

/** A label's words without its symbol: "✏️ edited" → "edited". */
export function labelWords(label: string): string {
  return label.replace(/^\S+\s/, '');
}
