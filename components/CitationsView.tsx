import type { ComponentChildren } from 'preact';
import { useMemo, useRef, useState } from 'preact/hooks';
import type { Citation } from '../core/citations/types';
import { CitationList } from './CitationList';
import { countByRelation, matchesQuery, matchesRelation, type RelationFilter } from './citation-filter';
import { EmptyState } from './EmptyState';
import { FilterBar } from './FilterBar';
import { plural } from './format';
import type { ReferenceChecks } from './reference-checks';
import type { RowStatus } from './row-status';
import { useSearchShortcut } from './use-search-shortcut';

export interface CitationsViewProps {
  citations: Citation[];
  /** Whether the list comes from an article or, lacking one, from the page's main content. */
  source: 'article' | 'main-content';
  /** Go to one place of the citation on the page (an index into `placesOf(citation)`). */
  onGoTo: (citation: Citation, placeIndex: number) => void;
  onOpen: (citation: Citation) => void;
  statusFor?: (citation: Citation) => RowStatus;
  locale?: string;
  /** Rows expand to show this (the evidence behind their status). */
  renderDetails?: (citation: Citation) => ComponentChildren;
  /** The quote status and line of a citation whose quotations are being or were checked; null for others. */
  quoteFor?: (citation: Citation) => { status: string; line: ComponentChildren } | null;
  /** What the checks say of the links a citation's reference gives beside it (archived copy, DOI / PMID). */
  referenceChecksFor?: (citation: Citation) => ReferenceChecks | null;
  /** The change status and line of a citation compared with its archived copy; null for others. */
  changeFor?: (citation: Citation) => { status: string; line: ComponentChildren } | null;
  /** Show only citations with this status (`statusFor(c).code`), on top of the relation filter and search. */
  statusFilter?: { code: string; label: string } | null;
  onClearStatusFilter?: () => void;
}

const FILTER_NAMES: Record<RelationFilter, string> = {
  all: '',
  external: 'external ',
  'same-site': 'same-site ',
  notes: 'reference ',
  'external-links': 'external-link ',
  'further-reading': 'further-reading ',
};

/** The filter bar, the list and its empty states, with a live count for screen readers. */
export function CitationsView({
  citations,
  source,
  onGoTo,
  onOpen,
  statusFor,
  locale,
  renderDetails,
  quoteFor,
  referenceChecksFor,
  changeFor,
  statusFilter = null,
  onClearStatusFilter,
}: CitationsViewProps) {
  const [filter, setFilter] = useState<RelationFilter>('all');
  const [query, setQuery] = useState('');
  const search = useRef<HTMLInputElement>(null);

  // Statuses change many times a second while checks run: they matter to the list only under a status filter.
  const statusForFilter = statusFilter ? statusFor : undefined;
  const matching = useMemo(
    () =>
      citations.filter(
        (citation) =>
          matchesQuery(citation, query) &&
          (statusFilter === null || statusForFilter?.(citation).code === statusFilter.code),
      ),
    [citations, query, statusFilter, statusForFilter],
  );
  const counts = useMemo(() => countByRelation(matching), [matching]);
  const visible = useMemo(
    () => matching.filter((citation) => matchesRelation(citation, filter)),
    [matching, filter],
  );

  useSearchShortcut(search);

  const filtered = filter !== 'all' || query.trim() !== '' || statusFilter !== null;
  const announcement = filtered
    ? `${visible.length} of ${plural(citations.length, 'citation', 'citations', locale)} shown`
    : plural(citations.length, 'citation', 'citations', locale);

  let body = null;
  if (citations.length === 0) {
    body = (
      <EmptyState title="No citations">
        {source === 'article'
          ? 'This article does not link to any other page.'
          : 'The main content of this page has no links to other pages.'}
      </EmptyState>
    );
  } else if (visible.length === 0) {
    const what = `${FILTER_NAMES[filter]}citations${statusFilter ? ` marked “${statusFilter.label}”` : ''}`;
    body = (
      <EmptyState
        title={query.trim() ? `No ${what} match “${query.trim()}”` : `No ${what}`}
        action={{
          label: query.trim() ? 'Clear search' : 'Show all citations',
          onClick: () => {
            if (query.trim()) setQuery('');
            else {
              setFilter('all');
              onClearStatusFilter?.();
            }
          },
        }}
      />
    );
  } else {
    body = (
      <CitationList
        citations={visible}
        onGoTo={onGoTo}
        onOpen={onOpen}
        label={source === 'article' ? 'Citations' : 'Links of the main content'}
        {...(statusFor ? { statusFor } : {})}
        {...(locale !== undefined ? { locale } : {})}
        {...(renderDetails ? { renderDetails } : {})}
        {...(quoteFor ? { quoteFor } : {})}
        {...(referenceChecksFor ? { referenceChecksFor } : {})}
        {...(changeFor ? { changeFor } : {})}
      />
    );
  }

  return (
    <section class="citations" aria-label="Citations">
      {citations.length > 0 ? (
        <FilterBar
          filter={filter}
          onFilterChange={setFilter}
          query={query}
          onQueryChange={setQuery}
          counts={counts}
          searchRef={search}
          {...(locale !== undefined ? { locale } : {})}
        />
      ) : null}
      <p class="visually-hidden" role="status" data-live-count>
        {announcement}
      </p>
      {body}
    </section>
  );
}
