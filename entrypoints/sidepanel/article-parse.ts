import type { SourceArticle } from '../../core/capture/page-source';

/**
 * Readability's parse of the page, in a Web Worker of the panel's own (issue 10): a thread apart, so neither the
 * page nor the panel's main thread runs the parse; the panel only passes the page's serialised markup along.
 */

/** A parse that takes longer than this is given up: the page parses itself. */
export const PARSE_TIMEOUT_MS = 10_000;

export interface ArticleParseRequest {
  html: string;
  url: string;
}

export type ArticleParseAnswer = { ok: true; article: SourceArticle | null } | { ok: false; message: string };

/** What of a Worker the parse uses; tests pass a fake. */
export interface ParseWorker {
  postMessage(request: ArticleParseRequest): void;
  terminate(): void;
  onmessage: ((event: { data: ArticleParseAnswer }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export interface ArticleParse {
  /** The article Readability finds in the markup, null for none; rejects when the worker fails or takes too long. */
  read(request: ArticleParseRequest): Promise<SourceArticle | null>;
  /** Ends the worker (each capture starts its own: nothing stays in memory between reads). */
  close(): void;
}

/**
 * Starts the worker at once, so that it loads while the page serialises itself, and reads one page with it.
 */
export function openArticleParse(start: () => ParseWorker, timeoutMs = PARSE_TIMEOUT_MS): ArticleParse {
  let worker: ParseWorker | null = start();
  const close = () => {
    worker?.terminate();
    worker = null;
  };
  return {
    read(request) {
      const running = worker;
      if (!running) return Promise.reject(new Error('The article parse was closed.'));
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          close();
          reject(new Error(`The article parse took over ${timeoutMs / 1000} s.`));
        }, timeoutMs);
        const settle = () => {
          clearTimeout(timer);
          close();
        };
        running.onmessage = ({ data }) => {
          settle();
          if (data.ok) resolve(data.article);
          else reject(new Error(data.message));
        };
        running.onerror = (event) => {
          settle();
          reject(new Error(`The article parse failed: ${errorWords(event)}`));
        };
        running.postMessage(request);
      });
    },
    close,
  };
}

function errorWords(event: unknown): string {
  if (event instanceof Error) return event.message;
  const message = (event as { message?: unknown } | null)?.message;
  return typeof message === 'string' && message !== '' ? message : 'the worker stopped';
}
