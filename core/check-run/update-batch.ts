import type { ArchiveState, CheckSnapshot, CitationCheckState } from '../citation-status/types';

/**
 * Folds the worker's check updates into one message per interval. A long article's checks answer dozens of
 * times a second, each answer once "checking" and once with its verdict: sent one by one, every open panel
 * deserialises and handles thousands of messages, and the panel and the worker (one process in Chrome) compete
 * for the same cores. What a batch keeps is exactly what the last of its updates said: per citation (and per
 * archive key) the state with the highest revision, as the panel itself would keep it.
 */
export function mergeUpdates(
  earlier: Partial<CheckSnapshot>,
  later: Partial<CheckSnapshot>,
): Partial<CheckSnapshot> {
  const merged: Partial<CheckSnapshot> = {};
  const states = newest(earlier.states, later.states, (state: CitationCheckState) => state.key);
  const archives = newest(earlier.archives, later.archives, (archive: ArchiveState) => archive.archiveKey);
  if (states) merged.states = states;
  if (archives) merged.archives = archives;
  return merged;
}

function newest<T extends { revision: number }>(
  earlier: T[] | undefined,
  later: T[] | undefined,
  keyOf: (item: T) => string,
): T[] | undefined {
  if (!earlier) return later;
  if (!later) return earlier;
  const byKey = new Map<string, T>();
  for (const item of [...earlier, ...later]) {
    const kept = byKey.get(keyOf(item));
    if (!kept || item.revision >= kept.revision) byKey.set(keyOf(item), item);
  }
  return [...byKey.values()];
}

export interface UpdateBatcher {
  add(update: Partial<CheckSnapshot>): void;
}

/**
 * The first update of a quiet spell waits `intervalMs` for company, so a single Re-check still answers within
 * that interval while a busy run sends a few messages a second instead of one per answer.
 */
export function createUpdateBatcher(
  send: (update: Partial<CheckSnapshot>) => void,
  intervalMs: number,
  timers: { setTimeout: (run: () => void, ms: number) => unknown } = globalThis,
): UpdateBatcher {
  let waiting: Partial<CheckSnapshot> | null = null;
  const flush = () => {
    const update = waiting;
    waiting = null;
    if (update) send(update);
  };
  return {
    add(update) {
      if (waiting) {
        waiting = mergeUpdates(waiting, update);
        return;
      }
      waiting = update;
      timers.setTimeout(flush, intervalMs);
    },
  };
}
