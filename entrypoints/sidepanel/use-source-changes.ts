import { useEffect, useRef, useState } from 'preact/hooks';
import type { ArchiveLookup } from '../../core/archive/types';
import type { CaptureResult } from '../../core/citations/types';
import { errorMessage } from '../../core/errors/cited-error';
import type { CheckResult } from '../../core/linkcheck/types';
import { archiveLookupsAllowed, type Settings } from '../../core/settings/settings';
import type { SourceChange } from '../../core/source-change/types';
import type { SourceChangePorts } from './source-change-ports';
import { browserSourceChanges } from './source-reading-ports';
import type { PanelSourceRun } from './source-run';

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
  /** Goes up when the reader re-checks links: those sources (`force`) are compared again once the links are done. */
  round?: number;
  force?: ReadonlySet<string>;
}

const NONE: SourceChanges = { changes: new Map(), running: false, error: null };

/**
 * The article's quoted and broken sources compared with their archived copies once the links are checked, once
 * per capture (and per `round`), and only with third-party lookups allowed: turning them on later starts it then.
 */
export function useSourceChanges(
  run: SourceChangeRun,
  ports: SourceChangePorts = browserSourceChanges,
): SourceChanges {
  const { result, ready, settings, round = 0 } = run;
  const [state, setState] = useState<SourceChanges>(NONE);
  const started = useRef<{ result: CaptureResult; round: number } | null>(null);
  const latest = useRef(run);
  latest.current = run;
  const allowed = archiveLookupsAllowed(settings);
  useEffect(() => {
    const sameCapture = started.current?.result === result;
    if (!ready || !allowed || (sameCapture && started.current?.round === round)) return;
    const mine = { result, round };
    started.current = mine;
    setState((now) => ({ changes: sameCapture ? now.changes : new Map(), running: true, error: null }));
    const settle = (next: SourceChanges) => {
      if (started.current === mine) setState(next);
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
        ...(now.force ? { force: now.force } : {}),
      })
      .then(
        (changes) =>
          settle({
            changes: new Map(changes.map((change) => [change.url, change])),
            running: false,
            error: null,
          }),
        (error: unknown) => {
          const message = errorMessage(error);
          settle({ changes: new Map(), running: false, error: `Could not compare the sources: ${message}` });
        },
      );
  }, [result, ready, allowed, ports, round]);
  // A capture left behind, or lookups turned off: its comparisons are not shown.
  return started.current?.result === result && allowed ? state : NONE;
}
