// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type ArchiveState,
  SnapshotActions,
  type SnapshotSaveState,
} from '../../../components/SnapshotActions';
import { outcomeText, progressFraction, progressText } from '../../../components/snapshot-format';
import { formatBytes } from '../../../core/format/bytes';
import type { SaveOutcome, SaveProgress } from '../../../core/save-job/types';
import { click, mount } from './render';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const OUTCOME: SaveOutcome = {
  jobId: 'job',
  id: 'snap-1',
  title: 'Harbour swim tests stopped',
  url: 'https://harbour.example/story',
  savedAt: '2026-03-12T10:00:00Z',
  bytes: 2_400_000,
  totalBytes: 6_100_000,
  sha256: 'a'.repeat(64),
  resources: { count: 30, failed: 2 },
  libraryUrl: 'chrome-extension://cited/library.html#/snapshot/snap-1',
  elapsedMs: 900,
};

function progress(update: Partial<SaveProgress>): SaveProgress {
  return {
    jobId: 'job',
    tabId: 1,
    phase: 'page',
    withSources: false,
    resources: { done: 0, total: 0 },
    ...update,
  };
}

function render(state: SnapshotSaveState, externalCount = 3) {
  const onSave = vi.fn();
  const onOpenLibrary = vi.fn();
  const mounted = mount(
    <SnapshotActions
      state={state}
      externalCount={externalCount}
      onSave={onSave}
      onOpenLibrary={onOpenLibrary}
      shortcut="Alt+Shift+S"
    />,
  );
  cleanup = mounted.unmount;
  const button = (action: string) =>
    mounted.container.querySelector<HTMLButtonElement>(`[data-action="${action}"]`) as HTMLButtonElement;
  const status = () => mounted.container.querySelector('[data-snapshot-status]')?.textContent ?? '';
  return { ...mounted, onSave, onOpenLibrary, button, status };
}

describe('SnapshotActions', () => {
  it('offers both saves and the library; the shortcut is in the tooltip', () => {
    const { button, onSave, onOpenLibrary, status } = render({ kind: 'idle' });
    expect(button('save-snapshot').title).toContain('Alt+Shift+S');
    click(button('save-snapshot'));
    click(button('save-with-sources'));
    click(button('open-library'));
    expect(onSave.mock.calls).toEqual([[false], [true]]);
    expect(onOpenLibrary).toHaveBeenCalledWith();
    expect(status()).toBe('');
  });

  it('has nothing to fetch with sources when the page cites no external source', () => {
    const { button } = render({ kind: 'idle' }, 0);
    expect(button('save-with-sources').disabled).toBe(true);
    expect(button('save-with-sources').title).toBe('This page cites no external sources');
  });

  it('shows the progress of a save and holds the buttons meanwhile', () => {
    const { button, status, container } = render({
      kind: 'saving',
      progress: progress({ resources: { done: 12, total: 30 } }),
    });
    expect(button('save-snapshot').disabled).toBe(true);
    expect(button('save-with-sources').disabled).toBe(true);
    expect(status()).toBe('Saving the page… 12 of 30 resources');
    expect(container.querySelector('progress')?.getAttribute('value')).toBe('0.4');
  });

  it('says what was saved, how big, where to open it, and which sources could not be kept and why', () => {
    const { container, onOpenLibrary } = render({
      kind: 'saved',
      outcome: {
        ...OUTCOME,
        sources: {
          saved: [{ url: 'https://herald.example/a', id: 's1', title: 'A', bytes: 1000 }],
          failed: [{ url: 'https://gone.example/b', reason: 'the server answered 404 (Not Found)' }],
        },
      },
    });
    expect(container.querySelector('[data-result-text]')?.textContent).toBe(
      'Saved with 1 of 2 sources, 6.1 MB',
    );
    expect(container.querySelector('[data-failed-sources] summary')?.textContent).toBe(
      '1 source could not be saved',
    );
    expect(container.querySelector('[data-failed-source="https://gone.example/b"]')?.textContent).toContain(
      'the server answered 404 (Not Found)',
    );
    expect(container.textContent).toContain('2 images or styles of the page could not be kept.');
    click(container.querySelector('[data-action="open-snapshot"]') as HTMLElement);
    expect(onOpenLibrary).toHaveBeenCalledWith(OUTCOME.libraryUrl);
  });

  it('offers the article with its saved sources as an archive, then says what became of it', () => {
    const onDownloadArchive = vi.fn();
    const withSources = (saved: number): SnapshotSaveState => ({
      kind: 'saved',
      outcome: {
        ...OUTCOME,
        sources: {
          saved: Array.from({ length: saved }, (_, i) => ({
            url: `https://herald.example/${i}`,
            id: `s${i}`,
            title: 'A',
            bytes: 1000,
          })),
          failed: [],
        },
      },
    });
    const show = (state: SnapshotSaveState, archive: ArchiveState) => {
      cleanup?.();
      const mounted = mount(
        <SnapshotActions
          state={state}
          externalCount={3}
          onSave={vi.fn()}
          onOpenLibrary={vi.fn()}
          archive={archive}
          onDownloadArchive={onDownloadArchive}
        />,
      );
      cleanup = mounted.unmount;
      return mounted.container;
    };
    const offered = show(withSources(2), { kind: 'idle' });
    const button = offered.querySelector('[data-action="download-archive"]') as HTMLButtonElement;
    expect(button.textContent).toBe('Download archive (.wacz)');
    click(button);
    expect(onDownloadArchive).toHaveBeenCalledWith('snap-1');
    expect(
      show(withSources(2), { kind: 'making' }).querySelector<HTMLButtonElement>(
        '[data-action="download-archive"]',
      )?.disabled,
    ).toBe(true);
    expect(show(withSources(2), { kind: 'done', filename: 'Story (2026-03-12).wacz' }).textContent).toContain(
      'Downloaded Story (2026-03-12).wacz.',
    );
    expect(show(withSources(2), { kind: 'failed', message: 'No space left' }).textContent).toContain(
      'The archive could not be made: No space left',
    );
    // Nothing more than the page was kept: nothing to archive beyond the snapshot itself.
    expect(
      show(withSources(0), { kind: 'idle' }).querySelector('[data-action="download-archive"]'),
    ).toBeNull();
    expect(
      show({ kind: 'saved', outcome: OUTCOME }, { kind: 'idle' }).querySelector(
        '[data-action="download-archive"]',
      ),
    ).toBeNull();
  });

  it('says plainly when storage ran out', () => {
    const { container, button } = render({
      kind: 'failed',
      code: 'storage-quota',
      message: 'Not enough storage space to save this snapshot (2.4 MB). Nothing was saved.',
    });
    const error = container.querySelector('[data-error-code="storage-quota"]');
    expect(error?.textContent).toContain('Not enough storage space');
    expect(error?.textContent).toContain('Nothing was saved.');
    expect(button('save-snapshot').disabled).toBe(false);
  });
});

describe('the words of a save', () => {
  it('counts resources, then sources, then says what was saved', () => {
    expect(progressText(progress({ phase: 'reading' }))).toBe('Reading the page…');
    expect(progressText(progress({ resources: { done: 0, total: 1 } }))).toBe(
      'Saving the page… 0 of 1 resource',
    );
    expect(progressText(progress({ phase: 'sources', sources: { done: 2, total: 5, failed: 1 } }))).toBe(
      'Saving sources… 2 of 5 (1 could not be saved)',
    );
    expect(progressText(progress({ phase: 'storing' }))).toBe('Storing in the library…');
    expect(progressFraction(progress({ phase: 'sources', sources: { done: 1, total: 4, failed: 0 } }))).toBe(
      0.25,
    );
    expect(progressFraction(progress({ phase: 'storing' }))).toBeNull();
    expect(outcomeText(OUTCOME)).toBe('Saved, 2.4 MB');
    expect(outcomeText({ ...OUTCOME, sources: { saved: [], failed: [] } })).toBe(
      'Saved, 6.1 MB (no external sources to save)',
    );
    expect([
      formatBytes(512),
      formatBytes(812_000),
      formatBytes(2_400_000),
      formatBytes(3_200_000_000),
    ]).toEqual(['512 B', '812 kB', '2.4 MB', '3.20 GB']);
  });
});
