import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { inIdleMoments, latestInNextTask, onFrameAfterGap } from '../../../entrypoints/sidepanel/next-frame';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('latestInNextTask', () => {
  it('draws what arrived in the task after the one that received it, not during it', () => {
    const drawn: string[] = [];
    const shown = latestInNextTask((state: string) => drawn.push(state));
    shown.push('the article and its first rows');
    expect(drawn).toEqual([]);
    vi.runAllTimers();
    expect(drawn).toEqual(['the article and its first rows']);
  });

  it('draws only the newest of states that arrived before a draw, and every state after', () => {
    const drawn: string[] = [];
    const shown = latestInNextTask((state: string) => drawn.push(state));
    shown.push('loading');
    shown.push('200 of 2,000 rows');
    vi.runAllTimers();
    shown.push('all 2,000 rows');
    vi.runAllTimers();
    expect(drawn).toEqual(['200 of 2,000 rows', 'all 2,000 rows']);
  });

  it('draws nothing once the panel has let go of it', () => {
    const drawn: string[] = [];
    const shown = latestInNextTask((state: string) => drawn.push(state));
    shown.push('a page the panel has left');
    shown.cancel();
    vi.runAllTimers();
    expect(drawn).toEqual([]);
  });
});

describe('inIdleMoments', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('does one step per idle moment, in order, none before the first, and all of them in the end', () => {
    const idle: Array<() => void> = [];
    vi.stubGlobal('requestIdleCallback', (work: () => void) => idle.push(work));
    vi.stubGlobal('cancelIdleCallback', () => {});
    const done: string[] = [];
    inIdleMoments([() => done.push('numbers'), () => done.push('dates'), () => done.push('calendar dates')]);
    expect(done).toEqual([]);
    idle.shift()?.();
    expect(done).toEqual(['numbers']);
    idle.shift()?.();
    expect(done).toEqual(['numbers', 'dates']);
    idle.shift()?.();
    expect(done).toEqual(['numbers', 'dates', 'calendar dates']);
    expect(idle).toEqual([]);
  });

  it('takes a timer per step where the browser has no idle callbacks', () => {
    vi.stubGlobal('requestIdleCallback', undefined);
    const done: string[] = [];
    inIdleMoments([() => done.push('numbers'), () => done.push('dates')]);
    expect(done).toEqual([]);
    vi.advanceTimersToNextTimer();
    expect(done).toEqual(['numbers']);
    vi.runAllTimers();
    expect(done).toEqual(['numbers', 'dates']);
  });

  it('does no step left once cancelled', () => {
    const idle: Array<() => void> = [];
    const cancelled: number[] = [];
    vi.stubGlobal('requestIdleCallback', (work: () => void) => {
      idle.push(work);
      return idle.length + cancelled.length + 100;
    });
    vi.stubGlobal('cancelIdleCallback', (id: number) => cancelled.push(id));
    const done: string[] = [];
    const cancel = inIdleMoments([() => done.push('numbers'), () => done.push('dates')]);
    idle.shift()?.();
    cancel();
    expect(cancelled).toEqual([101]);
    idle.shift()?.();
    expect(done).toEqual(['numbers']);
  });
});

describe('onFrameAfterGap', () => {
  const frames: Array<() => void> = [];
  beforeEach(() => {
    frames.length = 0;
    vi.stubGlobal('document', { visibilityState: 'visible' });
    vi.stubGlobal('requestAnimationFrame', (work: () => void) => frames.push(work));
    vi.stubGlobal('cancelAnimationFrame', (id: number) => {
      frames[id - 1] = () => {};
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('draws in the next frame when the last draw is longer ago than the gap', () => {
    const drawn: string[] = [];
    onFrameAfterGap(
      0,
      150,
      () => drawn.push('verdicts'),
      () => 1000,
    );
    expect(frames).toHaveLength(1);
    frames.shift()?.();
    expect(drawn).toEqual(['verdicts']);
  });

  it('waits out the rest of the gap, then draws in the frame after it', () => {
    const drawn: string[] = [];
    onFrameAfterGap(
      1000,
      150,
      () => drawn.push('verdicts'),
      () => 1100,
    );
    vi.advanceTimersByTime(49);
    expect(frames).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(frames).toHaveLength(1);
    frames.shift()?.();
    expect(drawn).toEqual(['verdicts']);
  });

  it('draws nothing once cancelled, whether waiting for the gap or for the frame', () => {
    const drawn: string[] = [];
    const cancelWaiting = onFrameAfterGap(
      1000,
      150,
      () => drawn.push('stale'),
      () => 1100,
    );
    cancelWaiting();
    vi.runAllTimers();
    expect(frames).toHaveLength(0);
    const cancelFrame = onFrameAfterGap(
      1000,
      150,
      () => drawn.push('stale'),
      () => 1100,
    );
    vi.runAllTimers();
    cancelFrame();
    for (const frame of frames) frame();
    expect(drawn).toEqual([]);
  });
});
