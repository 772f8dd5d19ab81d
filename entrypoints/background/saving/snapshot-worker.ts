import { browser } from 'wxt/browser';
import { CitedError } from '../../../core/errors/cited-error';
import { asCitedError, type SaveProgress, type SnapshotWorker } from '../../../core/save-job/types';
import { EXTENSION_PAGE } from '../../../utils/extension-pages';
import { sendMessage } from '../../../utils/messaging';
import { createKeepAlive } from '../keep-alive';

const OFFSCREEN_PATH = EXTENSION_PAGE.offscreen;
/** How long the offscreen document stays open after its last save, so saves in a row do not reopen it. */
const OFFSCREEN_IDLE_MS = 15_000;
/**
 * Firefox: the background page runs the job itself. The job's code (the snapshot engine, Readability, DOMPurify) is
 * loaded on the first save, so Chrome's service worker, which never runs it, does not carry it at all.
 */
function lazyDirectWorker(emit: (progress: SaveProgress) => void): SnapshotWorker {
  return {
    async run(request) {
      const { directWorker } = await import('../../../core/save-job/direct-worker');
      return directWorker(emit).run(request);
    },
  };
}

interface OffscreenApi {
  createDocument(parameters: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
}

type ChromeWithOffscreen = {
  offscreen?: OffscreenApi;
  runtime: {
    getContexts?(filter: { contextTypes: string[]; documentUrls?: string[] }): Promise<unknown[]>;
    getPlatformInfo(): Promise<unknown>;
  };
};

export function chromeOffscreenApi(): OffscreenApi | undefined {
  return (globalThis as { chrome?: ChromeWithOffscreen }).chrome?.offscreen;
}

/**
 * Chrome: one offscreen document (the browser allows one per extension), opened for the first save and closed
 * once no save has needed it for a while.
 */
export function offscreenWorker(offscreen: OffscreenApi): SnapshotWorker {
  const chromeApi = (globalThis as { chrome?: ChromeWithOffscreen }).chrome;
  let opening: Promise<void> | null = null;
  let active = 0;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  // A save can wait longer than the worker's 30 s idle limit.
  const keepAlive = createKeepAlive();

  async function isOpen(): Promise<boolean> {
    const url = browser.runtime.getURL(OFFSCREEN_PATH);
    const contexts = await chromeApi?.runtime.getContexts?.({
      contextTypes: ['OFFSCREEN_DOCUMENT'],
      documentUrls: [url],
    });
    return (contexts?.length ?? 0) > 0;
  }

  async function ensureOpen(): Promise<void> {
    if (await isOpen()) return;
    opening ??= offscreen
      .createDocument({
        url: OFFSCREEN_PATH,
        reasons: ['DOM_PARSER', 'BLOBS'],
        justification:
          'Builds self-contained page snapshots: parses the page HTML and inlines its images, styles and fonts.',
      })
      .catch(async (error: unknown) => {
        // Another caller opened it in the meantime: that is what we wanted.
        if (!(await isOpen())) throw error;
      })
      .finally(() => {
        opening = null;
      });
    await opening;
  }

  function closeWhenIdle() {
    clearTimeout(closeTimer);
    closeTimer = setTimeout(() => {
      if (active > 0) return;
      offscreen.closeDocument().catch(() => {
        // Already closed.
      });
    }, OFFSCREEN_IDLE_MS);
  }

  return {
    async run(request) {
      active++;
      clearTimeout(closeTimer);
      keepAlive(true);
      try {
        await ensureOpen();
        return await sendMessage('offscreenSaveJob', request);
      } catch (error) {
        throw asCitedError(error);
      } finally {
        active--;
        if (active === 0) {
          keepAlive(false);
          closeWhenIdle();
        }
      }
    },
  };
}

/** The worker for this browser. */
export function snapshotWorker(emit: (progress: SaveProgress) => void): SnapshotWorker {
  // Decided at build time: the Chrome build has no copy of the job code in its worker.
  if (import.meta.env.FIREFOX) return lazyDirectWorker(emit);
  const offscreen = chromeOffscreenApi();
  if (offscreen) return offscreenWorker(offscreen);
  throw new CitedError('internal', 'This browser offers Cited no place to build snapshots.');
}
