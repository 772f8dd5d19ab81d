import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

/**
 * Which blocks of a long list are near the screen, so only those are rendered (issue 10: a 2,000-row list drawn
 * whole costs seconds of style and layout on every update). Rows go in blocks of BLOCK_ROWS; a block far from the
 * viewport is an empty box as tall as it was when last drawn (or an estimate), so the scrollbar and the scroll
 * position stay true. A block on screen is drawn at once; blocks that only come within MARGIN of it are drawn
 * ahead one a frame, nearest first, so no frame draws more than a screenful of rows (the panel's first render of a
 * long article drew 20 rows and then 40 more in one task each). Short lists, and browsers without
 * IntersectionObserver, render every row.
 */

/** Rows a block holds: its rows fill a panel's screen, and drawing them is one short task. */
export const BLOCK_ROWS = 10;
/** Lists up to this many rows are drawn whole: cheap enough, and every row stays in the page for find-in-page. */
export const WINDOW_FROM = 80;
const ESTIMATED_ROW_PX = 72;
/** Blocks this far beyond the viewport are drawn too, so a fast scroll rarely shows empty space. */
const MARGIN = '1200px 0px';

export interface RowWindow {
  /** Whether block `index` is drawn. */
  drawn(index: number): boolean;
  /** The height an undrawn block keeps, in px. */
  heightOf(index: number, rows: number): number;
  /** Ref for block `index`'s element, so its visibility and height are followed. */
  blockRef(index: number): (element: HTMLElement | null) => void;
}

export function useRowWindow(rowCount: number, keepDrawn: readonly number[]): RowWindow {
  const windowed = rowCount > WINDOW_FROM && typeof IntersectionObserver !== 'undefined';
  // The first block fills a panel's screen; the observer adds the next ones a frame later, so the panel's first
  // render (with its header, its summary and its hooks) stays one short task.
  const [near, setNear] = useState<ReadonlySet<number>>(() => new Set([0]));
  const heights = useRef(new Map<number, number>());
  const elements = useRef(new Map<number, HTMLElement>());
  const intersection = useRef<IntersectionObserver | null>(null);
  const resize = useRef<ResizeObserver | null>(null);
  // The blocks drawn, for the observer's callback, which outlives renders.
  const drawnNow = useRef(near);
  drawnNow.current = near;

  useEffect(() => {
    if (!windowed) return;
    const indexOf = (element: Element) => Number(element.getAttribute('data-row-block'));
    // Blocks near the screen but not on it, waiting for a frame to be drawn in: block → distance from the screen.
    const ahead = new Map<number, number>();
    let cancelFrame: (() => void) | null = null;
    const drawOneAhead = () => {
      cancelFrame = null;
      let nearest: number | null = null;
      for (const [index, distance] of ahead)
        if (nearest === null || distance < (ahead.get(nearest) ?? 0)) nearest = index;
      if (nearest === null) return;
      const index = nearest;
      ahead.delete(index);
      setNear((current) => (current.has(index) ? current : new Set(current).add(index)));
      if (ahead.size > 0) cancelFrame = nextFrame(drawOneAhead);
    };
    intersection.current = new IntersectionObserver(
      (entries) => {
        const now: number[] = [];
        const gone: number[] = [];
        for (const entry of entries) {
          const index = indexOf(entry.target);
          const distance = distanceFromScreen(entry);
          if (!entry.isIntersecting) {
            ahead.delete(index);
            gone.push(index);
          } else if (distance === 0) {
            ahead.delete(index);
            now.push(index);
          } else if (!drawnNow.current.has(index)) {
            ahead.set(index, distance);
          }
        }
        setNear((current) => {
          let next: Set<number> | null = null;
          for (const index of now) {
            if (current.has(index)) continue;
            next ??= new Set(current);
            next.add(index);
          }
          for (const index of gone) {
            if (!current.has(index)) continue;
            next ??= new Set(current);
            next.delete(index);
          }
          return next ?? current;
        });
        if (ahead.size > 0 && !cancelFrame) cancelFrame = nextFrame(drawOneAhead);
      },
      { rootMargin: MARGIN },
    );
    resize.current =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver((entries) => {
            for (const entry of entries) {
              const height = (entry.target as HTMLElement).offsetHeight;
              if (entry.target.childElementCount > 0 && height > 0)
                heights.current.set(indexOf(entry.target), height);
            }
          });
    for (const element of elements.current.values()) {
      intersection.current.observe(element);
      resize.current?.observe(element);
    }
    return () => {
      cancelFrame?.();
      intersection.current?.disconnect();
      resize.current?.disconnect();
      intersection.current = null;
      resize.current = null;
    };
  }, [windowed]);

  const refs = useRef(new Map<number, (element: HTMLElement | null) => void>());
  const blockRef = useCallback((index: number) => {
    let ref = refs.current.get(index);
    if (!ref) {
      ref = (element: HTMLElement | null) => {
        const previous = elements.current.get(index);
        if (previous === element) return;
        if (previous) {
          intersection.current?.unobserve(previous);
          resize.current?.unobserve(previous);
          elements.current.delete(index);
        }
        if (!element) return;
        elements.current.set(index, element);
        intersection.current?.observe(element);
        resize.current?.observe(element);
      };
      refs.current.set(index, ref);
    }
    return ref;
  }, []);

  return {
    drawn: (index) => !windowed || near.has(index) || keepDrawn.includes(index),
    heightOf: (index, rows) => heights.current.get(index) ?? rows * ESTIMATED_ROW_PX,
    blockRef,
  };
}

export function blockOf(row: number): number {
  return Math.floor(row / BLOCK_ROWS);
}

/**
 * How far a block is from the viewport, in px; 0 when some of it is on screen (or when the browser gave no
 * rectangles to tell).
 */
function distanceFromScreen(entry: IntersectionObserverEntry): number {
  const box = entry.boundingClientRect;
  if (!box || typeof innerHeight !== 'number') return 0;
  if (box.bottom <= 0) return -box.bottom + 1;
  if (box.top >= innerHeight) return box.top - innerHeight + 1;
  return 0;
}

function nextFrame(work: () => void): () => void {
  if (typeof requestAnimationFrame === 'function') {
    const frame = requestAnimationFrame(() => work());
    return () => cancelAnimationFrame(frame);
  }
  const timer = setTimeout(work, 16);
  return () => clearTimeout(timer);
}
