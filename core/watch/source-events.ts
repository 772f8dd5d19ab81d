import type { ArchiveLookup } from '../archive/types';
import { checkKey } from '../linkcheck/url';
import type { SourceQuoteCheck } from '../quote-check/source-check';
import type { QuoteStatus } from '../quote-check/types';
import type { SourceChange, SourceEvent, SourceHistory, WatchCheck } from './types';

/** What one run found about a source besides its link status, for the timeline. */
export interface SourceFindings {
  /** Each quotation's verdict, when the article quotes the source and its text was read. */
  quotes?: readonly { quote: string; status: QuoteStatus }[];
  /** The archive's answer, asked only when the reader allows third-party lookups and the source failed. */
  archive?: ArchiveLookup;
}

/**
 * A whole article's findings by source `checkKey`, from its quote checks and archive lookups (`npm run check`
 * makes both). A quotation whose source could not be read (not checkable) says nothing about it.
 */
export function findingsBySource(
  quoteChecks: readonly Pick<SourceQuoteCheck, 'url' | 'verdicts'>[],
  archives: readonly ArchiveLookup[],
): Map<string, SourceFindings> {
  const findings = new Map<string, SourceFindings>();
  const entry = (url: string) => {
    const key = checkKey(url) ?? url;
    const found = findings.get(key) ?? {};
    findings.set(key, found);
    return found;
  };
  for (const check of quoteChecks) {
    const read = check.verdicts.filter((verdict) => verdict.status !== 'not-checkable');
    if (read.length > 0) entry(check.url).quotes = read.map(({ quote, status }) => ({ quote, status }));
  }
  for (const archive of archives) entry(archive.url).archive = archive;
  return findings;
}

/** Events kept per source, besides the latest of each quotation and the latest archive answer. */
export const EVENTS_KEPT = 12;
/** A quotation is kept by its first words: enough to tell two apart, bounded in storage. */
const QUOTE_CHARS = 160;

/**
 * The timeline events a run's findings add, dated `at`: a quotation whose verdict is new or changed since the
 * last one recorded ("found" → "not found"), an archived copy not recorded before, or the archive saying it has
 * none (once, until it has one). A lookup that failed says nothing about the archive and adds nothing.
 */
export function eventsOf(history: SourceHistory, findings: SourceFindings, at: string): SourceEvent[] {
  const earlier = history.events ?? [];
  const events: SourceEvent[] = [];
  for (const { quote, status } of findings.quotes ?? []) {
    const key = quote.slice(0, QUOTE_CHARS);
    const last = lastQuoteEvent(earlier, key);
    if (last?.status !== status) {
      events.push({ at, kind: 'quote', quote: key, status, previous: last?.status ?? null });
    }
  }
  const archive = findings.archive;
  if (archive && !archive.error) {
    const copy = archive.mostRecent ?? archive.beforePublication;
    const last = lastArchiveEvent(earlier);
    if (copy && !(last?.kind === 'archived-copy' && last.url === copy.url)) {
      events.push({ at, kind: 'archived-copy', url: copy.url, date: copy.date });
    } else if (!copy && last?.kind !== 'no-archived-copy') {
      events.push({ at, kind: 'no-archived-copy' });
    }
  }
  return events;
}

/**
 * The history with `events` added, bounded: the latest EVENTS_KEPT, and older ones only where they are the latest
 * word on a quotation or on the archive (what the next run compares with).
 */
export function withEvents(history: SourceHistory, events: readonly SourceEvent[]): SourceHistory {
  if (events.length === 0) return history;
  const all = [...(history.events ?? []), ...events];
  const latestWord = new Set<SourceEvent>();
  const seen = new Set<string>();
  for (let i = all.length - 1; i >= 0; i--) {
    const event = all[i] as SourceEvent;
    const topic = event.kind === 'quote' ? `quote:${event.quote}` : 'archive';
    if (!seen.has(topic)) latestWord.add(event);
    seen.add(topic);
  }
  const from = all.length - EVENTS_KEPT;
  return { ...history, events: all.filter((event, i) => i >= from || latestWord.has(event)) };
}

/** What the timeline knows of the source's archived copies: the latest answer, if the archive was asked. */
export function lastArchiveEvent(events: readonly SourceEvent[] | undefined) {
  return (events ?? []).findLast(
    (event): event is Exclude<SourceEvent, { kind: 'quote' }> => event.kind !== 'quote',
  );
}

function lastQuoteEvent(events: readonly SourceEvent[], quote: string) {
  return events.findLast(
    (event): event is Extract<SourceEvent, { kind: 'quote' }> =>
      event.kind === 'quote' && event.quote === quote,
  );
}

const LOST_WORDS: Partial<Record<QuoteStatus, string>> = {
  'not-found': 'is not found in it any more',
  differs: 'differs in it now',
};

/**
 * The reader is told when a source that still answers loses a quotation: one found before is now not found, or
 * differs. Other turns (found again, first verdicts) stay in the timeline.
 */
export function quoteChangeOf(
  history: SourceHistory,
  check: WatchCheck,
  events: readonly SourceEvent[],
): SourceChange | null {
  const lost = events.find(
    (event): event is Extract<SourceEvent, { kind: 'quote' }> =>
      event.kind === 'quote' && event.previous === 'found' && LOST_WORDS[event.status] !== undefined,
  );
  if (!lost) return null;
  const previous = history.checks[history.checks.length - 2];
  return {
    key: history.key,
    url: history.url,
    at: check.at,
    kind: 'quote',
    from: history.verdict,
    to: history.verdict,
    previousStatus: previous?.status ?? null,
    status: check.status,
    reason: `The quotation “${lost.quote}” ${LOST_WORDS[lost.status]}.`,
  };
}
