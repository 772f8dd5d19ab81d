import type { Ref } from 'preact';
import { useId } from 'preact/hooks';
import type { RelationCounts, RelationFilter } from './citation-filter';
import { formatNumber } from './format';
import { Icon } from './Icon';
import './FilterBar.css';

export interface FilterBarProps {
  filter: RelationFilter;
  onFilterChange: (filter: RelationFilter) => void;
  query: string;
  onQueryChange: (query: string) => void;
  /** Counts among the citations that match the current search. */
  counts: RelationCounts;
  searchRef?: Ref<HTMLInputElement>;
  locale?: string;
}

const OPTIONS: Array<{ value: RelationFilter; label: string }> = [
  { value: 'all', label: 'All' },
  { value: 'external', label: 'External' },
  { value: 'same-site', label: 'Same-site' },
];

/** Offered only on pages that have them: most articles cite in their text alone. */
const SECTION_OPTIONS: Array<{ value: RelationFilter; label: string }> = [
  { value: 'notes', label: 'References' },
  { value: 'external-links', label: 'External links' },
  { value: 'further-reading', label: 'Further reading' },
];

/** Which citations to show: a segmented control by relation and a text search. */
export function FilterBar({
  filter,
  onFilterChange,
  query,
  onQueryChange,
  counts,
  searchRef,
  locale,
}: FilterBarProps) {
  const name = useId();
  const searchId = useId();
  return (
    <div class="filter-bar">
      <fieldset class="segmented" data-filter-group>
        <legend class="visually-hidden">Show</legend>
        {[...OPTIONS, ...SECTION_OPTIONS.filter(({ value }) => counts[value] > 0 || filter === value)].map(
          (option) => (
            <label key={option.value} class="segmented__option">
              <input
                type="radio"
                name={name}
                value={option.value}
                checked={filter === option.value}
                onChange={() => onFilterChange(option.value)}
                data-filter={option.value}
              />
              <span class="segmented__label">
                {option.label}
                <span class="segmented__count">{formatNumber(counts[option.value], locale)}</span>
              </span>
            </label>
          ),
        )}
      </fieldset>
      <div class="search">
        <label for={searchId} class="visually-hidden">
          Search citations
        </label>
        <Icon name="search" class="search__icon" />
        <input
          id={searchId}
          ref={searchRef}
          class="search__input"
          type="search"
          placeholder="Search text, site or address"
          autocomplete="off"
          spellcheck={false}
          value={query}
          onInput={(event) => onQueryChange(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && query !== '') {
              event.preventDefault();
              onQueryChange('');
            }
          }}
          aria-keyshortcuts="/"
          data-search
        />
        <span class="search__hint" aria-hidden="true">
          /
        </span>
      </div>
    </div>
  );
}
