import { errorMessage } from '../errors/cited-error';
import { abortReason, systemClock } from '../linkcheck/clock';
import type { Clock } from '../linkcheck/types';
import { joinPdfPages, type PdfPagesText, type PdfTextItem } from './pdf-lines';

/**
 * A cited PDF's text, read with Mozilla's pdf.js, page by page, within bounds: a PDF locked by a password, one with
 * no text layer (a scan), a broken file, too many pages or a read that takes too long each say so instead. The
 * quote check takes the reader as a parameter (`QuoteSourceDeps.readPdfText`): the extension's sets pdf.js' worker
 * file first (utils/pdf-text.ts), Node's uses pdf.js' in-thread worker (`pdfTextReader(loadPdfJs)`).
 */

/** Enough for any report or minutes; a 5 MB file of more pages is a book or a scan. */
export const PDF_MAX_PAGES = 500;
/** A PDF within the byte cap reads in well under a second; one that takes this long is not worth the wait. */
export const PDF_READ_LIMIT_MS = 20_000;

export type PdfProblem = 'encrypted' | 'scanned' | 'broken' | 'too-long';

export type PdfTextRead = ({ ok: true } & PdfPagesText) | { ok: false; problem: PdfProblem; detail: string };

export type ReadPdfText = (bytes: Uint8Array, signal?: AbortSignal) => Promise<PdfTextRead>;

/**
 * pdf.js' legacy build, in the extension and in Node alike: the modern build does not start in Node 20 and
 * targets only the newest browsers. Imported when called, so it is a chunk of its own, loaded with the first PDF.
 */
export const loadPdfJs = () => import('pdfjs-dist/legacy/build/pdf.mjs');

/** What Cited uses of pdf.js. */
export type PdfJs = Pick<Awaited<ReturnType<typeof loadPdfJs>>, 'getDocument'>;

export interface PdfReaderOptions {
  maxPages?: number;
  timeLimitMs?: number;
  clock?: Pick<Clock, 'sleep'>;
}

export function pdfTextReader(loadPdfJs: () => Promise<PdfJs>, options: PdfReaderOptions = {}): ReadPdfText {
  const maxPages = options.maxPages ?? PDF_MAX_PAGES;
  const limitMs = options.timeLimitMs ?? PDF_READ_LIMIT_MS;
  const clock = options.clock ?? systemClock;
  let loaded: Promise<PdfJs> | null = null;
  return async (bytes, signal) => {
    loaded ??= loadPdfJs().catch((error: unknown) => {
      loaded = null;
      throw error;
    });
    const { getDocument } = await loaded;
    if (signal?.aborted) throw abortReason(signal);
    // A copy: pdf.js hands its data to the worker, which detaches the caller's buffer.
    const task = getDocument({
      data: bytes.slice(),
      isEvalSupported: false,
      disableFontFace: true,
      verbosity: 0,
    });
    const done = new AbortController();
    const stop = () => done.abort();
    signal?.addEventListener('abort', stop, { once: true });
    const deadline = clock.sleep(limitMs, done.signal).then(
      () => 'time-up' as const,
      () => 'stopped' as const,
    );
    try {
      const reading = readPages(task.promise, maxPages);
      // Past the deadline the document is destroyed under the reading, which then fails: nobody waits for it.
      reading.catch(() => {});
      const read = await Promise.race([reading, deadline]);
      if (read === 'stopped') throw abortReason(signal);
      if (read === 'time-up') {
        return {
          ok: false,
          problem: 'too-long',
          detail: `Reading the PDF took longer than ${Math.round(limitMs / 1000)} seconds.`,
        };
      }
      return read;
    } catch (error) {
      if (signal?.aborted) throw abortReason(signal);
      return unreadable(error);
    } finally {
      done.abort();
      signal?.removeEventListener('abort', stop);
      void task.destroy().catch(() => {});
    }
  };
}

type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

async function readPages(loading: Promise<PdfDocument>, maxPages: number): Promise<PdfTextRead> {
  const pdf = await loading;
  if (pdf.numPages > maxPages) {
    return {
      ok: false,
      problem: 'too-long',
      detail: `The PDF has ${pdf.numPages} pages; Cited reads PDFs of up to ${maxPages}.`,
    };
  }
  const pages: PdfTextItem[][] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent();
    pages.push(content.items.flatMap((item) => ('str' in item ? [item] : [])));
    page.cleanup();
  }
  const joined = joinPdfPages(pages);
  if (!/[\p{L}\p{N}]/u.test(joined.text)) {
    return {
      ok: false,
      problem: 'scanned',
      detail: 'There is no text in this PDF: probably a scan (Cited does not read text in images).',
    };
  }
  return { ok: true, ...joined };
}

function unreadable(error: unknown): PdfTextRead {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'PasswordException') {
    return { ok: false, problem: 'encrypted', detail: 'The PDF is protected by a password.' };
  }
  const message = errorMessage(error).replace(/\.$/, '');
  return { ok: false, problem: 'broken', detail: `The file is not a readable PDF (${message}).` };
}
