import './CompareSource.css';

/** Where a comparison the reader asked for stands (its result, once there, shows as the row's change line). */
export type ComparisonRequest = 'idle' | 'comparing' | 'no-copy' | 'failed';

export interface CompareSourceProps {
  state: ComparisonRequest;
  onCompare: () => void;
}

/**
 * In a checked source's details: compare it with the archived copy from before the article cited it, for a
 * source Cited does not compare by itself (it is neither quoted nor broken).
 */
export function CompareSource({ state, onCompare }: CompareSourceProps) {
  if (state === 'comparing') {
    return (
      <p class="compare-source" data-compare-source="comparing">
        Comparing with the archived copy from before it was cited…
      </p>
    );
  }
  if (state === 'no-copy') {
    return (
      <p class="compare-source" data-compare-source="no-copy">
        The archive has no copy of this source from before it was cited: there is nothing to compare with.
      </p>
    );
  }
  return (
    <div class="compare-source" data-compare-source={state}>
      {state === 'failed' ? <p>Could not compare this source. Try again?</p> : null}
      <button type="button" class="button button--small" data-action="compare-source" onClick={onCompare}>
        Compare with the copy from before it was cited
      </button>
    </div>
  );
}
