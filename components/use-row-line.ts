import type { ComponentChildren } from 'preact';
import { useCallback, useMemo } from 'preact/hooks';
import type { Citation } from '../core/citations/types';

/** What a row shows under its citation for one kind of check (its quotations, its comparison). */
export interface RowLine {
  status: string;
  line: ComponentChildren;
}

/**
 * A row's line, kept as the same object for as long as what it is drawn from (`drawnFrom`: the citation's quote check,
 * its comparison) is the same object. The memoised rows compare their line by identity: a line built afresh on
 * every list render would redraw every drawn row on every frame of a long article's checks.
 * `lineOf` should be stable (a `useCallback`): a new one starts afresh.
 */
export function useRowLine<T extends object>(
  drawnFrom: (citation: Citation) => T | null | undefined,
  lineOf: (value: T) => RowLine | null,
): (citation: Citation) => RowLine | null {
  const lines = useMemo(() => {
    const kept = new WeakMap<T, RowLine | null>();
    return (value: T): RowLine | null => {
      if (!kept.has(value)) kept.set(value, lineOf(value));
      return kept.get(value) ?? null;
    };
  }, [lineOf]);
  return useCallback(
    (citation: Citation) => {
      const value = drawnFrom(citation);
      return value ? lines(value) : null;
    },
    [drawnFrom, lines],
  );
}
