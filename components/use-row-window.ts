import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

/**
 * Which blocks of a long list are near the screen, so only those are rendered (issue 10: a 2,000-row list drawn
 * whole costs seconds of style and layout on every update). Rows go in blocks of BLOCK_ROWS; a block far from the
 * viewport is an empty box as tall as it was when last drawn (or an estimate), so the scrollbar and the scroll
 * position stay true. Short lists, and browsers without IntersectionObserver, render every row.
 */

export const BLOCK_ROWS = 20;
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

  useEffect(() => {
    if (!windowed) return;
    const indexOf = (element: Element) => Number(element.getAttribute('data-row-block'));
    intersection.current = new IntersectionObserver(
      (entries) => {
        setNear((current) => {
          let next: Set<number> | null = null;
          for (const entry of entries) {
            const index = indexOf(entry.target);
            if (entry.isIntersecting === current.has(index)) continue;
            next ??= new Set(current);
            if (entry.isIntersecting) next.add(index);
            else next.delete(index);
          }
          return next ?? current;
        });
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
