import { useEffect, useRef, useState } from 'preact/hooks';
import type { CaptureResult } from '../../core/citations/types';
import type { SourceQuoteCheck } from '../../core/quote-check/source-check';
import { browserQuoteChecks, type QuoteCheckContext, type QuoteCheckPorts } from './quote-check-ports';

export interface QuoteChecks {
  /** By citation URL. */
  checks: ReadonlyMap<string, SourceQuoteCheck>;
  running: boolean;
  error: string | null;
}

/** The article's quotations checked against their sources once `ready` (the link checks are done), once per capture. */
export function useQuoteChecks(
  result: CaptureResult,
  ready: boolean,
  ports: QuoteCheckPorts = browserQuoteChecks,
  /** What the panel knows when the checks start: its run (shared with the comparisons), settings, lookups. */
  context?: () => QuoteCheckContext,
): QuoteChecks {
  const latest = useRef(context);
  latest.current = context;
  const [state, setState] = useState<QuoteChecks>({ checks: new Map(), running: false, error: null });
  const started = useRef<CaptureResult | null>(null);
  useEffect(() => {
    if (!ready || started.current === result) return;
    const quoted = result.citations.filter((citation) => citation.quotes.length > 0);
    started.current = result;
    if (quoted.length === 0) return;
    setState({ checks: new Map(), running: true, error: null });
    // Answers for a capture the panel has since left are dropped; a re-check of the links does not drop them.
    const settle = (next: QuoteChecks) => {
      if (started.current === result) setState(next);
    };
    ports.checkQuotes(quoted, latest.current?.()).then(
      (checks) =>
        settle({ checks: new Map(checks.map((check) => [check.url, check])), running: false, error: null }),
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        settle({ checks: new Map(), running: false, error: `Could not check the quotations: ${message}` });
      },
    );
  }, [result, ready, ports]);
  return state;
}
