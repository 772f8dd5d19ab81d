import { browser } from 'wxt/browser';
import { CitedError } from '../../../core/errors/cited-error';
import type { SaveJobRequest, SaveOutcome, SaveProgress } from '../../../core/snapshot/save-job-types';
import { revivedCitedError, sendMessage } from '../../../utils/messaging';

/**
 * Where a save's DOM work happens. Chrome's MV3 worker has no DOM, so it hands the job to an offscreen document;
 * Firefox's background page has one and runs the job itself. Same job code (save-job.ts) either way.
 */
export interface SnapshotWorker {
  run(request: SaveJobRequest): Promise<SaveOutcome>;
}

export const OFFSCREEN_PATH = '/offscreen.html';
/** How long the offscreen document stays open after its last save, so saves in a row do not reopen it. */
const OFFSCREEN_IDLE_MS = 15_000;
/** Calls into the browser keep a Chrome service worker awake; a save can wait longer than its 30 s idle limit. */
const KEEPALIVE_MS = 20_000;

/** Errors cross the message boundary as plain objects; this gives them their class and code back. */
export function asCitedError(error: unknown): CitedError {
  const message = error instanceof Error ? error.message : String(error);
  return revivedCitedError(error) ?? new CitedError('internal', 'The snapshot could not be made.', message);
}

/**
 * Firefox: the background page runs the job itself. The job's code (the snapshot engine, Readability, DOMPurify) is
 * loaded on the first save, so Chrome's service worker, which never runs it, does not carry it at all.
 */
function lazyDirectWorker(emit: (progress: SaveProgress) => void): SnapshotWorker {
  return {
    async run(request) {
      const { directWorker } = await import('./direct-worker');
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
  let keepalive: ReturnType<typeof setInterval> | undefined;

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
      keepalive ??= setInterval(
        () => void chromeApi?.runtime.getPlatformInfo().catch(() => {}),
        KEEPALIVE_MS,
      );
      try {
        await ensureOpen();
        return await sendMessage('offscreenSaveJob', request);
      } catch (error) {
        throw asCitedError(error);
      } finally {
        active--;
        if (active === 0) {
          clearInterval(keepalive);
          keepalive = undefined;
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
