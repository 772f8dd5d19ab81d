import { useState } from 'preact/hooks';
import { QUOTE_STATUSES, type QuoteStatus, type QuoteVerdict } from '../core/quote-check/types';
import { passagePlace, QUOTE_LABELS, quoteEvidence } from '../core/report/quote-lines';
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
  /** The page the quotations were looked for in (after redirects): opened when no link leads to the passage. */
  sourceUrl: string;
  onOpenUrl: (url: string) => void;
}

interface PassageLinkProps {
  verdict: QuoteVerdict;
  sourceUrl: string;
  onOpenUrl: (url: string) => void;
}

/**
 * "Show in source": the page opened at the passage, highlighted. When no fragment leads to that passage alone (or
 * none could be made in time), the reader is told so and may still open the page.
 */
function PassageLink({ verdict, sourceUrl, onOpenUrl }: PassageLinkProps) {
  const place = passagePlace(verdict, sourceUrl);
  if (!place) return null;
  return place.exact ? (
    <RowLink href={place.href} onOpenUrl={onOpenUrl} action="show-in-source">
      Show in source
    </RowLink>
  ) : (
    <span class="quote-line__no-link">
      Cited could not make a link to this passage alone;{' '}
      <RowLink href={place.href} onOpenUrl={onOpenUrl} action="open-source">
        open the source
      </RowLink>
    </span>
  );
}

/** Under a citation: whether the source says what the article quotes, and, on request, the evidence. */
export function QuoteLine({ verdicts, sourceUrl, onOpenUrl }: QuoteLineProps) {
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
  // The passage of the row's status, at hand without opening the evidence.
  const shown = verdicts.find(
    (verdict) => verdict.status === status && passagePlace(verdict, sourceUrl) !== null,
  );
  return (
    <div class="quote-line" data-quote-line={status}>
      <p class="quote-line__summary">
        <span class={`quote-line__status quote-line__status--${status}`}>
          Quote {QUOTE_LABELS[status]}
          {verdicts.length > 1
            ? ` (${verdicts.filter((verdict) => verdict.status === status).length} of ${verdicts.length})`
            : ''}
        </span>
        {shown ? <PassageLink verdict={shown} sourceUrl={sourceUrl} onOpenUrl={onOpenUrl} /> : null}
        <EvidenceToggle
          open={open}
          onToggle={() => setOpen(!open)}
          action="quote-evidence"
          class="quote-line__toggle"
        />
      </p>
      {open ? (
        <ul class="quote-line__evidence">
          {verdicts.map((verdict) => (
            <li key={verdict.quote} data-quote-status={verdict.status}>
              <q>{verdict.quote}</q> — <strong>{QUOTE_LABELS[verdict.status]}</strong>.{' '}
              {quoteEvidence(verdict)}{' '}
              <PassageLink verdict={verdict} sourceUrl={sourceUrl} onOpenUrl={onOpenUrl} />
            </li>
          ))}
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
