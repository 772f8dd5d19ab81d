import { formatBytes } from '../core/format/bytes';
import type { CitationStatus } from '../core/linkcheck/types';
import type { SaveOutcome, SaveProgress } from '../core/save-job/types';
import type { StatusCounts } from '../core/storage/types';

/** "12 Mar 2026, 14:05" in the reader's locale and time zone. */
export function formatSavedAt(iso: string, locale?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** Worst first: what a reader must notice leads. */
const STATUS_ORDER: readonly CitationStatus[] = [
  'dead',
  'soft-404',
  'blocked',
  'rate-limited',
  'unreachable',
  'redirected',
  'alive',
  'skipped',
  'checking',
  'queued',
  'not-checked',
];

export function statusEntries(counts: StatusCounts): Array<{ status: CitationStatus; count: number }> {
  return STATUS_ORDER.flatMap((status) => {
    const count = counts[status] ?? 0;
    return count > 0 ? [{ status, count }] : [];
  });
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** One line of progress: "Saving the page… 12 of 30 resources", "Saving sources… 2 of 5". */
export function progressText(progress: SaveProgress): string {
  switch (progress.phase) {
    case 'reading':
      return 'Reading the page…';
    case 'page': {
      const { done, total } = progress.resources;
      return total > 0 ? `Saving the page… ${done} of ${plural(total, 'resource')}` : 'Saving the page…';
    }
    case 'sources': {
      const sources = progress.sources;
      if (!sources || sources.total === 0) return 'Saving sources…';
      return `Saving sources… ${sources.done} of ${sources.total}${sources.failed ? ` (${sources.failed} could not be saved)` : ''}`;
    }
    case 'storing':
      return 'Storing in the library…';
    case 'done':
      return progress.outcome ? outcomeText(progress.outcome) : 'Saved';
    case 'failed':
      return progress.error?.message ?? 'The snapshot could not be saved.';
  }
}

/** "Saved, 2.4 MB" or "Saved with 3 of 5 sources, 6.1 MB". */
export function outcomeText(outcome: SaveOutcome): string {
  if (!outcome.sources) return `Saved, ${formatBytes(outcome.bytes)}`;
  const { saved, failed } = outcome.sources;
  const total = saved.length + failed.length;
  if (total === 0) return `Saved, ${formatBytes(outcome.totalBytes)} (no external sources to save)`;
  return `Saved with ${saved.length} of ${plural(total, 'source')}, ${formatBytes(outcome.totalBytes)}`;
}

/** 0..1 for a progress bar, or null when the amount of work is not known yet. */
export function progressFraction(progress: SaveProgress): number | null {
  if (progress.phase === 'page' && progress.resources.total > 0) {
    return progress.resources.done / progress.resources.total;
  }
  if (progress.phase === 'sources' && progress.sources && progress.sources.total > 0) {
    return progress.sources.done / progress.sources.total;
  }
  return null;
}
