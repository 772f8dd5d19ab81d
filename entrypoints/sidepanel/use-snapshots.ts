import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ArchiveState, SnapshotSaveState } from '../../components/SnapshotActions';
import { errorMessage, serializeError } from '../../core/errors/cited-error';
import type { SaveOutcome, SaveProgress, SaveTabRequest } from '../../core/save-job/types';
import { EXTENSION_PAGE } from '../../utils/extension-pages';
import { onMessage, sendMessage } from '../../utils/messaging';
import { loadLater } from './load-later';

/** The browser as the panel's snapshot buttons need it; the panel passes real APIs, tests pass fakes. */
export interface SnapshotPorts {
  save(request: SaveTabRequest): Promise<SaveOutcome>;
  jobs(): Promise<SaveProgress[]>;
  onProgress(listener: (progress: SaveProgress) => void): () => void;
  /** Asks the browser to keep the library when disk space runs low (needs the reader's click). */
  persist(): Promise<boolean>;
  openTab(url: string): void;
  /** Downloads a saved article with its sources as one signed .wacz; resolves to the file's name. */
  downloadArchive(articleId: string): Promise<string>;
  libraryUrl: string;
  newId(): string;
}

const listeners = new Set<(progress: SaveProgress) => void>();
let listening = false;

/** One message listener per page (the messaging library allows one per type), shared by every subscriber. */
function subscribeToProgress(listener: (progress: SaveProgress) => void): () => void {
  if (!listening) {
    listening = true;
    onMessage('snapshotProgress', ({ data }) => {
      for (const each of listeners) each(data);
    });
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const browserSnapshotPorts: SnapshotPorts = {
  save: (request) => sendMessage('saveTabSnapshot', request),
  jobs: () => sendMessage('snapshotJobs', undefined),
  onProgress: subscribeToProgress,
  persist: async () => (await navigator.storage?.persist?.()) ?? false,
  openTab: (url) => {
    browser.tabs
      .create({ url })
      .catch((error: unknown) => console.error('Cited: could not open the library', error));
  },
  // The archive's packing (zip, WARC, signature) loads with the first download, not with the panel.
  downloadArchive: async (articleId) => {
    const { downloadArticleArchive } = await loadLater(
      'snapshot download',
      () => import('./article-archive-download'),
    );
    return downloadArticleArchive(articleId);
  },
  get libraryUrl() {
    return browser.runtime.getURL(EXTENSION_PAGE.library);
  },
  newId: () => crypto.randomUUID(),
};

export interface Snapshots {
  state: SnapshotSaveState;
  save(withSources: boolean): void;
  openLibrary(url?: string): void;
  archive: ArchiveState;
  downloadArchive(articleId: string): void;
}

function stateOf(progress: SaveProgress): SnapshotSaveState {
  if (progress.phase === 'done' && progress.outcome) return { kind: 'saved', outcome: progress.outcome };
  if (progress.phase === 'failed') {
    return {
      kind: 'failed',
      code: progress.error?.code ?? 'internal',
      message: progress.error?.message ?? 'The snapshot could not be saved.',
      ...(progress.error?.detail ? { detail: progress.error.detail } : {}),
    };
  }
  return { kind: 'saving', progress };
}

/**
 * The panel's snapshot state for one tab: its own saves, and saves of the same tab started elsewhere (the
 * shortcut, a context menu) while the panel is open.
 */
export function useSnapshots(tabId: number, ports: SnapshotPorts = browserSnapshotPorts): Snapshots {
  const [state, setState] = useState<SnapshotSaveState>({ kind: 'idle' });
  const [archive, setArchive] = useState<ArchiveState>({ kind: 'idle' });
  const job = useRef<string | null>(null);

  useEffect(() => {
    const follow = (progress: SaveProgress) => {
      if (progress.tabId !== tabId) return;
      // A save of this tab from the menu or shortcut is followed too; a finished one no longer rewinds a newer one.
      if (job.current !== null && job.current !== progress.jobId) {
        if (progress.phase === 'done' || progress.phase === 'failed') return;
      }
      job.current = progress.jobId;
      setState(stateOf(progress));
    };
    const unsubscribe = ports.onProgress(follow);
    ports
      .jobs()
      .then((running) => {
        const mine = running.find((progress) => progress.tabId === tabId);
        if (mine && job.current === null) follow(mine);
      })
      .catch(() => {
        // The background is starting up: no save can be under way.
      });
    return unsubscribe;
  }, [tabId, ports]);

  const save = useCallback(
    (withSources: boolean) => {
      // Asked on the reader's click, the only time the browser considers it; the answer shows in the library.
      ports.persist().catch(() => false);
      const jobId = ports.newId();
      job.current = jobId;
      setArchive({ kind: 'idle' });
      setState({
        kind: 'saving',
        progress: { jobId, tabId, phase: 'reading', withSources, resources: { done: 0, total: 0 } },
      });
      ports
        // The background adds the statuses it has stored for the page's citations.
        .save({ tabId, withSources, jobId })
        .then((outcome) => {
          if (job.current === jobId) setState({ kind: 'saved', outcome });
        })
        .catch((error: unknown) => {
          if (job.current !== jobId) return;
          const { code, message, detail } = serializeError(error);
          setState({ kind: 'failed', code, message, ...(detail ? { detail } : {}) });
        });
    },
    [tabId, ports],
  );

  const openLibrary = useCallback((url?: string) => ports.openTab(url ?? ports.libraryUrl), [ports]);

  const downloadArchive = useCallback(
    (articleId: string) => {
      setArchive({ kind: 'making' });
      ports
        .downloadArchive(articleId)
        .then((filename) => setArchive({ kind: 'done', filename }))
        .catch((error: unknown) => setArchive({ kind: 'failed', message: errorMessage(error) }));
    },
    [ports],
  );

  return { state, save, openLibrary, archive, downloadArchive };
}
