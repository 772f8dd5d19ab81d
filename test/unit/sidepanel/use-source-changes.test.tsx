// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CaptureResult } from '../../../core/citations/types';
import { DEFAULT_SETTINGS, type Settings } from '../../../core/settings/settings';
import type { SourceChange } from '../../../core/source-change/types';
import type { SourceChangePorts } from '../../../entrypoints/sidepanel/source-change-ports';
import { newSourceRun } from '../../../entrypoints/sidepanel/source-run';
import { type SourceChanges, useSourceChanges } from '../../../entrypoints/sidepanel/use-source-changes';
import { mount } from '../components/render';
import { harbourCitations } from '../components/sample-capture';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const url = harbourCitations[0]?.url ?? '';
const result = {
  citations: harbourCitations,
  article: { metadata: { publishedTime: '2026-03-12T08:00:00Z' } },
} as CaptureResult;
const gone: SourceChange = {
  url,
  status: 'gone',
  summary: 'No page answers at this address any more (404); the archived copy of 2025-09-03 is what remains.',
  copy: {
    url: `https://web.archive.org/web/20250903101500/${url}`,
    date: '2025-09-03T10:15:00Z',
    citedAt: '2026-03-12T08:00:00Z',
    citedAtIs: 'publication',
  },
  liveUrl: null,
  changedShare: null,
  passages: [],
  morePassages: 0,
  checkedAt: '2026-03-12T10:00:00Z',
};
const allowed: Settings = { ...DEFAULT_SETTINGS, archiveLookups: true };

function harness(ports: SourceChangePorts) {
  let latest: SourceChanges | undefined;
  function Probe({ ready, settings, round }: { ready: boolean; settings: Settings; round: number }) {
    latest = useSourceChanges(
      {
        result,
        ready,
        results: () => [],
        archives: () => [],
        settings,
        run: newSourceRun(),
        round,
        force: new Set(round > 0 ? [url] : []),
      },
      ports,
    );
    return null;
  }
  const mounted = mount(<Probe ready={false} settings={DEFAULT_SETTINGS} round={0} />);
  cleanup = mounted.unmount;
  return {
    rerender: (ready: boolean, settings: Settings, round = 0) => {
      act(() => {
        render(<Probe ready={ready} settings={settings} round={round} />, mounted.container);
      });
    },
    state: () => latest as SourceChanges,
  };
}

describe('comparisons with archived copies in the panel', () => {
  it('wait for the links and for third-party lookups to be allowed, then compare once', async () => {
    let settle: (changes: SourceChange[]) => void = () => {};
    const checkChanges = vi.fn(() => new Promise<SourceChange[]>((resolve) => (settle = resolve)));
    const probe = harness({ checkChanges });
    probe.rerender(true, DEFAULT_SETTINGS);
    // Archive lookups are off by default: nothing is asked of the archive, nothing is shown.
    expect(checkChanges).not.toHaveBeenCalled();
    expect(probe.state().changes.size).toBe(0);
    probe.rerender(true, allowed);
    expect(checkChanges).toHaveBeenCalledTimes(1);
    expect(probe.state().running).toBe(true);
    await act(async () => settle([gone]));
    expect(probe.state().changes.get(url)?.status).toBe('gone');
    probe.rerender(false, allowed);
    probe.rerender(true, allowed);
    expect(checkChanges).toHaveBeenCalledTimes(1);
  });

  it('compare the re-checked sources again once their links are done, showing the earlier result meanwhile', async () => {
    const answers: Array<(changes: SourceChange[]) => void> = [];
    const checkChanges = vi.fn(() => new Promise<SourceChange[]>((resolve) => answers.push(resolve)));
    const probe = harness({ checkChanges });
    probe.rerender(true, allowed);
    await act(async () => answers[0]?.([gone]));
    probe.rerender(false, allowed, 1);
    expect(checkChanges).toHaveBeenCalledTimes(1);
    probe.rerender(true, allowed, 1);
    expect(checkChanges).toHaveBeenCalledTimes(2);
    expect(checkChanges.mock.calls[1]?.[0 as never]).toMatchObject({ force: new Set([url]) });
    expect(probe.state()).toMatchObject({ running: true });
    expect(probe.state().changes.get(url)?.status).toBe('gone');
    await act(async () => answers[1]?.([{ ...gone, status: 'replaced', liveUrl: url }]));
    expect(probe.state().changes.get(url)?.status).toBe('replaced');
  });

  it('never with "Never contact third-party services" on, even with archive lookups allowed', () => {
    const checkChanges = vi.fn(() => Promise.resolve([gone]));
    const probe = harness({ checkChanges });
    probe.rerender(true, { ...allowed, neverContactThirdParties: true });
    expect(checkChanges).not.toHaveBeenCalled();
  });

  it('say plainly when the sources could not be compared', async () => {
    const probe = harness({ checkChanges: () => Promise.reject(new Error('offline')) });
    probe.rerender(true, allowed);
    await act(async () => {});
    expect(probe.state()).toMatchObject({ running: false, error: 'Could not compare the sources: offline' });
  });
});
