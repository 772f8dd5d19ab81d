import { CitedError } from '../errors/cited-error';
import type { CaptureResult, Citation } from './types';

/**
 * A long article's capture crosses from the page to the panel in parts (issue 10): one message of 2,000 citations
 * is about 1.2 MB, and reading it was one long task of the panel. The first part brings the article and enough
 * rows to fill the panel; the panel asks for the rest a part at a time, each a message of its own.
 */
export const FIRST_PART_CITATIONS = 200;
export const CITATIONS_PER_PART = 250;

/**
 * The first message of a capture: the article and its first citations, and how to ask for the rest. The article
 * comes without its text and reader-view HTML (`textContent` empty, `contentHtml` null): the panel shows neither
 * (a snapshot reads the page itself), and on a long article they were most of the message.
 */
export interface CaptureHead extends CaptureResult {
  /** Names this capture in the page, so a part is never taken from a newer read or another page. */
  captureId: string;
  /** Every citation of the capture; `citations` holds the first of them. */
  citationTotal: number;
}

export interface CitationPartRequest {
  captureId: string;
  /** Index of the first citation wanted, in article order. */
  from: number;
  count: number;
}

export const CAPTURE_GONE_MESSAGE =
  'The page changed while Cited was reading its links. Wait for it to finish loading, then try again.';

/**
 * The page's side: keeps its newest capture until the panel has taken every part of it. One capture at a time is
 * enough (only the panel of the tab's window reads it), and a read again replaces the last.
 */
export function createCaptureParts(options: { firstPart?: number; newId?: () => string } = {}) {
  const firstPart = options.firstPart ?? FIRST_PART_CITATIONS;
  const newId = options.newId ?? randomId;
  let held: { id: string; citations: Citation[] } | null = null;

  return {
    head(result: CaptureResult): CaptureHead {
      const id = newId();
      const { citations } = result;
      held = citations.length > firstPart ? { id, citations } : null;
      return {
        ...result,
        article: { ...result.article, contentHtml: null, textContent: '' },
        citations: citations.slice(0, firstPart),
        captureId: id,
        citationTotal: citations.length,
      };
    },
    part({ captureId, from, count }: CitationPartRequest): Citation[] {
      if (!held || held.id !== captureId) throw new CitedError('page-not-ready', CAPTURE_GONE_MESSAGE);
      if (!Number.isInteger(from) || !Number.isInteger(count) || from < 0 || count < 1) {
        throw new CitedError('internal', `Cited asked the page for links ${from} to ${from + count}.`);
      }
      const part = held.citations.slice(from, from + count);
      // Handed over in full: the page need not hold the list any longer.
      if (from + count >= held.citations.length) held = null;
      return part;
    },
  };
}

export type CaptureParts = ReturnType<typeof createCaptureParts>;

/** Unique across the page's loads too: a script injected into the next page must not answer for this one. */
function randomId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** The capture as far as its head goes (its first citations). */
export function headResult({ captureId: _id, citationTotal: _total, ...result }: CaptureHead): CaptureResult {
  return result;
}

/**
 * The panel's side: reads the rest of a capture after its head, part by part, calling `onPart` with the capture so
 * far after each (a new object each time). Resolves to the whole capture. `stale` stops it quietly (the reader
 * moved on) by resolving to null.
 */
export async function readCaptureParts(
  head: CaptureHead,
  ask: (request: CitationPartRequest) => Promise<Citation[]>,
  options: {
    onPart?: (sofar: CaptureResult) => void;
    stale?: () => boolean;
    perPart?: number;
  } = {},
): Promise<CaptureResult | null> {
  const perPart = options.perPart ?? CITATIONS_PER_PART;
  const { captureId, citationTotal } = head;
  const first = headResult(head);
  let citations = first.citations;
  while (citations.length < citationTotal) {
    const part = await ask({ captureId, from: citations.length, count: perPart });
    if (options.stale?.()) return null;
    // A page that answers with nothing would never finish: it is no longer the page that was read.
    if (part.length === 0) throw new CitedError('page-not-ready', CAPTURE_GONE_MESSAGE);
    citations = citations.concat(part);
    if (citations.length < citationTotal) options.onPart?.({ ...first, citations });
  }
  return { ...first, citations };
}
