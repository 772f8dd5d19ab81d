import type { CaptureResult } from '../citations/types';
import { CitedError, type CitedErrorCode, errorMessage, revivedCitedError } from '../errors/cited-error';
import type { CitationStatus } from '../linkcheck/types';

/**
 * The messages and results of saving snapshots: what the panel (or any extension page) asks the background for,
 * the progress the reader sees, and what a finished save reports.
 */

/** What the panel knows about one citation's status when the reader saves (from the link checks). */
export interface KnownStatus {
  status: CitationStatus;
  reason?: string;
  /** ISO time of the verdict. */
  checkedAt?: string;
}

/** Panel (or any extension page) → background: save the page open in `tabId`. */
export interface SaveTabRequest {
  tabId: number;
  /** Also fetch every external citation and keep a snapshot of each with the article. */
  withSources: boolean;
  /** Chosen by the caller so it can follow this save's progress events; the background makes one otherwise. */
  jobId?: string;
  /** Statuses by citation URL, as the panel shows them; citations not listed are stored as not checked. */
  statuses?: Record<string, KnownStatus>;
}

/** The live page, prepared by the content script (form values, shown images, scroll, hidden elements marked). */
export interface PreparedPage {
  html: string;
  url: string;
  capture: CaptureResult;
}

/** Background → the DOM context that does the work (offscreen document on Chrome, background page on Firefox). */
export interface SaveJobRequest {
  jobId: string;
  tabId: number | null;
  page: PreparedPage;
  statuses: Record<string, KnownStatus>;
  withSources: boolean;
  /** The library page's address; a saved source is linked as `${libraryUrl}#/snapshot/<id>`. */
  libraryUrl: string;
}

export type SavePhase = 'reading' | 'page' | 'sources' | 'storing' | 'done' | 'failed';

export interface SaveProgress {
  jobId: string;
  tabId: number | null;
  phase: SavePhase;
  withSources: boolean;
  /** The page's title, once known. */
  title?: string;
  /** The page's own images, stylesheets and fonts: fetched so far of those asked for so far. */
  resources: { done: number; total: number };
  /** Sources (with sources only): finished (saved or failed) of all to fetch. */
  sources?: { done: number; total: number; failed: number };
  /** Set with phase 'done'. */
  outcome?: SaveOutcome;
  /** Set with phase 'failed'. */
  error?: { code: CitedErrorCode; message: string; detail?: string };
}

export interface SavedSource {
  /** The citation's URL. */
  url: string;
  id: string;
  title: string;
  bytes: number;
  /** Where the source ended up after redirects, when that differs from the cited URL. */
  finalUrl?: string;
}

export interface FailedSource {
  url: string;
  /** Plain words: "the server answered 404 (Not Found)", "a PDF document, not a web page", "no answer after 30 s". */
  reason: string;
}

/** What one save produced. */
export interface SaveOutcome {
  jobId: string;
  /** The article's snapshot id in the library. */
  id: string;
  title: string;
  url: string;
  savedAt: string;
  /** The article snapshot's size (UTF-8 bytes of its HTML). */
  bytes: number;
  /** Everything this save stored: the article and its sources. */
  totalBytes: number;
  sha256: string;
  resources: { count: number; failed: number };
  /** With sources only. */
  sources?: { saved: SavedSource[]; failed: FailedSource[] };
  /** Open it in the library. */
  libraryUrl: string;
  /** How long the whole save took, from the page's HTML to the stored snapshot (benchmarks read it). */
  elapsedMs: number;
}

/**
 * Where a save's DOM work happens. Chrome's MV3 worker has no DOM, so it hands the job to an offscreen document;
 * Firefox's background page has one and runs the job itself. Same job code (core/save-job/save-job.ts) either way.
 */
export interface SnapshotWorker {
  run(request: SaveJobRequest): Promise<SaveOutcome>;
}

/** Errors cross the message boundary as plain objects; this gives them their class and code back. */
export function asCitedError(error: unknown): CitedError {
  const message = errorMessage(error);
  return revivedCitedError(error) ?? new CitedError('internal', 'The snapshot could not be made.', message);
}
