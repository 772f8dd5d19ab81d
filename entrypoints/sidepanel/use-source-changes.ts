import { useEffect, useRef, useState } from 'preact/hooks';
import type { ArchiveLookup } from '../../core/archive/types';
import type { CaptureResult } from '../../core/citations/types';
import type { CheckResult } from '../../core/linkcheck/types';
import { archiveLookupsAllowed, type Settings } from '../../core/settings/settings';
import type { SourceChange } from '../../core/source-change/types';
import type { PanelSourceRun } from './panel-sources';
import { browserSourceChanges, type SourceChangePorts } from './source-change-ports';

export interface SourceChanges {
  /** By citation URL. */
  changes: ReadonlyMap<string, SourceChange>;
  running: boolean;
  error: string | null;
}

export interface SourceChangeRun {
  result: CaptureResult;
  /** Every link has its verdict and no archive lookup is under way. */
  ready: boolean;
  results: () => CheckResult[];
  archives: () => ArchiveLookup[];
  settings: Settings;
  run: PanelSourceRun;
}

const NONE: SourceChanges = { changes: new Map(), running: false, error: null };

/**
 * The article's quoted and broken sources compared with their archived copies once the links are checked, once
 * per capture, and only with third-party lookups allowed: turning them on later starts it then.
 */
export function useSourceChanges(
  run: SourceChangeRun,
  ports: SourceChangePorts = browserSourceChanges,
): SourceChanges {
  const { result, ready, settings } = run;
  const [state, setState] = useState<SourceChanges>(NONE);
  const started = useRef<CaptureResult | null>(null);
  const latest = useRef(run);
  latest.current = run;
  const allowed = archiveLookupsAllowed(settings);
  useEffect(() => {
    if (!ready || !allowed || started.current === result) return;
    started.current = result;
    setState({ changes: new Map(), running: true, error: null });
    const settle = (next: SourceChanges) => {
      if (started.current === result) setState(next);
    };
    const now = latest.current;
    ports
      .checkChanges({
        citations: result.citations,
        publishedTime: result.article.metadata.publishedTime,
        results: now.results(),
        archives: now.archives(),
        settings: now.settings,
        run: now.run,
      })
      .then(
        (changes) =>
          settle({
            changes: new Map(changes.map((change) => [change.url, change])),
            running: false,
            error: null,
          }),
        (error: unknown) => {
          const message = error instanceof Error ? error.message : String(error);
          settle({ changes: new Map(), running: false, error: `Could not compare the sources: ${message}` });
        },
      );
  }, [result, ready, allowed, ports]);
  // A capture left behind, or lookups turned off: its comparisons are not shown.
  return started.current === result && allowed ? state : NONE;
}
