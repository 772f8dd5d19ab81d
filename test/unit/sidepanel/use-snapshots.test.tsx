// @vitest-environment jsdom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SaveOutcome, SaveProgress, SaveTabRequest } from '../../../core/save-job/types';
import {
  type SnapshotPorts,
  type Snapshots,
  useSnapshots,
} from '../../../entrypoints/sidepanel/use-snapshots';
import { mount } from '../components/render';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const OUTCOME: SaveOutcome = {
  jobId: 'job-1',
  id: 'snap-1',
  title: 'Story',
  url: 'https://harbour.example/story',
  savedAt: '2026-03-12T10:00:00Z',
  bytes: 1000,
  totalBytes: 1000,
  sha256: 'a'.repeat(64),
  resources: { count: 1, failed: 0 },
  libraryUrl: 'chrome-extension://cited/library.html#/snapshot/snap-1',
  elapsedMs: 10,
};

function fakePorts(running: SaveProgress[] = []) {
  const listeners = new Set<(progress: SaveProgress) => void>();
  let settle: { resolve: (o: SaveOutcome) => void; reject: (e: unknown) => void } | undefined;
  const ports: SnapshotPorts & { requests: SaveTabRequest[]; opened: string[] } = {
    requests: [],
    opened: [],
    save: vi.fn((request: SaveTabRequest) => {
      ports.requests.push(request);
      return new Promise<SaveOutcome>((resolve, reject) => {
        settle = { resolve, reject };
      });
    }),
    jobs: async () => running,
    onProgress: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    persist: vi.fn(async () => true),
    openTab: (url) => ports.opened.push(url),
    downloadArchive: vi.fn(async (id: string) => {
      if (id === 'gone') throw new Error('This article is no longer in the library.');
      return 'Story (2026-03-12).wacz';
    }),
    libraryUrl: 'chrome-extension://cited/library.html',
    newId: () => 'job-1',
  };
  const send = (progress: SaveProgress) =>
    act(() => {
      for (const listener of listeners) listener(progress);
    });
  return {
    ports,
    send,
    finish: (outcome: SaveOutcome) => act(async () => settle?.resolve(outcome)),
    fail: (error: unknown) => act(async () => settle?.reject(error)),
    listeners,
  };
}

function probe(ports: SnapshotPorts, tabId = 3) {
  const current: { value?: Snapshots } = {};
  function Probe() {
    current.value = useSnapshots(tabId, ports);
    return <p data-kind={current.value.state.kind} />;
  }
  const mounted = mount(<Probe />);
  cleanup = mounted.unmount;
  return { current, kind: () => mounted.container.querySelector('p')?.getAttribute('data-kind') };
}

const flush = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)));

describe('useSnapshots', () => {
  it('saves the followed tab, asks for persistent storage on the click, follows progress to the result', async () => {
    const fake = fakePorts();
    const { current, kind } = probe(fake.ports);
    await flush();
    act(() => current.value?.save(true));
    expect(fake.ports.persist).toHaveBeenCalledTimes(1);
    expect(fake.ports.requests).toEqual([{ tabId: 3, withSources: true, jobId: 'job-1' }]);
    expect(kind()).toBe('saving');
    fake.send({
      jobId: 'job-1',
      tabId: 3,
      phase: 'sources',
      withSources: true,
      resources: { done: 4, total: 4 },
      sources: { done: 1, total: 3, failed: 0 },
    });
    expect(current.value?.state).toMatchObject({ kind: 'saving', progress: { phase: 'sources' } });
    await fake.finish(OUTCOME);
    expect(current.value?.state).toEqual({ kind: 'saved', outcome: OUTCOME });
    act(() => current.value?.openLibrary(OUTCOME.libraryUrl));
    act(() => current.value?.openLibrary());
    expect(fake.ports.opened).toEqual([OUTCOME.libraryUrl, 'chrome-extension://cited/library.html']);
  });

  it('turns a failed save into a failure the panel can word, code included', async () => {
    const fake = fakePorts();
    const { current } = probe(fake.ports);
    await flush();
    act(() => current.value?.save(false));
    await fake.fail({
      name: 'CitedError',
      code: 'storage-quota',
      message: 'Not enough storage space. Nothing was saved.',
    });
    await flush();
    expect(current.value?.state).toEqual({
      kind: 'failed',
      code: 'storage-quota',
      message: 'Not enough storage space. Nothing was saved.',
    });
  });

  it('follows a save of its tab started elsewhere (shortcut, menu), ignores other tabs, catches up on open', async () => {
    const running: SaveProgress = {
      jobId: 'menu-1',
      tabId: 3,
      phase: 'page',
      withSources: false,
      resources: { done: 2, total: 9 },
    };
    const fake = fakePorts([running]);
    const { current, kind } = probe(fake.ports);
    await flush();
    expect(current.value?.state).toEqual({ kind: 'saving', progress: running });
    fake.send({ ...running, tabId: 8, jobId: 'other', phase: 'done', outcome: OUTCOME });
    expect(kind()).toBe('saving');
    fake.send({ ...running, phase: 'done', outcome: { ...OUTCOME, jobId: 'menu-1' } });
    expect(current.value?.state).toMatchObject({ kind: 'saved', outcome: { jobId: 'menu-1' } });
  });

  it('stops listening when the panel moves on', async () => {
    const fake = fakePorts();
    probe(fake.ports);
    await flush();
    expect(fake.listeners.size).toBe(1);
    cleanup?.();
    cleanup = undefined;
    expect(fake.listeners.size).toBe(0);
  });

  it('downloads the saved article as an archive and says so, or why not', async () => {
    const fake = fakePorts();
    const { current } = probe(fake.ports);
    expect(current.value?.archive).toEqual({ kind: 'idle' });
    act(() => current.value?.downloadArchive('snap-1'));
    expect(current.value?.archive).toEqual({ kind: 'making' });
    await flush();
    expect(fake.ports.downloadArchive).toHaveBeenCalledWith('snap-1');
    expect(current.value?.archive).toEqual({ kind: 'done', filename: 'Story (2026-03-12).wacz' });
    act(() => current.value?.downloadArchive('gone'));
    await flush();
    expect(current.value?.archive).toEqual({
      kind: 'failed',
      message: 'This article is no longer in the library.',
    });
  });
});
