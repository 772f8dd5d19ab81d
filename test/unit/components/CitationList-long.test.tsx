// @vitest-environment jsdom

import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CitationList } from '../../../components/CitationList';
import { checkedRowStatus } from '../../../components/row-status';
import { BLOCK_ROWS, WINDOW_FROM } from '../../../components/use-row-window';
import { click, mount, press } from './render';
import { citation } from './sample-capture';

// Issue 10: a long list draws only the blocks of rows near the screen, and every row stays reachable.

/** A stand-in for the browser's IntersectionObserver: the test says which blocks are on screen. */
class FakeIntersections {
  static current: FakeIntersections | null = null;
  readonly targets = new Set<Element>();
  constructor(private readonly callback: IntersectionObserverCallback) {
    FakeIntersections.current = this;
  }
  observe(target: Element) {
    this.targets.add(target);
  }
  unobserve(target: Element) {
    this.targets.delete(target);
  }
  disconnect() {
    this.targets.clear();
  }
  /**
   * Blocks come near the screen at the given top and bottom (px from the viewport's top; jsdom's viewport is
   * innerHeight tall); every other observed block leaves it.
   */
  place(boxes: Record<number, { top: number; bottom: number }>) {
    const entries = [...this.targets].map((target) => {
      const box = boxes[Number(target.getAttribute('data-row-block'))];
      return { target, isIntersecting: box !== undefined, boundingClientRect: box ?? { top: 0, bottom: 0 } };
    });
    act(() => this.callback(entries as unknown as IntersectionObserverEntry[], this as never));
  }
  /** Blocks `shown` come into view; every other observed block leaves it. */
  show(shown: number[]) {
    const entries = [...this.targets].map((target) => ({
      target,
      isIntersecting: shown.includes(Number(target.getAttribute('data-row-block'))),
    }));
    act(() => this.callback(entries as unknown as IntersectionObserverEntry[], this as never));
  }
}

const many = Array.from({ length: 1000 }, (_, i) =>
  citation(`https://source${i % 50}.example/report/${i}`, 'external', [
    { anchorText: `report ${i}`, sentence: `Finding ${i} rests on report ${i}.`, linkIndex: i },
  ]),
);

let cleanup: (() => void) | undefined;
beforeEach(() => {
  vi.stubGlobal('IntersectionObserver', FakeIntersections);
});
afterEach(() => {
  cleanup?.();
  vi.unstubAllGlobals();
});

function longList() {
  const onGoTo = vi.fn();
  const mounted = mount(<CitationList citations={many} onGoTo={onGoTo} onOpen={vi.fn()} />);
  cleanup = mounted.unmount;
  const drawnRows = () => mounted.container.querySelectorAll('[role="row"]').length;
  const focusedUrl = () =>
    (document.activeElement as HTMLElement | null)
      ?.closest('[data-citation-url]')
      ?.getAttribute('data-citation-url');
  return { ...mounted, onGoTo, drawnRows, focusedUrl };
}

describe('a long citation list', () => {
  it('draws only the blocks near the screen, and keeps the others as tall empty boxes', () => {
    const { container, drawnRows } = longList();
    expect(many.length).toBeGreaterThan(WINDOW_FROM);
    expect(drawnRows()).toBe(BLOCK_ROWS);
    const blocks = container.querySelectorAll('[data-row-block]');
    expect(blocks).toHaveLength(many.length / BLOCK_ROWS);
    expect((blocks[10] as HTMLElement).style.height).toMatch(/^\d+px$/);
    // The grid still says how many rows there are, for screen readers.
    expect(container.querySelector('[role="grid"]')?.getAttribute('aria-rowcount')).toBe(String(many.length));
  });

  it('draws the rows a scroll brings near the screen, and lets go of those it leaves', () => {
    const { container, drawnRows } = longList();
    FakeIntersections.current?.show([0, 1]);
    expect(drawnRows()).toBe(2 * BLOCK_ROWS);
    FakeIntersections.current?.show([12, 13]);
    expect(drawnRows()).toBe(3 * BLOCK_ROWS);
    expect(container.querySelector(`[data-row-index="${12 * BLOCK_ROWS + 5}"]`)).not.toBeNull();
    // The first block stays drawn: it holds the list's tab stop.
    expect(container.querySelector(`[data-row-index="${BLOCK_ROWS}"]`)).toBeNull();
    expect(container.querySelector('[data-row-index="0"]')).not.toBeNull();
  });

  it('draws the blocks near the screen but not on it one a frame, nearest first, until all are drawn', () => {
    vi.useFakeTimers();
    try {
      const { container, drawnRows } = longList();
      const drawnBlocks = () =>
        [...container.querySelectorAll('[data-row-block]')]
          .filter((block) => block.childElementCount > 0)
          .map((block) => Number(block.getAttribute('data-row-block')));
      const screen = innerHeight;
      // Block 0 fills the screen; 1 starts just below it, 2 and 3 further down, within the observer's margin.
      FakeIntersections.current?.place({
        0: { top: 0, bottom: screen + 10 },
        3: { top: screen + 1500, bottom: screen + 2200 },
        1: { top: screen + 10, bottom: screen + 700 },
        2: { top: screen + 700, bottom: screen + 1500 },
      });
      expect(drawnBlocks()).toEqual([0]);
      act(() => {
        vi.advanceTimersToNextFrame();
      });
      expect(drawnBlocks()).toEqual([0, 1]);
      act(() => {
        vi.advanceTimersToNextFrame();
      });
      expect(drawnBlocks()).toEqual([0, 1, 2]);
      act(() => {
        vi.advanceTimersToNextFrame();
      });
      expect(drawnBlocks()).toEqual([0, 1, 2, 3]);
      act(() => {
        vi.runAllTimers();
      });
      expect(drawnRows()).toBe(4 * BLOCK_ROWS);
    } finally {
      vi.useRealTimers();
    }
  });

  it('draws a block scrolled onto the screen at once, even while blocks ahead wait for their frame', () => {
    vi.useFakeTimers();
    try {
      const { container } = longList();
      FakeIntersections.current?.place({
        0: { top: 0, bottom: innerHeight + 10 },
        1: { top: innerHeight + 10, bottom: innerHeight + 700 },
        2: { top: innerHeight + 700, bottom: innerHeight + 1400 },
      });
      // The reader jumps far down: block 40 is on screen, 41 just below it.
      FakeIntersections.current?.place({
        40: { top: -100, bottom: 600 },
        41: { top: innerHeight + 1, bottom: innerHeight + 700 },
      });
      expect(container.querySelector(`[data-row-index="${40 * BLOCK_ROWS}"]`)).not.toBeNull();
      expect(container.querySelector(`[data-row-index="${41 * BLOCK_ROWS}"]`)).toBeNull();
      act(() => {
        vi.runAllTimers();
      });
      expect(container.querySelector(`[data-row-index="${41 * BLOCK_ROWS}"]`)).not.toBeNull();
      // The blocks left behind were never drawn in.
      expect(container.querySelector(`[data-row-index="${2 * BLOCK_ROWS}"]`)).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('End reaches the last row though it was not drawn, and Enter goes to its link on the page', () => {
    const { container, onGoTo, focusedUrl } = longList();
    const first = container.querySelector<HTMLElement>('[data-row-index="0"] [data-col="0"]');
    first?.focus();
    press(document.activeElement as Element, 'End');
    expect(focusedUrl()).toBe(many.at(-1)?.url);
    press(document.activeElement as Element, 'Enter');
    expect(onGoTo).toHaveBeenCalledWith(many.at(-1), 0);
    press(document.activeElement as Element, 'PageUp');
    expect(focusedUrl()).toBe(many.at(-6)?.url);
  });

  it('a click on a row far down goes to its link', () => {
    const { container, onGoTo } = longList();
    FakeIntersections.current?.show([24]);
    const row = container.querySelector<HTMLElement>(
      `[data-row-index="${24 * BLOCK_ROWS + 3}"] [data-col="0"]`,
    );
    if (!row) throw new Error('row 963 not drawn');
    click(row);
    expect(onGoTo).toHaveBeenCalledWith(many[24 * BLOCK_ROWS + 3], 0);
  });

  it('a block scrolled back to shows the statuses that arrived while it was not drawn', () => {
    const container = document.createElement('div');
    document.body.append(container);
    cleanup = () => {
      act(() => render(null, container));
      container.remove();
    };
    const list = (status: 'queued' | 'dead') => (
      <CitationList
        citations={many}
        onGoTo={vi.fn()}
        onOpen={vi.fn()}
        statusFor={(one) => checkedRowStatus(one, status)}
      />
    );
    const statusOfRow = (index: number) =>
      container.querySelector(`[data-row-index="${index}"]`)?.getAttribute('data-status');
    act(() => render(list('queued'), container));
    FakeIntersections.current?.show([12]);
    expect(statusOfRow(12 * BLOCK_ROWS)).toBe('queued');
    FakeIntersections.current?.show([0]);
    const emptyBlock = container.querySelector<HTMLElement>('[data-row-block="12"]');
    act(() => render(list('dead'), container));
    // Off screen, the block stays an empty box of the height it had.
    expect(emptyBlock?.childElementCount).toBe(0);
    expect(statusOfRow(0)).toBe('dead');
    FakeIntersections.current?.show([12]);
    expect(statusOfRow(12 * BLOCK_ROWS)).toBe('dead');
  });
});
