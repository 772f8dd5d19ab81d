import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { automaticShare, besideLinks, checkOrder } from '../../core/check-run/check-order';
import { citationRequests } from '../../core/check-run/citation-requests';
import { accessDatesOf, archiveMomentOf, isPending } from '../../core/citation-status/summary';
import type { CheckSnapshot } from '../../core/citation-status/types';
import type { CaptureResult, Citation } from '../../core/citations/types';
import { errorMessage } from '../../core/errors/cited-error';
import type { CitationStatus } from '../../core/linkcheck/types';
import type { Settings } from '../../core/settings/settings';
import {
  type KnownChecks,
  keyOf,
  mergeChecks,
  NO_CHECKS,
  nextMarkers,
  type SentMarkers,
  statusOf,
} from './check-state';
import { browserCheckPorts, type CheckPorts } from './link-check-ports';
import { onFrameAfterGap } from './next-frame';

export interface LinkChecks {
  known: KnownChecks;
  statuses: CitationStatus[];
  /** Check the citations now (when automatic checks are off). */
  start(): void;
  /** The reader's Stop: the checks under way end; what they had not reached stays "not checked". */
  stop(): void;
  /** Check the citations beyond the automatic limit (the reader asked). */
  checkRest(): void;
  /** Citations beyond the automatic limit that are not checked (0 when none are left). */
  beyondLimit: number;
  recheck(citations: Citation[]): void;
  lookupArchive(citation: Citation): Promise<void>;
  /** The last failure to reach the worker, in words; null when all is well. */
  error: string | null;
}

const MARKER_DELAY_MS = 250;
/** The most verdicts one frame applies: enough for any live run (hundreds a second), a store's answer in a few. */
export const STATES_PER_FRAME = 500;
/**
 * Verdicts are drawn at most this often: a long article's checks answer in most frames, and drawing every frame
 * took about 17 panel frames a second for as long as they ran (a 2,000-citation trace), each also costing the
 * compositor, the GPU process and the browser, CPU the page and the panel's own next task then waited for.
 */
export const STATES_GAP_MS = 150;
const NO_CITATIONS: readonly Citation[] = [];
const RECONNECT_DELAY_MS = 300;

/**
 * The panel's side of link checking for the article it shows: asks the background worker, merges the updates it
 * broadcasts, re-asks when the worker restarted mid-run, and keeps the page's status markers in step.
 */
export function useLinkChecks(
  tabId: number,
  capture: CaptureResult,
  settings: Settings,
  settingsLoaded: boolean,
  ports: CheckPorts = browserCheckPorts,
): LinkChecks {
  const [known, setKnown] = useState<KnownChecks>(NO_CHECKS);
  const [error, setError] = useState<string | null>(null);
  const [startedByReader, setStartedByReader] = useState(false);
  const urls = useMemo(() => capture.citations.map((citation) => citation.url), [capture]);
  const share = useMemo(() => automaticShare(checkOrder(capture.citations)), [capture]);
  const publishedTime = capture.article.metadata.publishedTime;
  const accessDates = useMemo(() => accessDatesOf(capture.citations), [capture]);
  const beside = useMemo(() => besideLinks(capture.citations), [capture]);
  const pageUrl = capture.article.metadata.url;
  const start = settings.autoCheck || startedByReader;

  // Updates are applied in one frame, together, at most every STATES_GAP_MS: one re-render and one copy of the
  // known states however many verdicts arrived meanwhile (a long article's checks answer hundreds a second), and at
  // most STATES_PER_FRAME of them (a worker answering from its store sends thousands at once): the rest of such a
  // burst follow in the next frames, without the gap.
  const queued = useRef<Partial<CheckSnapshot>[]>([]);
  const cancelFlush = useRef<(() => void) | null>(null);
  const lastFlush = useRef(Number.NEGATIVE_INFINITY);
  const flush = useCallback((restOfBurst = false) => {
    const gap = restOfBurst ? 0 : STATES_GAP_MS;
    cancelFlush.current = onFrameAfterGap(lastFlush.current, gap, () => {
      cancelFlush.current = null;
      lastFlush.current = performance.now();
      const batch = queued.current.splice(0);
      const states = batch.flatMap((one) => one.states ?? []);
      const later = states.splice(STATES_PER_FRAME);
      if (later.length > 0) {
        queued.current.unshift({ states: later });
        flush(true);
      }
      setKnown((k) => mergeChecks(k, { states, archives: batch.flatMap((one) => one.archives ?? []) }));
    });
  }, []);
  const merge = useCallback(
    (update: Partial<CheckSnapshot>) => {
      queued.current.push(update);
      if (!cancelFlush.current) flush();
    },
    [flush],
  );
  useEffect(() => () => cancelFlush.current?.(), []);
  const connection = useRef<{ ensure: () => void }>({ ensure: () => {} });

  const ask = useCallback(
    (options: { start: boolean; force?: boolean; only?: string[] }) => {
      const base = {
        tabId,
        pageUrl,
        publishedTime,
        ...(accessDates ? { accessDates } : {}),
        ...(beside.length > 0 ? { beside } : {}),
        ...(options.force ? { force: true } : {}),
      };
      // The first request names the tab's citations afresh; the others add to it, so the badge counts them all.
      // Past the automatic limit, citations are named (for their stored verdicts) but checked only when asked.
      const requests = options.only
        ? citationRequests({ ...base, urls: options.only, start: options.start, addToTab: true })
        : [
            ...citationRequests({ ...base, urls: share.now, start: options.start }),
            ...(share.onRequest.length > 0
              ? citationRequests({ ...base, urls: share.onRequest, start: false, addToTab: true })
              : []),
          ];
      connection.current.ensure();
      // A long article goes in parts (each within the worker's limit), in order, so every citation is checked
      // and the tab's badge counts them all.
      void (async () => {
        for (const part of requests) {
          try {
            merge(await ports.checkCitations(part));
            setError(null);
          } catch (failure) {
            setError(`Cited could not check the links: ${errorMessage(failure)}`);
            return;
          }
        }
      })();
    },
    [ports, tabId, pageUrl, publishedTime, accessDates, beside, share, merge],
  );

  useEffect(() => ports.onUpdate(merge), [ports, merge]);

  // What this page needs, readable from the port callback without re-connecting on every render.
  const latest = useRef({ ask, start, pending: false });
  const statuses = useMemo(() => urls.map((url) => statusOf(known, url)), [urls, known]);
  latest.current = { ask, start, pending: statuses.some(isPending) };

  // The port closes when the worker stops. If checks were under way, wake it (reconnecting does) and ask again:
  // resume() finishes its queue, and the answer restores whatever the panel had not heard yet. A worker that
  // stopped while idle is reconnected with the next request instead, so an open panel does not keep waking it.
  useEffect(() => {
    let disconnect: (() => void) | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let active = true;
    const connect = () => {
      if (disconnect || !active) return;
      disconnect = ports.connect(() => {
        disconnect = null;
        if (!active || !latest.current.pending) return;
        timer = setTimeout(() => {
          if (!active) return;
          connect();
          latest.current.ask({ start: latest.current.start });
        }, RECONNECT_DELAY_MS);
      });
    };
    connection.current = { ensure: connect };
    connect();
    return () => {
      active = false;
      clearTimeout(timer);
      disconnect?.();
      disconnect = null;
    };
  }, [ports]);

  // Each page read (and a change of the automatic-check setting) asks once; the worker answers from its store.
  useEffect(() => {
    if (!settingsLoaded) return;
    ask({ start });
  }, [settingsLoaded, ask, start]);

  // The page's markers follow the verdicts at most once every MARKER_DELAY_MS, however fast verdicts arrive: a
  // long article's thousands of markers are listed, compared and sent a few times a second, not every frame.
  const markersOn = settings.pageMarkers;
  const forMarkers = useRef({ known, capture, publishedTime, markersOn, ports, tabId });
  forMarkers.current = { known, capture, publishedTime, markersOn, ports, tabId };
  // What the page was last sent, by citation: later updates carry only the markers that changed.
  const sentMarkers = useRef<SentMarkers | null>(null);
  const markerTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // A page read again (after a reload) has lost its markers: send them all again. (Declared first: effects run in
  // order.)
  useEffect(() => {
    sentMarkers.current = null;
  }, [capture]);
  useEffect(() => {
    if (!settingsLoaded || markerTimer.current) return;
    markerTimer.current = setTimeout(() => {
      markerTimer.current = null;
      const now = forMarkers.current;
      const citations = now.markersOn ? now.capture.citations : NO_CITATIONS;
      const next = nextMarkers(citations, now.known, now.publishedTime, sentMarkers.current);
      sentMarkers.current = next.sent;
      if (!next.update) return;
      if (next.sent.signatures.size === 0) void now.ports.clearMarkers(now.tabId);
      else void now.ports.showMarkers(now.tabId, next.update);
    }, MARKER_DELAY_MS);
  }, [known, capture, markersOn, settingsLoaded]);
  useEffect(
    () => () => {
      if (markerTimer.current) clearTimeout(markerTimer.current);
    },
    [],
  );

  const recheck = useCallback(
    (citations: Citation[]) => {
      if (citations.length === 0) return;
      const only = citations.map((citation) => citation.url);
      // Show "queued" at once; the worker's answer confirms it.
      setKnown((k) =>
        mergeChecks(k, {
          states: only.map((url) => ({
            key: keyOf(url),
            status: 'queued' as const,
            revision: (k.states.get(keyOf(url))?.revision ?? 0) + 0.5,
          })),
        }),
      );
      ask({ start: true, force: true, only });
    },
    [ask],
  );

  const lookupArchive = useCallback(
    async (citation: Citation) => {
      try {
        const archive = await ports.lookupArchive({
          url: citation.url,
          publishedTime: archiveMomentOf(citation, publishedTime),
        });
        merge({ archives: [archive] });
      } catch (failure) {
        setError(errorMessage(failure));
      }
    },
    [ports, publishedTime, merge],
  );

  const stop = useCallback(() => {
    ports.stopChecks(tabId).catch((failure: unknown) => {
      setError(`Cited could not stop the checks: ${errorMessage(failure)}`);
    });
  }, [ports, tabId]);

  const checkRest = useCallback(() => {
    if (share.onRequest.length > 0) ask({ start: true, only: share.onRequest });
  }, [ask, share]);

  const beyondLimit = useMemo(
    () => share.onRequest.filter((url) => statusOf(known, url) === 'not-checked').length,
    [share, known],
  );

  return {
    known,
    statuses,
    stop,
    checkRest,
    beyondLimit,
    start: () => setStartedByReader(true),
    recheck,
    lookupArchive,
    error,
  };
}
