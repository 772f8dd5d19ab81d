import { CitedError } from '../errors/cited-error';
import { isFreshSince } from '../linkcheck/store';
import { checkKey } from '../linkcheck/url';
import type { SourceQuoteCheck } from '../quote-check/source-check';
import type { SourceChange } from '../source-change/types';
import { type ChecksDb, QUOTE_CHECKS, SOURCE_CHANGES } from './checks-database';

/**
 * What the panel found reading an article's sources (its quote checks and comparisons with archived copies), kept
 * beside the link verdicts so a panel opened again on the same article reads no source again while what it found
 * is fresh: the link verdicts' rule, a day when the source answered, an hour when it did not.
 *
 * The ids say what a result depends on, so a result is only reused for the same question: the same quotations of
 * the same address (and whether archived copies could be read), the same address compared as of the same moment.
 */

export function quoteCheckId(url: string, quotes: readonly string[], archivesRead: boolean): string {
  return JSON.stringify([checkKey(url) ?? url, quotes, archivesRead]);
}

export function sourceChangeId(url: string, citedAt: string): string {
  return JSON.stringify([checkKey(url) ?? url, citedAt]);
}

export interface StoredQuoteCheck {
  id: string;
  check: SourceQuoteCheck;
}

export interface StoredSourceChange {
  id: string;
  change: SourceChange;
}

/** The ids a panel asks about. */
export interface SourceReadingsRequest {
  quoteChecks: string[];
  changes: string[];
}

export interface SourceReadings {
  quoteChecks: StoredQuoteCheck[];
  changes: StoredSourceChange[];
}

/** The most ids one request carries: an article's quoted sources, with room to spare. */
export const MAX_READINGS_PER_REQUEST = 2000;

export interface SourceReadingStore {
  /** The stored results of these ids that are still fresh at `nowMs`. */
  fresh(request: SourceReadingsRequest, nowMs: number): Promise<SourceReadings>;
  put(readings: SourceReadings): Promise<void>;
}

const quoteCheckIsFresh = ({ check }: StoredQuoteCheck, nowMs: number) =>
  isFreshSince(check.checkedAt, check.textOrigin !== null, nowMs);
const sourceChangeIsFresh = ({ change }: StoredSourceChange, nowMs: number) =>
  isFreshSince(change.checkedAt, change.liveUrl !== null, nowMs);

export class IndexedDbSourceReadingStore implements SourceReadingStore {
  constructor(private readonly db: ChecksDb) {}

  async fresh(request: SourceReadingsRequest, nowMs: number): Promise<SourceReadings> {
    const tx = this.db.transaction([QUOTE_CHECKS, SOURCE_CHANGES]);
    const quoteStore = tx.objectStore(QUOTE_CHECKS);
    const changeStore = tx.objectStore(SOURCE_CHANGES);
    const [quoteChecks, changes] = await Promise.all([
      Promise.all(request.quoteChecks.map((id) => quoteStore.get(id))),
      Promise.all(request.changes.map((id) => changeStore.get(id))),
      tx.done,
    ]);
    return {
      quoteChecks: quoteChecks.filter(
        (stored): stored is StoredQuoteCheck => stored !== undefined && quoteCheckIsFresh(stored, nowMs),
      ),
      changes: changes.filter(
        (stored): stored is StoredSourceChange => stored !== undefined && sourceChangeIsFresh(stored, nowMs),
      ),
    };
  }

  async put(readings: SourceReadings): Promise<void> {
    const tx = this.db.transaction([QUOTE_CHECKS, SOURCE_CHANGES], 'readwrite');
    await Promise.all([
      ...readings.quoteChecks.map((stored) => tx.objectStore(QUOTE_CHECKS).put(stored)),
      ...readings.changes.map((stored) => tx.objectStore(SOURCE_CHANGES).put(stored)),
      tx.done,
    ]);
  }
}

/** Refuses what no panel sends: a request that is not lists of ids, or longer than any article needs. */
export function validateReadingsRequest(request: SourceReadingsRequest): void {
  const lists = [request?.quoteChecks, request?.changes];
  if (!lists.every((ids) => Array.isArray(ids) && ids.every((id) => typeof id === 'string')))
    throw new CitedError('internal', 'Cited expected lists of stored quote checks and comparisons.');
  if (lists.some((ids) => ids.length > MAX_READINGS_PER_REQUEST))
    throw new CitedError('internal', `Cited asks about at most ${MAX_READINGS_PER_REQUEST} sources at once.`);
}

export function validateReadings(readings: SourceReadings): void {
  const quoteChecks = readings?.quoteChecks;
  const changes = readings?.changes;
  const wellFormed =
    Array.isArray(quoteChecks) &&
    Array.isArray(changes) &&
    quoteChecks.every((stored) => typeof stored?.id === 'string' && typeof stored.check?.url === 'string') &&
    changes.every((stored) => typeof stored?.id === 'string' && typeof stored.change?.url === 'string');
  if (!wellFormed) throw new CitedError('internal', 'Cited expected quote checks and comparisons to keep.');
  validateReadingsRequest({
    quoteChecks: quoteChecks.map((stored) => stored.id),
    changes: changes.map((stored) => stored.id),
  });
}
