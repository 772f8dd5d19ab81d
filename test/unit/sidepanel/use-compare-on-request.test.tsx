// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CaptureResult, Citation } from '../../../core/citations/types';
import { DEFAULT_SETTINGS, type Settings } from '../../../core/settings/settings';
import type { SourceChange } from '../../../core/source-change/types';
import type {
  SourceChangeInputs,
  SourceChangePorts,
} from '../../../entrypoints/sidepanel/source-change-ports';
import { newSourceRun } from '../../../entrypoints/sidepanel/source-run';
import { useComparisons } from '../../../entrypoints/sidepanel/use-compare-on-request';
import { mount } from '../components/render';
import { harbourCitations } from '../components/sample-capture';

// "Compare with the copy from before it was cited" on a source the panel does not compare by itself.

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const [first, second] = harbourCitations;
const result = {
  citations: harbourCitations,
  article: { metadata: { publishedTime: '2026-03-12T08:00:00Z' } },
} as CaptureResult;
const allowed: Settings = { ...DEFAULT_SETTINGS, archiveLookups: true };
const edited = (url: string): SourceChange => ({
  url,
  status: 'edited',
  summary: 'About a tenth of the words changed.',
  copy: {
    url: `https://web.archive.org/web/20260301000000/${url}`,
    date: '2026-03-01T00:00:00Z',
    citedAt: '2026-03-12T08:00:00Z',
    citedAtIs: 'publication',
  },
  liveUrl: url,
  changedShare: 0.1,
  passages: [],
  morePassages: 0,
  checkedAt: '2026-03-12T10:00:00Z',
});

function harness(ports: SourceChangePorts, settings: Settings) {
  let latest: ReturnType<typeof useComparisons> | undefined;
  function Probe({ ready }: { ready: boolean }) {
    latest = useComparisons(
      { result, ready, results: () => [], archives: () => [], settings, run: newSourceRun() },
      ports,
    );
    return null;
  }
  const mounted = mount(<Probe ready={false} />);
  cleanup = mounted.unmount;
  return {
    ready: () => act(() => render(<Probe ready />, mounted.container)),
    state: () => latest as ReturnType<typeof useComparisons>,
  };
}

describe('a comparison the reader asks for', () => {
  it('compares that one source, and shows its result among the panel’s own comparisons', async () => {
    const asked: SourceChangeInputs[] = [];
    const checkChanges = vi.fn(async (inputs: SourceChangeInputs) => {
      asked.push(inputs);
      return inputs.alsoCompare ? [edited(inputs.citations[0]?.url ?? '')] : [];
    });
    const probe = harness({ checkChanges }, allowed);
    probe.ready();
    await act(async () => {});
    expect(probe.state().changes.size).toBe(0);

    await act(async () => probe.state().compare(second as Citation));
    const request = asked.at(-1);
    expect(request?.citations.map((citation) => citation.url)).toEqual([second?.url]);
    expect([...(request?.alsoCompare ?? [])]).toHaveLength(1);
    expect(probe.state().changes.get(second?.url ?? '')?.status).toBe('edited');
    expect(probe.state().asked.get(second?.url ?? '')).toMatchObject({ status: 'edited' });
    expect(probe.state().changes.has(first?.url ?? '')).toBe(false);
  });

  it('says comparing while it runs, and that there is no copy when the archive has none before the citation', async () => {
    let settle: (changes: SourceChange[]) => void = () => {};
    const checkChanges = vi.fn((inputs: SourceChangeInputs) =>
      inputs.alsoCompare ? new Promise<SourceChange[]>((resolve) => (settle = resolve)) : Promise.resolve([]),
    );
    const probe = harness({ checkChanges }, allowed);
    probe.ready();
    act(() => probe.state().compare(first as Citation));
    expect(probe.state().asked.get(first?.url ?? '')).toBe('comparing');
    await act(async () => settle([]));
    expect(probe.state().asked.get(first?.url ?? '')).toBe('no-copy');
    expect(probe.state().changes.size).toBe(0);
  });

  it('asks nothing of the archive while third-party lookups are off', async () => {
    const checkChanges = vi.fn(async () => [] as SourceChange[]);
    const probe = harness({ checkChanges }, DEFAULT_SETTINGS);
    probe.ready();
    await act(async () => probe.state().compare(first as Citation));
    expect(checkChanges).not.toHaveBeenCalled();
    expect(probe.state().asked.size).toBe(0);
  });
});
