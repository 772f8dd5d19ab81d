// @vitest-environment jsdom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AUTOMATIC_CHECK_LIMIT } from '../../../core/check-run/check-order';
import { MAX_URLS_PER_REQUEST } from '../../../core/check-run/check-service';
import type { CheckCitationsRequest, CheckSnapshot } from '../../../core/citation-status/types';
import type { Citation } from '../../../core/citations/types';
import { DEFAULT_SETTINGS } from '../../../core/settings/settings';
import type { CheckPorts } from '../../../entrypoints/sidepanel/link-check-ports';
import {
  type LinkChecks,
  STATES_PER_FRAME,
  useLinkChecks,
} from '../../../entrypoints/sidepanel/use-link-checks';
import { mount } from '../components/render';
import { captureResult, citation } from '../components/sample-capture';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

/** A worker that answers each request after the test lets it, so the order of requests shows. */
function fakePorts() {
  const requests: CheckCitationsRequest[] = [];
  const answers: (() => void)[] = [];
  const listeners = new Set<(update: Partial<CheckSnapshot>) => void>();
  const stops: number[] = [];
  const ports: CheckPorts = {
    checkCitations: (request) => {
      requests.push(request);
      return new Promise<CheckSnapshot>((resolve) => {
        answers.push(() =>
          resolve({
            states: request.urls.map((url) => ({
              key: url,
              status: request.start ? ('queued' as const) : ('not-checked' as const),
              revision: 1,
            })),
            archives: [],
          }),
        );
      });
    },
    lookupArchive: () => Promise.reject(new Error('not used')),
    stopChecks: async (tabId) => {
      stops.push(tabId);
      return { stopped: 0 };
    },
    onUpdate: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    connect: () => () => {},
    showMarkers: async () => {},
    clearMarkers: async () => {},
  };
  const answerNext = () => act(async () => answers.shift()?.());
  /** The worker broadcasting verdicts, as it does while checks run. */
  const broadcast = (update: Partial<CheckSnapshot>) =>
    act(() => {
      for (const listener of listeners) listener(update);
    });
  return { ports, requests, answerNext, broadcast, stops };
}

function probe(ports: CheckPorts, count: number, given?: Citation[]) {
  const citations =
    given ??
    Array.from({ length: count }, (_, i) =>
      citation(`https://source${i}.example/report`, 'external', [
        { anchorText: `source ${i}`, sentence: `As source ${i} said.`, linkIndex: i },
      ]),
    );
  const capture = captureResult(citations);
  const current: { value?: LinkChecks; renders: number; alive: number[] } = { renders: 0, alive: [] };
  function Probe() {
    current.renders++;
    current.value = useLinkChecks(3, capture, { ...DEFAULT_SETTINGS, pageMarkers: false }, true, ports);
    current.alive.push(current.value.statuses.filter((status) => status === 'alive').length);
    return null;
  }
  const mounted = mount(<Probe />);
  cleanup = mounted.unmount;
  return current;
}

describe('useLinkChecks', () => {
  it('checks the archived copy and DOI link a reference gives with its source, and counts the source once', async () => {
    const fake = fakePorts();
    const journal: Citation = {
      ...citation('https://journal.example/survey', 'external', [
        { anchorText: '[1]', sentence: 'The wall failed.[1]', linkIndex: 0 },
      ]),
      reference: {
        archive: { url: 'https://web.archive.org/web/2019/https://journal.example/survey' },
        identifiers: [{ scheme: 'doi', id: '10.5555/wall', url: 'https://doi.org/10.5555/wall' }],
      },
    };
    const current = probe(fake.ports, 1, [journal]);
    await fake.answerNext();
    expect(fake.requests[0]?.urls).toEqual([
      'https://journal.example/survey',
      'https://web.archive.org/web/2019/https://journal.example/survey',
      'https://doi.org/10.5555/wall',
    ]);
    // The worker checks those two for the source's row, and does not count them on the toolbar badge.
    expect(fake.requests[0]?.beside).toEqual([
      'https://web.archive.org/web/2019/https://journal.example/survey',
      'https://doi.org/10.5555/wall',
    ]);
    // The summary counts rows: one reference, one status.
    await vi.waitFor(() => expect(current.value?.statuses).toEqual(['queued']));
  });

  it('sends a 5,000-citation article in parts the worker accepts, one after another, none left out', async () => {
    const fake = fakePorts();
    const current = probe(fake.ports, 5000);
    expect(fake.requests).toHaveLength(1);
    await fake.answerNext();
    expect(fake.requests).toHaveLength(2);
    await fake.answerNext();
    await fake.answerNext();
    expect(fake.requests.map((request) => request.urls.length)).toEqual([
      AUTOMATIC_CHECK_LIMIT,
      MAX_URLS_PER_REQUEST,
      5000 - AUTOMATIC_CHECK_LIMIT - MAX_URLS_PER_REQUEST,
    ]);
    expect(fake.requests.map((request) => request.addToTab ?? false)).toEqual([false, true, true]);
    // Checked at once up to the automatic limit; the rest named (for stored verdicts and the badge), not checked.
    expect(fake.requests.map((request) => request.start)).toEqual([true, false, false]);
    expect(new Set(fake.requests.flatMap((request) => request.urls)).size).toBe(5000);
    // Every row heard back: none stays "not checked" while the worker has it queued.
    await vi.waitFor(() =>
      expect(current.value?.statuses.filter((status) => status === 'queued')).toHaveLength(
        AUTOMATIC_CHECK_LIMIT,
      ),
    );
    expect(current.value?.beyondLimit).toBe(5000 - AUTOMATIC_CHECK_LIMIT);
  });

  it('checks the rest when the reader asks, adding to the tab, and passes the reader’s Stop to the worker', async () => {
    const fake = fakePorts();
    const current = probe(fake.ports, 5000);
    for (let i = 0; i < 3; i++) await fake.answerNext();
    act(() => current.value?.checkRest());
    await fake.answerNext();
    await fake.answerNext();
    const rest = fake.requests.slice(3);
    expect(rest.map((request) => [request.urls.length, request.start, request.addToTab])).toEqual([
      [MAX_URLS_PER_REQUEST, true, true],
      [5000 - AUTOMATIC_CHECK_LIMIT - MAX_URLS_PER_REQUEST, true, true],
    ]);
    await vi.waitFor(() => expect(current.value?.beyondLimit).toBe(0));
    act(() => current.value?.stop());
    expect(fake.stops).toEqual([3]);
  });

  it('applies verdicts that arrive together in one render, not one render per verdict', async () => {
    const fake = fakePorts();
    const current = probe(fake.ports, 2000);
    await fake.answerNext();
    await vi.waitFor(() => expect(current.value?.statuses[0]).toBe('queued'));
    const rendersBefore = current.renders;
    for (let i = 0; i < 2000; i++) {
      await fake.broadcast({
        states: [
          {
            key: `https://source${i}.example/report`,
            status: 'alive',
            revision: 10 + i,
            result: {
              url: `https://source${i}.example/report`,
              status: 'alive',
              reason: 'The page answers (HTTP 200).',
              evidence: {
                redirected: false,
                elapsedMs: 1,
                checkedAt: '2026-12-06T00:00:00Z',
                attempts: 1,
                redirectMode: 'follow',
              },
            },
          },
        ],
      });
    }
    await vi.waitFor(() => expect(current.value?.statuses.every((status) => status === 'alive')).toBe(true));
    expect(current.renders - rendersBefore).toBeLessThan(10);
  });

  it('spreads thousands of verdicts that arrive at once over several frames, a few hundred each, none lost', async () => {
    const fake = fakePorts();
    const current = probe(fake.ports, 2000);
    await fake.answerNext();
    await vi.waitFor(() => expect(current.value?.statuses[0]).toBe('queued'));
    const from = current.alive.length;
    await fake.broadcast({
      states: Array.from({ length: 2000 }, (_, i) => ({
        key: `https://source${i}.example/report`,
        status: 'alive' as const,
        revision: 10 + i,
      })),
    });
    await vi.waitFor(() => expect(current.alive.at(-1)).toBe(2000));
    const applied = current.alive.slice(from).map((alive, i, all) => alive - (all[i - 1] ?? 0));
    expect(applied.filter((count) => count > 0).length).toBeGreaterThanOrEqual(2000 / STATES_PER_FRAME);
    expect(Math.max(...applied)).toBeLessThanOrEqual(STATES_PER_FRAME);
  });
});
