import { useEffect, useRef, useState } from 'preact/hooks';
import type { CaptureResult } from '../../core/citations/types';
import { errorMessage } from '../../core/errors/cited-error';
import type { SourceQuoteCheck } from '../../core/quote-check/source-check';
import type { QuoteCheckContext, QuoteCheckPorts } from './quote-check-ports';
import { browserQuoteChecks } from './source-reading-ports';

export interface QuoteChecks {
  /** By citation URL. */
  checks: ReadonlyMap<string, SourceQuoteCheck>;
  running: boolean;
  error: string | null;
}

/**
 * The article's quotations checked against their sources once `ready` (the link checks are done), once per capture
 * and once more per `round` (the reader re-checked links: those sources are read again once the links are done).
 */
export function useQuoteChecks(
  result: CaptureResult,
  ready: boolean,
  ports: QuoteCheckPorts = browserQuoteChecks,
  /** What the panel knows when the checks start: its run (shared with the comparisons), settings, lookups. */
  context?: () => QuoteCheckContext,
  round = 0,
): QuoteChecks {
  const latest = useRef(context);
  latest.current = context;
  const [state, setState] = useState<QuoteChecks>({ checks: new Map(), running: false, error: null });
  const started = useRef<{ result: CaptureResult; round: number } | null>(null);
  useEffect(() => {
    const sameCapture = started.current?.result === result;
    if (!ready || (sameCapture && started.current?.round === round)) return;
    const quoted = result.citations.filter((citation) => citation.quotes.length > 0);
    const mine = { result, round };
    started.current = mine;
    if (quoted.length === 0) return;
    // A round of the same capture keeps showing what it knows until the sources answer again.
    setState((now) => ({ checks: sameCapture ? now.checks : new Map(), running: true, error: null }));
    // Answers for a capture (or round) the panel has since left are dropped; waiting for links does not drop them.
    const settle = (next: QuoteChecks) => {
      if (started.current === mine) setState(next);
    };
    ports.checkQuotes(quoted, latest.current?.()).then(
      (checks) =>
        settle({ checks: new Map(checks.map((check) => [check.url, check])), running: false, error: null }),
      (error: unknown) => {
        const message = errorMessage(error);
        settle({ checks: new Map(), running: false, error: `Could not check the quotations: ${message}` });
      },
    );
  }, [result, ready, ports, round]);
  return state;
}
