import { useMemo } from 'preact/hooks';
import type { Citation } from '../core/citations/types';
import { countByRelation } from './citation-filter';
import { formatNumber, plural } from './format';
import './SummaryCounts.css';

export interface SummaryCountsProps {
  citations: Citation[];
  /** Citations still on their way from the page (a long article's list arrives in parts). */
  pending?: number;
  locale?: string;
}

/** How much the article cites, at a glance. */
export function SummaryCounts({ citations, pending = 0, locale }: SummaryCountsProps) {
  // Counted once per list, not on every frame of status updates the panel draws.
  const { counts, occurrences } = useMemo(
    () => ({
      counts: countByRelation(citations),
      occurrences: citations.reduce((sum, citation) => sum + citation.occurrences.length, 0),
    }),
    [citations],
  );
  return (
    <section class="summary" aria-label="Summary" data-summary>
      <p class="summary__line">
        <strong data-count="all">{plural(counts.all, 'citation', 'citations', locale)}</strong>
        <span class="summary__part" data-count="external">
          <span class="summary__dot summary__dot--external" aria-hidden="true" />
          {formatNumber(counts.external, locale)} external
        </span>
        <span class="summary__part" data-count="same-site">
          <span class="summary__dot summary__dot--same-site" aria-hidden="true" />
          {formatNumber(counts['same-site'], locale)} same-site
        </span>
        {occurrences > counts.all ? (
          <span class="summary__part" data-count="links">
            {plural(occurrences, 'link', 'links', locale)} in the text
          </span>
        ) : null}
        {pending > 0 ? (
          <span class="summary__part" data-count="pending" role="status">
            listing {formatNumber(pending, locale)} more…
          </span>
        ) : null}
      </p>
    </section>
  );
}
