import { useCallback, useMemo, useRef, useState } from 'preact/hooks';
import type { ComparisonRequest } from '../../components/CompareSource';
import type { CaptureResult, Citation } from '../../core/citations/types';
import { checkKey } from '../../core/linkcheck/url';
import { archiveLookupsAllowed } from '../../core/settings/settings';
import type { SourceChange } from '../../core/source-change/types';
import type { SourceChangePorts } from './source-change-ports';
import { browserSourceChanges } from './source-reading-ports';
import { type SourceChangeRun, type SourceChanges, useSourceChanges } from './use-source-changes';

export interface ComparisonsOnRequest {
  /** By citation URL: the comparisons the reader asked for, as they stand. */
  asked: ReadonlyMap<string, SourceChange | ComparisonRequest>;
  /** Compares one source with its archived copy from before it was cited (kept like the others). */
  compare: (citation: Citation) => void;
}

const NOTHING: ReadonlyMap<string, SourceChange | ComparisonRequest> = new Map();

/**
 * "Compare with the copy from before it was cited", for a source the panel does not compare by itself (neither
 * quoted nor broken): the same comparison, for that one source, only with third-party lookups allowed.
 */
export function useCompareOnRequest(
  run: SourceChangeRun,
  ports: SourceChangePorts = browserSourceChanges,
): ComparisonsOnRequest {
  const latest = useRef(run);
  latest.current = run;
  const [state, setState] = useState<{
    result: CaptureResult | null;
    asked: ReadonlyMap<string, SourceChange | ComparisonRequest>;
  }>({ result: null, asked: NOTHING });
  const { result, settings } = run;
  const allowed = archiveLookupsAllowed(settings);
  const compare = useCallback(
    (citation: Citation) => {
      const now = latest.current;
      if (!archiveLookupsAllowed(now.settings)) return;
      const set = (value: SourceChange | ComparisonRequest) =>
        setState((was) => {
          // Answers for a capture the panel has left are dropped.
          if (value !== 'comparing' && was.result !== now.result) return was;
          const asked = new Map(was.result === now.result ? was.asked : NOTHING);
          return { result: now.result, asked: asked.set(citation.url, value) };
        });
      set('comparing');
      ports
        .checkChanges({
          citations: [citation],
          publishedTime: now.result.article.metadata.publishedTime,
          results: now.results(),
          archives: now.archives(),
          settings: now.settings,
          run: now.run,
          alsoCompare: new Set([checkKey(citation.url) ?? citation.url]),
        })
        .then(
          (changes) => set(changes.find((change) => change.url === citation.url) ?? 'no-copy'),
          () => set('failed'),
        );
    },
    [ports],
  );
  return { asked: state.result === result && allowed ? state.asked : NOTHING, compare };
}

/**
 * The panel's comparisons: those it makes by itself (useSourceChanges) and those the reader asked for, the latter's
 * results among the former's so the rows, the summary and the report show them alike.
 */
export function useComparisons(
  run: SourceChangeRun,
  ports: SourceChangePorts = browserSourceChanges,
): SourceChanges & ComparisonsOnRequest {
  const own = useSourceChanges(run, ports);
  const onRequest = useCompareOnRequest(run, ports);
  const changes = useMemo(() => {
    const done = [...onRequest.asked].filter(
      (entry): entry is [string, SourceChange] => typeof entry[1] === 'object',
    );
    return done.length === 0 ? own.changes : new Map([...own.changes, ...done]);
  }, [own.changes, onRequest.asked]);
  return { ...own, changes, ...onRequest };
}
