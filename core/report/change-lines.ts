import type { ChangeStatus, SourceChange } from '../source-change/types';
import { labelWords } from './quote-labels';
import type { CitedReport } from './types';

/** Words (and a symbol that survives plain-text paste) for each change verdict. */
export const CHANGE_LABELS: Record<ChangeStatus, string> = {
  unchanged: '✅ unchanged',
  edited: '✏️ edited',
  replaced: '🔄 replaced',
  gone: '⛔ gone',
};

/**
 * A change's evidence in plain words, as a journalist would paste it into a correction request: the verdict's
 * line, the archived copy it rests on, and each changed passage with its words marked.
 */
export function changeEvidence(change: SourceChange): string[] {
  return [change.summary, `Archived copy: ${change.copy.url}`, ...changedPassages(change)];
}

/** Each changed passage with its words marked, then how many more there are. */
export function changedPassages(change: SourceChange): string[] {
  const lines = change.passages.map((passage) => `Changed: “${passage.marked}”`);
  if (change.morePassages > 0) {
    lines.push(`… and ${change.morePassages} more changed passage${change.morePassages === 1 ? '' : 's'}.`);
  }
  return lines;
}

/** "1 edited, 2 gone" for the sources the report compared; null when none was. */
export function changeCounts(report: CitedReport): string | null {
  const counts = Object.entries(report.summary.changes)
    .filter(([, count]) => count > 0)
    .map(([status, count]) => `${count} ${labelWords(CHANGE_LABELS[status as ChangeStatus])}`);
  return counts.length > 0 ? counts.join(', ') : null;
}
