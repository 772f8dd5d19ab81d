import type { MarkerItem, MarkerUpdate } from '../../core/citation-status/types';
import { pageLinks } from './highlight';
import { onScreenRange } from './on-screen';
import { MARKER_TAG, placeMarker } from './status-markers';

/**
 * The panel's markers placed on the page frame by frame (issue 10). Every frame that changes the page costs the
 * browser a layout, paint and commit of the whole document whatever the change, and each marker adds its own
 * share: so a frame takes only a few dozen markers, and stops early once its script time is spent. The markers on
 * the reader's screen come first. In a frame, the page's boxes are read before any marker is written, so the
 * browser never lays the page out twice.
 *
 * Updates from the panel merge into one queue: a newer status for a citation replaces the one still waiting, and
 * nothing an older update asked for is dropped because a newer one came before it was placed. Less than a full
 * batch waits a moment for more (a few verdicts at a time share one frame, at most twice a second).
 */

/** How the queue gets frames and reads the time: the browser's in the content script, fakes in tests. */
export interface FrameSource {
  /** Runs `work` once, at the start of the next frame (before the browser lays it out and paints it). */
  next(work: () => void): void;
  /** Milliseconds, for the frame's time budget (performance.now in the browser). */
  now(): number;
}

export interface FrameBudget {
  /** New markers one frame inserts, at most: each lays out its link's paragraph again. */
  newMarkers: number;
  /** Citations whose markers one frame places or updates, at most (an update is laid out inside its marker). */
  markers: number;
  /** Script time one frame may spend placing markers, ms. */
  ms: number;
  /**
   * A frame with less than a full batch comes at most once in this many ms: while verdicts stream in a few at a
   * time, their updates wait a moment to share one frame rather than each costing the page a frame of its own.
   */
  smallFrameGapMs: number;
}

/**
 * Measured on the 2,000-link article on a busy machine: a frame that changes the page costs the browser about
 * 10 ms of CPU whatever the change (paint, pre-paint, layout, each over the whole document), each new marker about
 * 0.2 ms more, each update about 0.15 ms more. Twenty new or thirty updated markers keep a frame near 15 ms; 2,000
 * markers take 100 frames, under two seconds.
 */
export const MARKER_FRAME_BUDGET: FrameBudget = { newMarkers: 20, markers: 30, ms: 4, smallFrameGapMs: 500 };

export class MarkerQueue {
  /** Citations waiting for their markers, by URL, in the order they came (article order for a full list). */
  private readonly waiting = new Map<string, MarkerItem>();
  /** Markers to remove at the next frame: those of these URLs... */
  private readonly gone = new Set<string>();
  /** ...or, after a full list, all but those of its URLs. */
  private keepOnly: Set<string> | null = null;
  /** The page's links, listed again for each update (the page may have re-rendered since the last one). */
  private links: HTMLElement[] | null = null;
  private scheduled = false;
  private lastSmallFrame = Number.NEGATIVE_INFINITY;
  private readonly whenDone: Array<(result: { shown: number }) => void> = [];

  constructor(
    private readonly doc: Document,
    private readonly frames: FrameSource,
    private readonly budget: FrameBudget = MARKER_FRAME_BUDGET,
  ) {}

  /** Queues an update; resolves once every marker waiting then (and since) is on the page. */
  show(update: MarkerUpdate): Promise<{ shown: number }> {
    if (update.replace) {
      this.waiting.clear();
      this.gone.clear();
      this.keepOnly = new Set(update.items.map((item) => item.url));
    }
    for (const url of update.remove ?? []) {
      this.waiting.delete(url);
      this.keepOnly?.delete(url);
      this.gone.add(url);
    }
    for (const item of update.items) {
      this.gone.delete(item.url);
      this.keepOnly?.add(item.url);
      this.waiting.set(item.url, item);
    }
    this.links = null;
    const done = new Promise<{ shown: number }>((resolve) => this.whenDone.push(resolve));
    this.schedule();
    return done;
  }

  /** Removes every marker now, and whatever was still waiting. */
  clear(): { cleared: number } {
    this.waiting.clear();
    this.gone.clear();
    this.keepOnly = null;
    const markers = Array.from(this.doc.querySelectorAll(MARKER_TAG));
    for (const marker of markers) marker.remove();
    this.settle();
    return { cleared: markers.length };
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.frames.next(() => {
      this.scheduled = false;
      this.frame();
    });
  }

  private frame(): void {
    const start = this.frames.now();
    const hasWork = this.waiting.size > 0 || this.keepOnly !== null || this.gone.size > 0;
    if (hasWork && this.waiting.size < this.budget.markers) {
      // A frame that changes nothing costs the page next to nothing: waiting one is cheap.
      if (start - this.lastSmallFrame < this.budget.smallFrameGapMs) {
        this.schedule();
        return;
      }
      this.lastSmallFrame = start;
    }
    this.links ??= pageLinks(this.doc);
    const links = this.links;
    // Reads first, from the boxes the browser laid out for the last frame; only writes after.
    const order = this.onScreenFirst(links);
    this.removeGone();
    let placed = 0;
    let inserted = 0;
    for (const item of order) {
      // At least one a frame, whatever the clock says, so the queue always moves on.
      const spent =
        placed >= this.budget.markers ||
        inserted >= this.budget.newMarkers ||
        (placed > 0 && this.frames.now() - start >= this.budget.ms);
      if (spent) break;
      this.waiting.delete(item.url);
      inserted += placeMarker(this.doc, item, links).inserted;
      placed++;
    }
    if (this.waiting.size > 0) this.schedule();
    else this.settle();
  }

  /** The waiting citations with a link on screen first, then the others in the order they came. */
  private onScreenFirst(links: readonly HTMLElement[]): MarkerItem[] {
    const items = Array.from(this.waiting.values());
    // What fits in this frame needs no order, and no read of the page's boxes.
    const view = this.doc.defaultView;
    const range = view && items.length > this.budget.newMarkers ? onScreenRange(links, view) : null;
    if (!range) return items;
    const inView = (item: MarkerItem) =>
      item.linkIndexes.some((index) => index >= range.first && index <= range.last);
    return [...items.filter(inView), ...items.filter((item) => !inView(item))];
  }

  private removeGone(): void {
    const keepOnly = this.keepOnly;
    if (!keepOnly && this.gone.size === 0) return;
    for (const marker of Array.from(this.doc.querySelectorAll(MARKER_TAG))) {
      const url = marker.getAttribute('data-cited-url') ?? '';
      if (keepOnly ? !keepOnly.has(url) : this.gone.has(url)) marker.remove();
    }
    this.keepOnly = null;
    this.gone.clear();
  }

  private settle(): void {
    if (this.whenDone.length === 0) return;
    const shown = this.doc.querySelectorAll(MARKER_TAG).length;
    for (const resolve of this.whenDone.splice(0)) resolve({ shown });
  }
}
