import type { SourceHistory } from './types';

/**
 * The state file of `npm run check -- … --state FILE`: one article's watched sources and the dates of its runs,
 * as JSON, so a newsroom's CI can keep it between scheduled runs (a cache, an artifact, a commit).
 */
export const WATCH_STATE_SCHEMA = 'cited.watch-state';
export const WATCH_STATE_VERSION = 1;
/** Run dates kept: a year of weekly runs. */
export const WATCH_STATE_RUNS_KEPT = 52;

export interface WatchStateFile {
  schema: typeof WATCH_STATE_SCHEMA;
  version: typeof WATCH_STATE_VERSION;
  article: { url: string };
  /** When each run happened, oldest first. */
  runs: string[];
  sources: SourceHistory[];
}

/** A state file that cannot be used, with the reason in words. */
export class WatchStateError extends Error {
  override readonly name = 'WatchStateError';
}

export function emptyWatchState(articleUrl: string): WatchStateFile {
  return {
    schema: WATCH_STATE_SCHEMA,
    version: WATCH_STATE_VERSION,
    article: { url: articleUrl },
    runs: [],
    sources: [],
  };
}

/** Reads a state file's text for `articleUrl`, or throws a WatchStateError saying what is wrong with it. */
export function parseWatchState(text: string, articleUrl: string): WatchStateFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new WatchStateError(`it is not JSON (${(error as Error).message}).`);
  }
  const state = value as Partial<WatchStateFile> | null;
  if (typeof state !== 'object' || state === null || state.schema !== WATCH_STATE_SCHEMA) {
    throw new WatchStateError(`it is not a Cited state file (no "schema": "${WATCH_STATE_SCHEMA}").`);
  }
  if (state.version !== WATCH_STATE_VERSION) {
    throw new WatchStateError(
      `it is version ${String(state.version)}; this Cited reads version ${WATCH_STATE_VERSION}.`,
    );
  }
  if (state.article?.url !== articleUrl) {
    throw new WatchStateError(
      `it records the article ${String(state.article?.url)}, not ${articleUrl}. Use one state file per article.`,
    );
  }
  if (!Array.isArray(state.runs) || !state.runs.every((run) => typeof run === 'string' && isDate(run))) {
    throw new WatchStateError('its "runs" must be a list of ISO 8601 dates.');
  }
  if (!Array.isArray(state.sources) || !state.sources.every(isSourceHistory)) {
    throw new WatchStateError(
      'its "sources" must be a list of sources, each with a key, url, verdict and checks.',
    );
  }
  return state as WatchStateFile;
}

export function lastRunOf(state: WatchStateFile): string | null {
  return state.runs[state.runs.length - 1] ?? null;
}

/** The state after a run at `at` that left `sources`. */
export function withRun(state: WatchStateFile, at: string, sources: SourceHistory[]): WatchStateFile {
  return { ...state, runs: [...state.runs, at].slice(-WATCH_STATE_RUNS_KEPT), sources };
}

export function serializeWatchState(state: WatchStateFile): string {
  return `${JSON.stringify(state, null, 2)}\n`;
}

function isDate(value: string): boolean {
  return !Number.isNaN(Date.parse(value));
}

function isSourceHistory(value: unknown): value is SourceHistory {
  const source = value as Partial<SourceHistory> | null;
  return (
    typeof source === 'object' &&
    source !== null &&
    typeof source.key === 'string' &&
    typeof source.url === 'string' &&
    typeof source.verdict?.state === 'string' &&
    Array.isArray(source.checks)
  );
}
