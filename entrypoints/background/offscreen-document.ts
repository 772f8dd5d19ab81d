import { browser } from 'wxt/browser';
import { EXTENSION_PAGE } from '../../utils/extension-pages';
import { createKeepAlive } from './keep-alive';

const OFFSCREEN_PATH = EXTENSION_PAGE.offscreen;
/** How long the offscreen document stays open after its last job, so jobs in a row do not reopen it. */
const OFFSCREEN_IDLE_MS = 15_000;

export interface OffscreenApi {
  createDocument(parameters: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
}

type ChromeWithOffscreen = {
  offscreen?: OffscreenApi;
  runtime: {
    getContexts?(filter: { contextTypes: string[]; documentUrls?: string[] }): Promise<unknown[]>;
  };
};

export function chromeOffscreenApi(): OffscreenApi | undefined {
  return (globalThis as { chrome?: ChromeWithOffscreen }).chrome?.offscreen;
}

/** Chrome's offscreen document: the DOM its MV3 worker lacks, for as long as a job needs it. */
export interface OffscreenDocument {
  /** Runs `job` (which messages the document) once the document is open; it closes when no job has needed it for a while. */
  use<T>(job: () => Promise<T>): Promise<T>;
}

/**
 * One offscreen document for every job (the browser allows one per extension, so saves and watch re-checks
 * share it and neither closes it under the other), opened for the first job and closed once idle.
 */
export function offscreenDocument(offscreen: OffscreenApi): OffscreenDocument {
  const chromeApi = (globalThis as { chrome?: ChromeWithOffscreen }).chrome;
  let opening: Promise<void> | null = null;
  let active = 0;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  // A job can wait longer than the worker's 30 s idle limit.
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
          'Builds self-contained page snapshots (parses the page HTML and inlines its images, styles and fonts) ' +
          'and reads the text of watched articles’ sources to look for their quotations.',
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
    async use(job) {
      active++;
      clearTimeout(closeTimer);
      keepAlive(true);
      try {
        await ensureOpen();
        return await job();
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

let shared: OffscreenDocument | null = null;

/** This worker's one offscreen document; undefined where the browser has none (Firefox, whose background page has a DOM). */
export function sharedOffscreenDocument(): OffscreenDocument | undefined {
  const offscreen = chromeOffscreenApi();
  if (!offscreen) return undefined;
  shared ??= offscreenDocument(offscreen);
  return shared;
}
