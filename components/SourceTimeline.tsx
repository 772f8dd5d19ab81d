import { quoteWords } from '../core/report/quote-labels';
import { describeVerdict } from '../core/watch/three-strikes';
import type { KeptCheck, SourceEvent, SourceHistory } from '../core/watch/types';
import './SourceTimeline.css';

const STATUS_MARK: Record<string, string> = {
  alive: '✓',
  redirected: '↪',
  dead: '✗',
  'soft-404': '✗',
  unreachable: '!',
  blocked: '?',
  'rate-limited': '?',
  skipped: '·',
};

/** A quotation is named by its first words: the timeline is a compact line, the quote line has it whole. */
const QUOTE_SHOWN = 48;

/**
 * A watched source's verdict under the three-strikes rule and its compact history, oldest first: each check, and
 * what else a re-check found (a quotation's verdict that changed, an archived copy found, or none): the one
 * timeline the library and the panel both show.
 */
export function SourceTimeline({ history }: { history: SourceHistory | undefined }) {
  return (
    <>
      <span data-field="verdict">{history ? describeVerdict(history.verdict) : 'not checked yet'}</span>
      {history ? <Entries checks={history.checks} events={history.events ?? []} /> : null}
    </>
  );
}

type Entry = { at: string; check: KeptCheck } | { at: string; event: SourceEvent };

function Entries({ checks, events }: { checks: KeptCheck[]; events: SourceEvent[] }) {
  // A run's findings come after its check: a stable sort keeps checks first on the same date.
  const entries: Entry[] = [
    ...checks.map((check) => ({ at: check.at, check })),
    ...events.map((event) => ({ at: event.at, event })),
  ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return (
    <ol class="source-timeline" data-field="timeline">
      {entries.map((entry, i) =>
        'check' in entry ? (
          <li
            key={`${entry.at}-check`}
            data-status={entry.check.status}
            title={entry.check.reason ?? entry.check.status}
          >
            <span aria-hidden="true">{STATUS_MARK[entry.check.status] ?? '·'}</span> {day(entry.at)}{' '}
            {entry.check.status}
            {entry.check.evidence?.httpStatus ? ` (${entry.check.evidence.httpStatus})` : ''}
          </li>
        ) : (
          <EventEntry key={`${entry.at}-${i}`} event={entry.event} />
        ),
      )}
    </ol>
  );
}

function EventEntry({ event }: { event: SourceEvent }) {
  switch (event.kind) {
    case 'quote':
      return (
        <li data-event="quote" data-quote-status={event.status} title={event.quote}>
          {day(event.at)} quote “{shortQuote(event.quote)}” {quoteWords(event.status)}
          {event.previous ? ` (was ${quoteWords(event.previous)})` : ''}
        </li>
      );
    case 'archived-copy':
      return (
        <li data-event="archived-copy">
          {day(event.at)}{' '}
          <a href={event.url} target="_blank" rel="noopener noreferrer">
            archived copy of {day(event.date)}
          </a>{' '}
          found
        </li>
      );
    case 'no-archived-copy':
      return <li data-event="no-archived-copy">{day(event.at)} no archived copy exists</li>;
  }
}

function shortQuote(quote: string): string {
  return quote.length > QUOTE_SHOWN ? `${quote.slice(0, QUOTE_SHOWN).trimEnd()}…` : quote;
}

function day(iso: string): string {
  return iso.slice(0, 10);
}
