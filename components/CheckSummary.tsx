import type { ComponentChildren } from 'preact';
import { countStatuses, progressOf } from '../core/citation-status/summary';
import type { CitationStatus } from '../core/linkcheck/types';
import { formatNumber } from './format';
import { StatusIcon } from './StatusIcon';
import { STATUS_ORDER, statusMeta } from './status-meta';
import './CheckSummary.css';

export interface CheckSummaryProps {
  /** One status per citation. */
  statuses: CitationStatus[];
  /** The status the list is narrowed to, if any. */
  filter: CitationStatus | null;
  onFilterChange: (status: CitationStatus | null) => void;
  /** Nothing checked and nothing under way: offer to start (automatic checks are off). */
  onStart?: () => void;
  /** While checks run: the reader's Stop. */
  onStop?: () => void;
  /** Buttons for the whole article (re-check all, reports). */
  actions?: ComponentChildren;
  locale?: string;
}

/** The headline a reader takes in at a glance. */
export function headline(statuses: CitationStatus[], locale?: string): string {
  const progress = progressOf(statuses);
  const n = (value: number) => formatNumber(value, locale);
  if (progress.running) return `Checking: ${n(progress.done)} of ${n(progress.total)} done…`;
  if (progress.done === 0) return 'Links not checked yet';
  if (progress.broken > 0)
    return `${n(progress.broken)} of ${n(progress.total)} ${progress.total === 1 ? 'source' : 'sources'} no longer ${progress.broken === 1 ? 'stands' : 'stand'}`;
  const counts = countStatuses(statuses);
  const unsure = counts.blocked + counts['rate-limited'] + counts.unreachable;
  if (unsure > 0) return `No source is gone · ${n(unsure)} could not be verified`;
  if (progress.done < progress.total) return `${n(progress.done)} of ${n(progress.total)} checked, none gone`;
  return progress.total === 1 ? 'The source still answers' : `All ${n(progress.total)} sources still answer`;
}

/**
 * The verdicts of the article's citations at a glance: a headline, a stacked bar of counts per status with its
 * legend (each entry filters the list), and progress while checks run. The bar is decoration; the legend is the
 * same information in words, so nothing depends on seeing colour.
 */
export function CheckSummary({
  statuses,
  filter,
  onFilterChange,
  onStart,
  onStop,
  actions,
  locale,
}: CheckSummaryProps) {
  const counts = countStatuses(statuses);
  const progress = progressOf(statuses);
  const present = STATUS_ORDER.filter((status) => counts[status] > 0);
  const total = statuses.length;
  const tone = progress.running
    ? 'running'
    : progress.broken > 0
      ? 'broken'
      : progress.done > 0
        ? 'ok'
        : 'idle';

  return (
    <section class={`check-summary check-summary--${tone}`} aria-label="Link checks" data-check-summary>
      <div class="check-summary__top">
        <p class="check-summary__headline" data-field="check-headline">
          {headline(statuses, locale)}
        </p>
        {/* Announced when checks start and when they end, not at every verdict in between. */}
        <p class="visually-hidden" role="status" data-field="check-announcement">
          {progress.running
            ? `Checking ${formatNumber(progress.total, locale)} ${progress.total === 1 ? 'link' : 'links'}…`
            : headline(statuses, locale)}
        </p>
        {onStop && progress.running ? (
          <button type="button" class="button" onClick={onStop} data-action="stop-checks">
            Stop
          </button>
        ) : null}
        {onStart && progress.done === 0 && !progress.running ? (
          <button type="button" class="button button--primary" onClick={onStart} data-action="start-checks">
            Check links
          </button>
        ) : null}
      </div>
      {total > 0 ? (
        <div class="check-summary__bar" aria-hidden="true" data-stacked-bar>
          {present.map((status) => (
            <span
              key={status}
              class={`check-summary__segment check-summary__segment--${status}`}
              style={{ flexGrow: counts[status], backgroundColor: `var(${statusMeta(status).colourVar})` }}
              title={`${counts[status]} ${statusMeta(status).label}`}
              data-segment={status}
              data-count={counts[status]}
            />
          ))}
        </div>
      ) : null}
      {progress.running ? (
        <progress
          class="visually-hidden"
          max={progress.total}
          value={progress.done}
          aria-label="Citations checked"
          data-check-progress
        />
      ) : null}
      {present.length > 0 ? (
        <fieldset class="check-summary__legend" data-status-legend>
          <legend class="visually-hidden">Show only citations that are…</legend>
          {present.map((status) => {
            const meta = statusMeta(status);
            const active = filter === status;
            return (
              <button
                key={status}
                type="button"
                class={`status-chip${active ? ' status-chip--active' : ''}`}
                style={{ '--status-colour': `var(${meta.colourVar})` }}
                aria-pressed={active ? 'true' : 'false'}
                title={active ? 'Show every status' : `Show only: ${meta.description}`}
                onClick={() => onFilterChange(active ? null : status)}
                data-status-filter={status}
              >
                <StatusIcon status={status} />
                <span class="status-chip__count">{formatNumber(counts[status], locale)}</span>
                <span class="status-chip__label">{meta.label}</span>
              </button>
            );
          })}
        </fieldset>
      ) : null}
      {actions ? <div class="check-summary__actions">{actions}</div> : null}
    </section>
  );
}
