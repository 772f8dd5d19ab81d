import type { Citation } from '../../core/citations/types';
import { archiveLookupsAllowed } from '../../core/settings/settings';
import { citedAt } from '../../core/source-change/cited-at';
import {
  quoteCheckId,
  type SourceReadings,
  type SourceReadingsRequest,
  sourceChangeId,
} from '../../core/storage/source-reading-store';
import { sendMessage } from '../../utils/messaging';
import { keyOf } from './check-state';
import { liveQuoteChecks, type QuoteCheckPorts } from './quote-check-ports';
import { liveSourceChanges, type SourceChangePorts } from './source-change-ports';

/** Where the panel's quote checks and comparisons are kept: the background worker, beside the link verdicts. */
export interface SourceReadingPorts {
  stored(request: SourceReadingsRequest): Promise<SourceReadings>;
  keep(readings: SourceReadings): Promise<void>;
}

export const browserSourceReadings: SourceReadingPorts = {
  stored: (request) => sendMessage('storedSourceReadings', request),
  keep: (readings) => sendMessage('keepSourceReadings', readings),
};

const NOTHING: SourceReadings = { quoteChecks: [], changes: [] };

/** What is kept, or nothing when the worker cannot answer: the sources are then read again, as before. */
async function storedOrNothing(ports: SourceReadingPorts, request: SourceReadingsRequest) {
  if (request.quoteChecks.length === 0 && request.changes.length === 0) return NOTHING;
  try {
    return await ports.stored(request);
  } catch (error) {
    console.error('Cited: the stored quote checks could not be read', error);
    return NOTHING;
  }
}

function keep(ports: SourceReadingPorts, readings: SourceReadings): void {
  if (readings.quoteChecks.length === 0 && readings.changes.length === 0) return;
  ports.keep(readings).catch((error: unknown) => {
    console.error('Cited: the quote checks could not be kept', error);
  });
}

/**
 * Quote checks that reuse what a panel found before, while fresh, and keep what they find: a panel reopened on the
 * same article reads none of its quoted sources again. A source the reader re-checks (`force`) is read again.
 */
export function rememberedQuoteChecks(live: QuoteCheckPorts, readings: SourceReadingPorts): QuoteCheckPorts {
  return {
    async checkQuotes(citations, context) {
      // Archived copies read or not give different verdicts (archived-only), so they are different questions.
      const archivesRead = context !== undefined && archiveLookupsAllowed(context.settings);
      const idOf = (citation: Citation) => quoteCheckId(citation.url, citation.quotes, archivesRead);
      const quoted = citations.filter((citation) => citation.quotes.length > 0);
      const reusable = quoted.filter((citation) => !context?.force?.has(keyOf(citation.url)));
      const known = await storedOrNothing(readings, { quoteChecks: reusable.map(idOf), changes: [] });
      const reused = new Map(known.quoteChecks.map(({ id, check }) => [id, check]));
      const rest = quoted.filter((citation) => !reused.has(idOf(citation)));
      const checked = rest.length > 0 ? await live.checkQuotes(rest, context) : [];
      const idByUrl = new Map(rest.map((citation) => [citation.url, idOf(citation)]));
      keep(readings, {
        quoteChecks: checked.flatMap((check) => {
          const id = idByUrl.get(check.url);
          return id ? [{ id, check }] : [];
        }),
        changes: [],
      });
      return [...reused.values(), ...checked];
    },
  };
}

/** Comparisons with archived copies, reused and kept the same way. */
export function rememberedSourceChanges(
  live: SourceChangePorts,
  readings: SourceReadingPorts,
): SourceChangePorts {
  return {
    async checkChanges(inputs) {
      const idOf = (citation: Citation) => {
        const when = citedAt(citation, inputs.publishedTime);
        return when ? sourceChangeId(citation.url, when.date) : null;
      };
      const ids = inputs.citations
        .filter((citation) => !inputs.force?.has(keyOf(citation.url)))
        .flatMap((citation) => idOf(citation) ?? []);
      const known = await storedOrNothing(readings, { quoteChecks: [], changes: ids });
      const reused = new Map(known.changes.map(({ id, change }) => [id, change]));
      const rest = inputs.citations.filter((citation) => {
        const id = idOf(citation);
        return id === null || !reused.has(id);
      });
      const compared = await live.checkChanges({ ...inputs, citations: rest });
      keep(readings, {
        quoteChecks: [],
        changes: compared.map((change) => ({ id: sourceChangeId(change.url, change.copy.citedAt), change })),
      });
      return [...reused.values(), ...compared];
    },
  };
}

/** The panel's quote checks: what was kept is reused, what is read is kept. */
export const browserQuoteChecks = rememberedQuoteChecks(liveQuoteChecks, browserSourceReadings);
export const browserSourceChanges = rememberedSourceChanges(liveSourceChanges, browserSourceReadings);
