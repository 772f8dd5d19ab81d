import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { latestInNextTask } from '../../../entrypoints/sidepanel/next-frame';

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
