import { useRef } from 'preact/hooks';
import type { LibraryQuery } from '../core/storage/library';
import { useSearchShortcut } from './use-search-shortcut';
import './LibraryToolbar.css';

export interface LibraryToolbarProps {
  query: LibraryQuery;
  onChange: (query: LibraryQuery) => void;
  /** Snapshots listed, and of the kind shown before search and filters, for the live count. */
  shown: number;
  total: number;
}

const SORTS: Array<{ value: string; label: string; query: Pick<LibraryQuery, 'sort' | 'direction'> }> = [
  { value: 'newest', label: 'Newest first', query: { sort: 'savedAt', direction: 'desc' } },
  { value: 'oldest', label: 'Oldest first', query: { sort: 'savedAt', direction: 'asc' } },
  { value: 'title', label: 'Title A–Z', query: { sort: 'title', direction: 'asc' } },
  { value: 'site', label: 'Site A–Z', query: { sort: 'site', direction: 'asc' } },
  { value: 'largest', label: 'Largest first', query: { sort: 'size', direction: 'desc' } },
  { value: 'smallest', label: 'Smallest first', query: { sort: 'size', direction: 'asc' } },
];

function sortValue(query: LibraryQuery): string {
  const sort = query.sort ?? 'savedAt';
  const direction = query.direction ?? (sort === 'savedAt' || sort === 'size' ? 'desc' : 'asc');
  return SORTS.find((s) => s.query.sort === sort && s.query.direction === direction)?.value ?? 'newest';
}

const NOUNS: Record<NonNullable<LibraryQuery['kind']>, [string, string]> = {
  article: ['saved page', 'saved pages'],
  source: ['source', 'sources'],
  all: ['snapshot', 'snapshots'],
};

function countText(shown: number, total: number, kind: NonNullable<LibraryQuery['kind']>): string {
  const [one, many] = NOUNS[kind];
  return shown === total ? `${total} ${total === 1 ? one : many}` : `${shown} of ${total} ${many} shown`;
}

/** Search ("/" jumps there, as in the panel), sort and filter the library. */
export function LibraryToolbar({ query, onChange, shown, total }: LibraryToolbarProps) {
  const search = useRef<HTMLInputElement>(null);
  useSearchShortcut(search);
  return (
    <search class="library-toolbar">
      <label class="library-toolbar__search">
        <span class="visually-hidden">Search snapshots</span>
        <input
          ref={search}
          class="input"
          type="search"
          placeholder="Search titles, addresses and text"
          value={query.text ?? ''}
          data-library-search
          onInput={(event) => onChange({ ...query, text: (event.currentTarget as HTMLInputElement).value })}
        />
      </label>
      <label class="library-toolbar__field">
        <span>Sort</span>
        <select
          class="input"
          value={sortValue(query)}
          data-library-sort
          onChange={(event) => {
            const chosen = SORTS.find((s) => s.value === (event.currentTarget as HTMLSelectElement).value);
            if (chosen) onChange({ ...query, ...chosen.query });
          }}
        >
          {SORTS.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <label class="library-toolbar__field">
        <span>Show</span>
        <select
          class="input"
          value={query.kind ?? 'all'}
          data-library-kind
          onChange={(event) =>
            onChange({
              ...query,
              kind: (event.currentTarget as HTMLSelectElement).value as LibraryQuery['kind'],
            })
          }
        >
          <option value="article">Saved pages</option>
          <option value="source">Sources</option>
          <option value="all">Everything</option>
        </select>
      </label>
      <label class="library-toolbar__check">
        <input
          type="checkbox"
          checked={query.onlyBroken ?? false}
          data-library-broken
          onChange={(event) =>
            onChange({ ...query, onlyBroken: (event.currentTarget as HTMLInputElement).checked })
          }
        />
        <span>With dead links</span>
      </label>
      <p class="library-toolbar__count" aria-live="polite" data-library-count>
        {countText(shown, total, query.kind ?? 'all')}
      </p>
    </search>
  );
}
