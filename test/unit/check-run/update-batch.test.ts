import { describe, expect, it } from 'vitest';
import { createUpdateBatcher, mergeUpdates } from '../../../core/check-run/update-batch';
import type { CheckSnapshot } from '../../../core/citation-status/types';

const state = (key: string, status: 'checking' | 'alive' | 'dead', revision: number) => ({
  key,
  status,
  revision,
});

function manualTimers() {
  const due: (() => void)[] = [];
  return {
    timers: { setTimeout: (run: () => void) => due.push(run) },
    elapse: () => {
      for (const run of due.splice(0)) run();
    },
  };
}

describe('check update batches', () => {
  it('sends a burst of answers as one message that says what the last of them said', () => {
    const sent: Partial<CheckSnapshot>[] = [];
    const { timers, elapse } = manualTimers();
    const batcher = createUpdateBatcher((update) => sent.push(update), 100, timers);

    batcher.add({ states: [state('a', 'checking', 1)] });
    batcher.add({ states: [state('b', 'checking', 2)] });
    batcher.add({ states: [state('a', 'alive', 3)] });
    batcher.add({ archives: [{ key: 'b', archiveKey: 'b@2020', looking: true, revision: 4 }] });
    expect(sent).toEqual([]);

    elapse();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.states).toEqual([state('a', 'alive', 3), state('b', 'checking', 2)]);
    expect(sent[0]?.archives).toEqual([{ key: 'b', archiveKey: 'b@2020', looking: true, revision: 4 }]);
  });

  it('starts a new message after a batch went out, so a later Re-check is not held back', () => {
    const sent: Partial<CheckSnapshot>[] = [];
    const { timers, elapse } = manualTimers();
    const batcher = createUpdateBatcher((update) => sent.push(update), 100, timers);
    batcher.add({ states: [state('a', 'alive', 1)] });
    elapse();
    batcher.add({ states: [state('a', 'dead', 2)] });
    elapse();
    expect(sent.map((update) => update.states?.[0]?.status)).toEqual(['alive', 'dead']);
  });

  it('never lets an older state replace a newer one that arrived first', () => {
    const merged = mergeUpdates({ states: [state('a', 'dead', 9)] }, { states: [state('a', 'checking', 4)] });
    expect(merged.states).toEqual([state('a', 'dead', 9)]);
  });
});
