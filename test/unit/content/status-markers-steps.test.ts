// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { MarkerItem } from '../../../core/citation-status/types';
import {
  MARKER_TAG,
  MARKERS_PER_STEP,
  showMarkersInSteps,
} from '../../../entrypoints/capture.content/status-markers';

// Issue 10: thousands of markers are placed a few hundred at a time, the page free in between.

const COUNT = 2 * MARKERS_PER_STEP + 50;
const url = (i: number) => `https://source${i}.example/report.html`;

function loadLongArticle(): void {
  const links = Array.from({ length: COUNT }, (_, i) => `<a href="${url(i)}">source ${i}</a>`).join(', ');
  document.body.innerHTML = `<main><article><h1>Long</h1><p>The sources are ${links}.</p></article></main>`;
}

const items = (status: MarkerItem['status']): MarkerItem[] =>
  Array.from({ length: COUNT }, (_, i) => ({ url: url(i), linkIndexes: [i], status }));

const markerStatuses = () =>
  Array.from(document.querySelectorAll(MARKER_TAG)).map((marker) => marker.getAttribute('data-cited-status'));

describe('markers placed in steps', () => {
  it('places every marker, pausing for the page between steps of MARKERS_PER_STEP', async () => {
    loadLongArticle();
    let pauses = 0;
    const placedBeforePause: number[] = [];
    const result = await showMarkersInSteps(document, { items: items('alive'), replace: true }, async () => {
      pauses++;
      placedBeforePause.push(document.querySelectorAll(MARKER_TAG).length);
    });
    expect(result).toEqual({ shown: COUNT });
    expect(pauses).toBe(2);
    expect(placedBeforePause).toEqual([MARKERS_PER_STEP, 2 * MARKERS_PER_STEP]);
    expect(markerStatuses()).toEqual(Array(COUNT).fill('alive'));
  });

  it('a newer set of markers stops an older one still being placed; the newer one wins everywhere', async () => {
    loadLongArticle();
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const older = showMarkersInSteps(document, { items: items('alive'), replace: true }, () => held);
    const newer = await showMarkersInSteps(document, { items: items('dead'), replace: true }, async () => {});
    release();
    expect(await older).toEqual({ shown: 0, superseded: true });
    expect(newer).toEqual({ shown: COUNT });
    expect(markerStatuses()).toEqual(Array(COUNT).fill('dead'));
  });

  it('an update changes only the markers it names, and removes those it says are gone', async () => {
    loadLongArticle();
    await showMarkersInSteps(document, { items: items('alive'), replace: true }, async () => {});
    const changed = items('dead').slice(10, 12);
    const result = await showMarkersInSteps(document, { items: changed, remove: [url(0)] }, async () => {});
    expect(result).toEqual({ shown: COUNT - 1 });
    const statuses = markerStatuses();
    expect(statuses.filter((status) => status === 'dead')).toHaveLength(2);
    expect(document.querySelector(`${MARKER_TAG}[data-cited-url="${url(0)}"]`)).toBeNull();
    expect(
      document.querySelector(`${MARKER_TAG}[data-cited-url="${url(10)}"]`)?.getAttribute('data-cited-status'),
    ).toBe('dead');
  });
});
