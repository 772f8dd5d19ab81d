import { describe, expect, it } from 'vitest';
import { markerSignature } from '../../../core/citation-status/summary';
import type { CitationCheckState, MarkerItem } from '../../../core/citation-status/types';
import type { CitationStatus } from '../../../core/linkcheck/types';
import {
  type KnownChecks,
  markerItems,
  markerUpdate,
  mergeChecks,
  NO_CHECKS,
  nextMarkers,
  type SentMarkers,
} from '../../../entrypoints/sidepanel/check-state';
import { citation } from '../components/sample-capture';

// Issue 10: the page is sent only the markers that changed, not thousands at every verdict.

const item = (n: number, status: MarkerItem['status'] = 'alive'): MarkerItem => ({
  url: `https://s${n}.example/`,
  linkIndexes: [n],
  status,
});
const sentFor = (items: MarkerItem[]) => new Map(items.map((one) => [one.url, markerSignature(one)]));

describe('markerUpdate', () => {
  it('sends everything, replacing, the first time', () => {
    const items = [item(1), item(2)];
    expect(markerUpdate(null, items)).toEqual({ items, replace: true });
  });

  it('then only what changed and what is gone', () => {
    const before = [item(1), item(2), item(3)];
    const after = [item(1), item(2, 'dead'), item(4)];
    expect(markerUpdate(sentFor(before), after)).toEqual({
      items: [item(2, 'dead'), item(4)],
      remove: ['https://s3.example/'],
    });
  });

  it('nothing when nothing changed', () => {
    const items = Array.from({ length: 2000 }, (_, n) => item(n));
    expect(markerUpdate(sentFor(items), items)).toBeNull();
  });
});

describe('nextMarkers', () => {
  const citations = Array.from({ length: 50 }, (_, n) =>
    citation(`https://s${n}.example/`, 'external', [
      { anchorText: `s${n}`, sentence: 'A sentence.', linkIndex: n },
    ]),
  );
  let revision = 0;
  const state = (n: number, status: CitationStatus): CitationCheckState => ({
    key: `https://s${n}.example/`,
    status,
    revision: ++revision,
  });

  it('sends what changed since the last send, the same as comparing every marker would', () => {
    let known: KnownChecks = mergeChecks(NO_CHECKS, {
      states: citations.slice(0, 30).map((_, n) => state(n, n % 3 ? 'alive' : 'checking')),
    });
    let sent: SentMarkers | null = null;
    // Rounds of verdicts: new ones, changed ones, verdicts going back to "queued" (a re-check), then none.
    const rounds: CitationCheckState[][] = [
      [],
      [state(0, 'dead'), state(3, 'alive'), state(40, 'soft-404')],
      [state(1, 'queued'), state(2, 'alive'), state(41, 'blocked')],
      [state(1, 'alive'), state(40, 'soft-404')],
      [],
    ];
    const updates = rounds.map((round) => {
      const signatures = sent?.signatures ?? null;
      known = mergeChecks(known, { states: round });
      const next = nextMarkers(citations, known, null, sent);
      sent = next.sent;
      expect(next.update).toEqual(markerUpdate(signatures, markerItems(citations, known, null)));
      return next.update;
    });
    expect(updates[0]?.replace).toBe(true);
    expect(updates[1]).toEqual({
      items: [
        expect.objectContaining({ url: 'https://s0.example/', status: 'dead' }),
        expect.objectContaining({ url: 'https://s3.example/', status: 'alive' }),
        expect.objectContaining({ url: 'https://s40.example/', status: 'soft-404' }),
      ],
    });
    expect(updates[2]).toMatchObject({ remove: ['https://s1.example/'] });
    expect(updates[4]).toBeNull();
  });

  it('goes through every citation again for a new list', () => {
    const known = mergeChecks(NO_CHECKS, { states: [state(5, 'dead')] });
    const first = nextMarkers(citations.slice(0, 10), known, null, null);
    const longer = nextMarkers(citations, mergeChecks(known, { states: [] }), null, first.sent);
    expect(longer.update).toBeNull();
    const markersOff = nextMarkers([], known, null, longer.sent);
    expect(markersOff.update).toEqual({ items: [], remove: ['https://s5.example/'] });
    expect(markersOff.sent.signatures.size).toBe(0);
  });
});
