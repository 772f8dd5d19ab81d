import { type RestrictedReason, restrictionMessage } from '../capture/restricted';
import { CitedError } from '../errors/cited-error';
import {
  asCitedError,
  type KnownStatus,
  type PreparedPage,
  type SaveOutcome,
  type SaveProgress,
  type SaveTabRequest,
  type SnapshotWorker,
} from './types';

/** The browser as saving a tab needs it; the background passes real APIs, tests pass fakes. */
export interface SaveTabPorts {
  worker(): SnapshotWorker;
  /** The tab's address, or undefined when the browser hides it (or the tab is gone). */
  tabUrl(tabId: number): Promise<string | undefined>;
  restriction(url: string | undefined): Promise<RestrictedReason | null>;
  /** Injects the capture script if needed and asks it for the prepared page. */
  readPage(tabId: number): Promise<PreparedPage>;
  /** Verdicts the link checker already has for these URLs, for saves the panel did not start. */
  knownStatuses?(urls: string[]): Promise<Record<string, KnownStatus>>;
  emit(progress: SaveProgress): void;
  libraryUrl: string;
  newId(): string;
  /** After every save (badge, library refresh). */
  finished?(tabId: number, result: { outcome: SaveOutcome } | { error: CitedError }): void;
}

export interface SaveTab {
  (request: SaveTabRequest): Promise<SaveOutcome>;
  /** The last progress of each save under way. */
  jobs(): SaveProgress[];
  /** Notes progress the worker reported elsewhere (the offscreen document's events), for `jobs()`. */
  track(progress: SaveProgress): void;
}

/**
 * Saving the page of a tab, whoever asks (the panel's buttons, the shortcut, a context menu): read the page from
 * its content script, hand it to the worker, report progress and the result. One save per tab at a time: asking
 * again while it runs joins the save under way.
 */
export function createSaveTab(ports: SaveTabPorts): SaveTab {
  const running = new Map<number, Promise<SaveOutcome>>();
  const progress = new Map<string, SaveProgress>();

  const track = (update: SaveProgress) => {
    if (update.phase === 'done' || update.phase === 'failed') progress.delete(update.jobId);
    // A late event of a finished save must not bring it back.
    else if (progress.has(update.jobId)) progress.set(update.jobId, update);
  };
  const emit = (update: SaveProgress) => {
    if (update.phase === 'reading') progress.set(update.jobId, update);
    else track(update);
    ports.emit(update);
  };

  async function save(request: SaveTabRequest, jobId: string): Promise<SaveOutcome> {
    const { tabId, withSources } = request;
    const base = { jobId, tabId, withSources, resources: { done: 0, total: 0 } };
    emit({ ...base, phase: 'reading' });
    try {
      const url = await ports.tabUrl(tabId);
      const reason = await ports.restriction(url);
      if (reason) {
        const { title } = restrictionMessage(reason);
        throw new CitedError('restricted-page', `Cited cannot save this page. ${title}.`, url);
      }
      const page = await ports.readPage(tabId);
      const urls = page.capture.citations.map((c) => c.url);
      const stored = (await ports.knownStatuses?.(urls).catch(() => ({}))) ?? {};
      const outcome = await ports.worker().run({
        jobId,
        tabId,
        page,
        statuses: { ...stored, ...request.statuses },
        withSources,
        libraryUrl: ports.libraryUrl,
      });
      // The worker reported it already; the line is repeated for contexts that missed its events.
      emit({ ...base, phase: 'done', title: outcome.title, outcome });
      ports.finished?.(tabId, { outcome });
      return outcome;
    } catch (caught) {
      const error = asCitedError(caught);
      emit({
        ...base,
        phase: 'failed',
        error: {
          code: error.code,
          message: error.message,
          ...(error.detail !== undefined ? { detail: error.detail } : {}),
        },
      });
      ports.finished?.(tabId, { error });
      throw error;
    }
  }

  const saveTab = ((request: SaveTabRequest) => {
    const under = running.get(request.tabId);
    if (under) return under;
    const job = save(request, request.jobId ?? ports.newId()).finally(() => running.delete(request.tabId));
    running.set(request.tabId, job);
    return job;
  }) as SaveTab;
  saveTab.jobs = () => Array.from(progress.values());
  saveTab.track = track;
  return saveTab;
}
