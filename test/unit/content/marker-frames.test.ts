// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { MarkerItem } from '../../../core/citation-status/types';
import {
  type FrameBudget,
  type FrameSource,
  MARKER_FRAME_BUDGET,
  MarkerQueue,
} from '../../../entrypoints/capture.content/marker-frames';
import { MARKER_TAG } from '../../../entrypoints/capture.content/status-markers';

// Issue 10: a long article's markers go onto the page a few at a time, one batch per frame, on-screen ones first.

/** Several frames of work, and more links than one screen holds. */
const COUNT = 157;
const LINE_PX = 20;
const url = (i: number) => `https://source${i}.example/report.html`;

/** One link per line, each LINE_PX tall, laid out top to bottom as in a real article. */
function loadLongArticle(): HTMLAnchorElement[] {
  const links = Array.from({ length: COUNT }, (_, i) => `<p><a href="${url(i)}">source ${i}</a>.</p>`).join(
    '',
  );
  document.body.innerHTML = `<main><article><h1>Long</h1>${links}</article></main>`;
  return Array.from(document.querySelectorAll('a'));
}

/** Scrolls the fake layout so that the link at `index` is at the top of the view. */
function scrollTo(links: HTMLAnchorElement[], index: number, reads?: string[]): void {
  links.forEach((link, i) => {
    const top = (i - index) * LINE_PX;
    link.getBoundingClientRect = () => {
      reads?.push('read');
      return { top, bottom: top + LINE_PX, left: 0, right: 100, width: 100, height: LINE_PX } as DOMRect;
    };
  });
}

const FRAME_MS = 16;

/** Frames that come only when the test says, each FRAME_MS after the last on a clock the test may set. */
function fakeFrames() {
  const pending: Array<() => void> = [];
  const frames: FrameSource & {
    run(): void;
    drain<T>(promise: Promise<T>): Promise<T>;
    waiting(): number;
    time: number;
  } = {
    time: 0,
    next: (work) => pending.push(work),
    now: () => frames.time,
    run() {
      for (const work of pending.splice(0)) work();
      frames.time += FRAME_MS;
    },
    /** Runs frames until no work is left, then hands back what `promise` gave. */
    async drain<T>(promise: Promise<T>): Promise<T> {
      while (pending.length > 0) frames.run();
      return promise;
    },
    waiting: () => pending.length,
  };
  return frames;
}

const items = (status: MarkerItem['status'], from = 0, to = COUNT): MarkerItem[] =>
  Array.from({ length: to - from }, (_, k) => ({ url: url(from + k), linkIndexes: [from + k], status }));

/** The long article, and a queue placing its markers in fake frames. */
function start(budget?: FrameBudget) {
  const links = loadLongArticle();
  const frames = fakeFrames();
  return { links, frames, queue: new MarkerQueue(document, frames, budget) };
}

const markers = () => Array.from(document.querySelectorAll(MARKER_TAG));
const statusOf = (i: number) =>
  document.querySelector(`${MARKER_TAG}[data-cited-url="${url(i)}"]`)?.getAttribute('data-cited-status');
const placedIndexes = () =>
  markers().map((marker) => Number(/source(\d+)/.exec(marker.getAttribute('data-cited-url') ?? '')?.[1]));

describe('markers placed frame by frame', () => {
  it('inserts at most the budget of new markers per frame, nothing between frames, all of them in the end', async () => {
    const { frames, queue } = start();
    const done = queue.show({ items: items('queued'), replace: true });
    // Nothing is written when the message comes: only at the next frame.
    expect(markers()).toHaveLength(0);
    const perFrame: number[] = [];
    while (frames.waiting() > 0) {
      const before = markers().length;
      frames.run();
      perFrame.push(markers().length - before);
    }
    expect(await done).toEqual({ shown: COUNT });
    expect(Math.max(...perFrame)).toBe(MARKER_FRAME_BUDGET.newMarkers);
    expect(perFrame).toHaveLength(Math.ceil(COUNT / MARKER_FRAME_BUDGET.newMarkers));
    expect(markers().map((marker) => marker.getAttribute('data-cited-status'))).toEqual(
      Array(COUNT).fill('queued'),
    );
  });

  it('updates markers already on the page in larger batches, still bounded per frame', async () => {
    const { frames, queue } = start();
    await frames.drain(queue.show({ items: items('queued'), replace: true }));
    const updated = queue.show({ items: items('alive') });
    const perFrame: number[] = [];
    while (frames.waiting() > 0) {
      const before = markers().filter(
        (marker) => marker.getAttribute('data-cited-status') === 'alive',
      ).length;
      frames.run();
      perFrame.push(
        markers().filter((marker) => marker.getAttribute('data-cited-status') === 'alive').length - before,
      );
    }
    expect(await updated).toEqual({ shown: COUNT });
    expect(Math.max(...perFrame)).toBe(MARKER_FRAME_BUDGET.markers);
    // The last, smaller batch may wait a few frames (see below), which change nothing.
    expect(perFrame.filter((count) => count > 0)).toHaveLength(
      Math.ceil(COUNT / MARKER_FRAME_BUDGET.markers),
    );
  });

  it('while verdicts stream in a few at a time, their updates share one frame every so often', async () => {
    const { frames, queue } = start();
    await frames.drain(queue.show({ items: items('queued'), replace: true }));
    const alive = () =>
      markers().filter((marker) => marker.getAttribute('data-cited-status') === 'alive').length;
    frames.time += MARKER_FRAME_BUDGET.smallFrameGapMs;
    void queue.show({ items: items('alive', 0, 3) });
    const smallFrameAt = frames.time;
    frames.run();
    expect(alive()).toBe(3);
    // Three more, then three more: none goes on until the gap since the last small frame has passed...
    void queue.show({ items: items('alive', 3, 6) });
    frames.run();
    void queue.show({ items: items('alive', 6, 9) });
    while (frames.time < smallFrameAt + MARKER_FRAME_BUDGET.smallFrameGapMs - FRAME_MS) frames.run();
    expect(alive()).toBe(3);
    // ...then all six in one frame.
    await frames.drain(Promise.resolve());
    expect(alive()).toBe(9);
    // A full batch does not wait.
    void queue.show({ items: items('alive', 9, 9 + MARKER_FRAME_BUDGET.markers) });
    frames.run();
    expect(alive()).toBe(9 + MARKER_FRAME_BUDGET.markers);
  });

  it('ends a frame early once its script time is spent, and still moves on when one marker takes longer', () => {
    const { frames, queue } = start({ newMarkers: 50, markers: 50, ms: 4, smallFrameGapMs: 0 });
    // Each marker placed takes 1.5 ms of this fake clock: three fit in the 4 ms budget.
    frames.now = () => markers().length * 1.5;
    void queue.show({ items: items('alive'), replace: true });
    frames.run();
    expect(markers()).toHaveLength(3);
    // On a page where one marker alone takes more than the budget, each frame still places one.
    frames.now = () => markers().length * 10;
    const before = markers().length;
    frames.run();
    expect(markers().length - before).toBe(1);
  });

  it('places the markers on the reader’s screen first, then the rest in article order', () => {
    const screenLines = Math.ceil(window.innerHeight / LINE_PX);
    const { links, frames, queue } = start({
      newMarkers: screenLines,
      markers: screenLines,
      ms: 1_000,
      smallFrameGapMs: 0,
    });
    const top = 60;
    scrollTo(links, top);
    void queue.show({ items: items('queued'), replace: true });
    frames.run();
    expect(placedIndexes()).toEqual(Array.from({ length: screenLines }, (_, k) => top + k));
    frames.run();
    expect(placedIndexes().slice(0, screenLines)).toEqual(Array.from({ length: screenLines }, (_, k) => k));
  });

  it('reads the page’s boxes only before it writes in a frame, never after (no layout forced per marker)', () => {
    const { links, frames, queue } = start();
    const log: string[] = [];
    scrollTo(links, 30, log);
    for (const link of links) {
      const after = link.after.bind(link);
      link.after = (...nodes) => {
        log.push('write');
        after(...nodes);
      };
    }
    void queue.show({ items: items('queued'), replace: true });
    while (frames.waiting() > 0) {
      log.push('frame');
      frames.run();
    }
    const perFrame = log
      .join(' ')
      .split('frame')
      .map((part) => part.trim())
      .filter(Boolean);
    expect(perFrame.length).toBeGreaterThan(1);
    for (const frame of perFrame) expect(frame).toMatch(/^(read ?)*(write ?)*$/);
    expect(log.filter((entry) => entry === 'read').length).toBeLessThan(COUNT);
  });

  it('merges a newer update into the waiting work: nothing asked for earlier is lost, the newest status wins', async () => {
    const { frames, queue } = start();
    const first = queue.show({ items: items('queued'), replace: true });
    frames.run();
    // Verdicts for some citations arrive while most markers are still waiting.
    const second = queue.show({ items: items('dead', 0, 5).concat(items('alive', COUNT - 5)) });
    while (frames.waiting() > 0) frames.run();
    expect(await first).toEqual({ shown: COUNT });
    expect(await second).toEqual({ shown: COUNT });
    expect(statusOf(0)).toBe('dead');
    expect(statusOf(COUNT - 1)).toBe('alive');
    expect(statusOf(COUNT - 6)).toBe('queued');
  });

  it('an update changes only the markers it names and removes those it says are gone; a full list removes the rest', async () => {
    const { frames, queue } = start();
    await frames.drain(queue.show({ items: items('alive'), replace: true }));
    const before = markers();
    expect(await frames.drain(queue.show({ items: items('dead', 10, 12), remove: [url(0)] }))).toEqual({
      shown: COUNT - 1,
    });
    expect(statusOf(0)).toBeUndefined();
    expect(statusOf(10)).toBe('dead');
    expect(markers().filter((marker) => marker.getAttribute('data-cited-status') === 'dead')).toHaveLength(2);
    // The markers left are the very same elements: updated in place.
    expect(markers()).toEqual(before.slice(1));
    expect(await frames.drain(queue.show({ items: items('alive', 0, 3), replace: true }))).toEqual({
      shown: 3,
    });
  });

  it('clearing removes every marker at once and drops what was still waiting', async () => {
    const { frames, queue } = start();
    const shown = queue.show({ items: items('alive'), replace: true });
    frames.run();
    expect(queue.clear()).toEqual({ cleared: MARKER_FRAME_BUDGET.newMarkers });
    expect(await shown).toEqual({ shown: 0 });
    frames.run();
    expect(markers()).toHaveLength(0);
  });
});
