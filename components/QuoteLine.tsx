import { useState } from 'preact/hooks';
import { QUOTE_STATUSES, type QuoteStatus, type QuoteVerdict } from '../core/quote-check/types';
import { QUOTE_LABELS, quoteEvidence, showInSource } from '../core/report/quote-lines';
import { EvidenceToggle, RowLink } from './RowLineControls';
import './QuoteLine.css';

/**
 * The one status a row shows for its quotations: a changed word first (the misquote a fact-checker is after), then
 * what the source bears out. A paragraph's quotations go to each link in it, so a quotation that belongs to another
 * link there is not found in this one's source, and must not hide the one it does have.
 */
const ROW_ORDER: readonly QuoteStatus[] = ['differs', 'found', 'archived-only', 'not-found', 'not-checkable'];

export function rowQuoteStatus(verdicts: readonly QuoteVerdict[]): QuoteStatus | null {
  return ROW_ORDER.find((status) => verdicts.some((verdict) => verdict.status === status)) ?? null;
}

export interface QuoteLineProps {
  /** The citation's quotations with their verdicts; null while the source is being read. */
  verdicts: readonly QuoteVerdict[] | null;
  onOpenUrl: (url: string) => void;
}

/** Under a citation: whether the source says what the article quotes, and, on request, the evidence. */
export function QuoteLine({ verdicts, onOpenUrl }: QuoteLineProps) {
  const [open, setOpen] = useState(false);
  if (verdicts === null) {
    return (
      <p class="quote-line" data-quote-line="checking">
        Looking for the quotation in the source…
      </p>
    );
  }
  const status = rowQuoteStatus(verdicts);
  if (!status) return null;
  return (
    <div class="quote-line" data-quote-line={status}>
      <p class="quote-line__summary">
        <span class={`quote-line__status quote-line__status--${status}`}>
          Quote {QUOTE_LABELS[status]}
          {verdicts.length > 1
            ? ` (${verdicts.filter((verdict) => verdict.status === status).length} of ${verdicts.length})`
            : ''}
        </span>
        <EvidenceToggle
          open={open}
          onToggle={() => setOpen(!open)}
          action="quote-evidence"
          class="quote-line__toggle"
        />
      </p>
      {open ? (
        <ul class="quote-line__evidence">
          {verdicts.map((verdict) => {
            const link = showInSource(verdict);
            return (
              <li key={verdict.quote} data-quote-status={verdict.status}>
                <q>{verdict.quote}</q> — <strong>{QUOTE_LABELS[verdict.status]}</strong>.{' '}
                {quoteEvidence(verdict)}
                {link ? (
                  <>
                    {' '}
                    <RowLink href={link} onOpenUrl={onOpenUrl} action="show-in-source">
                      Show in source
                    </RowLink>
                  </>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}

export interface QuoteSummaryProps {
  verdicts: readonly QuoteVerdict[];
}

/** The article's quotations at a glance: how many the sources bear out, and how many they do not. */
export function QuoteSummary({ verdicts }: QuoteSummaryProps) {
  if (verdicts.length === 0) return null;
  const counts = QUOTE_STATUSES.map(
    (status) => [status, verdicts.filter((verdict) => verdict.status === status).length] as const,
  ).filter(([, count]) => count > 0);
  return (
    <p class="quote-summary" data-quote-summary>
      Quotes:{' '}
      {counts.map(([status, count], index) => (
        <span key={status} data-quote-count={status}>
          {index > 0 ? ', ' : ''}
          {count} {QUOTE_LABELS[status].replace(/^\S+\s/, '')}
        </span>
      ))}
    </p>
  );
}
