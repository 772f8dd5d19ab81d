import type { ArchiveLookup } from '../archive/types';
import { assessFailure, assessResponse } from '../linkcheck/assess';
import { DEFAULT_MAX_REDIRECTS, DEFAULT_TIMEOUT_MS } from '../linkcheck/checker';
import { systemClock } from '../linkcheck/clock';
import { titleSaysChallenge, titleSaysLogin } from '../linkcheck/error-page-words';
import { decodeBody, extractTitle } from '../linkcheck/html';
import { type Navigation, navigate } from '../linkcheck/navigate';
import type { RequestScheduler } from '../linkcheck/scheduler';
import type { Clock, FetchLike, RedirectMode } from '../linkcheck/types';
import { hostKey } from '../linkcheck/url';
import { type PdfPageSpan, pageAt } from './pdf-lines';
import type { ReadPdfText } from './pdf-text';
import { matchQuotes, readSourceText, type SourceTextOrigin } from './source-text';
import { textFragmentFor, textFragmentUrl } from './text-fragment';
import type { NotCheckableReason, QuoteVerdict } from './types';

/**
 * A citation's quotations looked for in the page it cites: one GET through the link checker's engine (its
 * scheduler, so the host's politeness holds; no cookies, no referrer; redirects followed), a body read up to
 * 5 MB, HTML read as Readability reads it, plain text as it is, a PDF's text through the caller's pdf.js. What
 * cannot be read (a bot wall, a login or paywall, a page that is only scripts, too large, not text, a PDF locked,
 * scanned, broken or too long, no answer) makes every quotation `not-checkable`,
 * with the reason. When the live page no longer has a quotation and an archived copy does, the verdict is
 * `archived-only`: the copy is read in its original bytes (Wayback's `id_` form), a third-party request the
 * caller allows or not.
 */

/**
 * What a quote check asks a source for: its text. A link check takes whatever the address serves; a quote check
 * can read HTML, plain text and PDF, and says so (a server may then pick the text form of a page).
 */
export const SOURCE_TEXT_ACCEPT = 'text/html,application/xhtml+xml,text/plain;q=0.9,application/pdf;q=0.8';

/** Enough for any article's HTML, however much markup surrounds it; far less than a video or a data dump. */
export const SOURCE_TEXT_MAX_BYTES = 5 * 1024 * 1024;

export interface QuoteSourceDeps {
  fetch: FetchLike;
  /** The link checker's scheduler (`checker.scheduler`): quote fetches wait their turn with its requests. */
  scheduler: RequestScheduler;
  mode: RedirectMode;
  /** DOMParser in a browser, jsdom in Node. A document with a window also gets "show in source" links. */
  parseHtml(html: string, url: string): Document;
  /** A PDF's text (`pdfTextReader`); without it a PDF is not checkable. */
  readPdfText?: ReadPdfText;
  headers?: Record<string, string>;
  clock?: Clock;
  timeoutMs?: number;
  maxBytes?: number;
  /** Archived copies may be read (the reader allowed third-party lookups). */
  thirdParty?: boolean;
  now?: () => Date;
  signal?: AbortSignal;
  /**
   * Reads already made in this run, by address: a page that is both quoted and compared with its archived copy
   * is requested once.
   */
  reads?: Map<string, Promise<SourceRead>>;
}

/** What Cited read of the source, and what it found of each quotation there. */
export interface SourceQuoteCheck {
  url: string;
  /** Where the text was read from, after redirects; null when nothing answered. */
  finalUrl: string | null;
  httpStatus: number | null;
  /** Which text the quotations were looked for in; null when none could be read. */
  textOrigin: SourceTextOrigin | null;
  /** The source as a whole, in a line, when its answer says something the verdicts do not (gone, moved). */
  note: string | null;
  /** The archived copy read (original bytes), when one was. */
  archivedUrl: string | null;
  checkedAt: string;
  verdicts: QuoteVerdict[];
}

export type SourceRead =
  | {
      ok: true;
      text: string;
      origin: SourceTextOrigin;
      finalUrl: string;
      status: number;
      doc: Document | null;
      /** A PDF's pages in `text`. */
      pages?: PdfPageSpan[];
    }
  | {
      ok: false;
      gone: boolean;
      reason: NotCheckableReason;
      detail: string;
      finalUrl: string | null;
      status: number | null;
    };

/** A source's text, read once per run when `deps.reads` is given. */
export function fetchSourceText(url: string, deps: QuoteSourceDeps): Promise<SourceRead> {
  const earlier = deps.reads?.get(url);
  if (earlier) return earlier;
  const read = readSource(url, deps);
  deps.reads?.set(url, read);
  return read;
}

async function readSource(url: string, deps: QuoteSourceDeps): Promise<SourceRead> {
  const clock = deps.clock ?? systemClock;
  const navigation: Navigation = await navigate(url, {
    fetch: deps.fetch,
    mode: deps.mode,
    maxRedirects: DEFAULT_MAX_REDIRECTS,
    // One byte over the cap tells a page of exactly 5 MB from a larger one.
    maxBytes: (deps.maxBytes ?? SOURCE_TEXT_MAX_BYTES) + 1,
    timeoutMs: deps.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    clock,
    headers: { Accept: SOURCE_TEXT_ACCEPT, ...deps.headers },
    ...(deps.signal ? { signal: deps.signal } : {}),
    schedule: (target, task) =>
      deps.scheduler.run(hostKey(target), task, deps.signal ? { signal: deps.signal } : {}),
  });
  if (!navigation.ok) {
    const assessment = assessFailure(navigation);
    const reason = 'reason' in assessment ? assessment.reason : navigation.detail;
    return {
      ok: false,
      gone: assessment.kind === 'dead',
      reason: 'no-answer',
      detail: reason,
      finalUrl: navigation.finalUrl ?? null,
      status: null,
    };
  }
  const { finalUrl, status } = navigation;
  const assessment = assessResponse(navigation, clock.now());
  if (assessment.kind !== 'page') {
    const detail =
      'reason' in assessment ? assessment.reason : `The site asked Cited to wait (HTTP ${status}).`;
    const blocked = assessment.kind === 'final';
    return {
      ok: false,
      gone: assessment.kind === 'dead',
      reason: status === 402 ? 'paywall' : blocked ? 'bot-wall' : 'no-answer',
      detail,
      finalUrl,
      status,
    };
  }
  if (navigation.truncated) {
    const cap = Math.round((deps.maxBytes ?? SOURCE_TEXT_MAX_BYTES) / (1024 * 1024));
    return {
      ok: false,
      gone: false,
      reason: 'too-large',
      detail: `The page is larger than ${cap} MB.`,
      finalUrl,
      status,
    };
  }
  const mime = (navigation.contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (deps.readPdfText && isPdf(mime, navigation.body)) {
    const pdf = await deps.readPdfText(navigation.body, deps.signal);
    if (!pdf.ok) return { ok: false, gone: false, reason: pdf.problem, detail: pdf.detail, finalUrl, status };
    return { ok: true, text: pdf.text, origin: 'pdf', finalUrl, status, doc: null, pages: pdf.pages };
  }
  const text = decodeBody(navigation.body, navigation.contentType);
  if (mime === 'text/plain') return { ok: true, text, origin: 'plain-text', finalUrl, status, doc: null };
  if (mime !== '' && mime !== 'text/html' && mime !== 'application/xhtml+xml') {
    const what = mime === 'application/pdf' ? 'a PDF document' : `not text (${mime})`;
    return {
      ok: false,
      gone: false,
      reason: 'not-text',
      detail: `The source is ${what}: Cited does not read it yet.`,
      finalUrl,
      status,
    };
  }
  const title = extractTitle(text);
  if (titleSaysChallenge(title) || titleSaysLogin(title)) {
    return {
      ok: false,
      gone: false,
      reason: titleSaysLogin(title) ? 'paywall' : 'bot-wall',
      detail: `The site showed "${title}" instead of the page.`,
      finalUrl,
      status,
    };
  }
  const doc = deps.parseHtml(text, finalUrl);
  const read = readSourceText(doc);
  if (!read) {
    return {
      ok: false,
      gone: false,
      reason: 'script-only',
      detail: 'The page has no text without running its scripts.',
      finalUrl,
      status,
    };
  }
  return { ok: true, text: read.text, origin: read.origin, finalUrl, status, doc };
}

/** A PDF served as one, or as anonymous bytes that start as a PDF does. */
function isPdf(mime: string, body: Uint8Array): boolean {
  if (mime === 'application/pdf' || mime === 'application/x-pdf') return true;
  const anonymous = mime === '' || mime === 'application/octet-stream' || mime === 'binary/octet-stream';
  return anonymous && String.fromCharCode(...body.subarray(0, 5)) === '%PDF-';
}

/** A PDF's passages say their page, and "show in source" opens the PDF at it (`#page=`, which PDF viewers read). */
function withPdfPages<T extends QuoteVerdict>(
  verdicts: T[],
  read: SourceRead & { ok: true },
  url: string,
): T[] {
  const { pages } = read;
  if (!pages) return verdicts;
  return verdicts.map((verdict) => {
    if (verdict.status !== 'found' && verdict.status !== 'differs') return verdict;
    const page = pageAt(pages, verdict.passage.start);
    if (page === undefined) return verdict;
    const at = new URL(url);
    at.hash = `page=${page}`;
    return { ...verdict, passage: { ...verdict.passage, page }, showInSource: at.href };
  });
}

/** What was found in a source's text, with where to see it there. */
function sourceVerdicts(quotes: readonly string[], read: SourceRead & { ok: true }, url: string) {
  const verdicts = matchQuotes(quotes, read.text);
  return read.pages ? withPdfPages(verdicts, read, url) : withShowInSource(verdicts, read.doc, url);
}

/** "Show in source" for what was found, when the page was read into a document with a window. */
function withShowInSource<T extends QuoteVerdict>(verdicts: T[], doc: Document | null, url: string): T[] {
  const win = doc?.defaultView;
  if (!win) return verdicts;
  return verdicts.map((verdict) => {
    if (verdict.status !== 'found' && verdict.status !== 'differs') return verdict;
    const fragment = textFragmentFor(win, verdict.passage.text);
    return fragment ? { ...verdict, showInSource: textFragmentUrl(url, fragment) } : verdict;
  });
}

/**
 * The archived copy a quotation check may read, the one before the article was published, else the newest:
 * `read` in its original bytes (Wayback's `id_` form: no banner, no rewritten links), `view` for the reader.
 */
function archivedCopy(archive: ArchiveLookup | null | undefined): { read: string; view: string } | null {
  const copy = archive?.beforePublication ?? archive?.mostRecent;
  if (!copy) return null;
  return { read: originalBytesUrl(copy.url), view: copy.url };
}

/** A Wayback replay address in its `id_` form: the page's original bytes, without banner or rewritten links. */
export function originalBytesUrl(replayUrl: string): string {
  return replayUrl.replace(/\/web\/(\d{1,14})\//, '/web/$1id_/');
}

export async function checkSourceQuotes(
  url: string,
  quotes: readonly string[],
  deps: QuoteSourceDeps,
  /** The source's archive lookup, or how to make one: asked only when the live page lacks a quotation. */
  archive?: ArchiveLookup | null | (() => Promise<ArchiveLookup | null>),
): Promise<SourceQuoteCheck> {
  const checkedAt = (deps.now ?? (() => new Date()))().toISOString();
  const live = await fetchSourceText(url, deps);
  const base = {
    url,
    finalUrl: live.finalUrl,
    httpStatus: live.status,
    textOrigin: live.ok ? live.origin : null,
    note: null as string | null,
    archivedUrl: null as string | null,
    checkedAt,
  };
  let verdicts: QuoteVerdict[];
  if (live.ok) {
    verdicts = sourceVerdicts(quotes, live, live.finalUrl);
    if (live.finalUrl !== url && new URL(live.finalUrl).pathname === '/') {
      base.note = `The address now leads to the site's home page (${live.finalUrl}).`;
    }
  } else if (live.gone) {
    // A page that is gone no longer says anything: its quotations are not found there.
    verdicts = quotes.map((quote) => ({ status: 'not-found', quote }));
    base.note = live.detail;
  } else {
    verdicts = quotes.map((quote) => ({
      status: 'not-checkable',
      quote,
      reason: live.reason,
      detail: live.detail,
    }));
  }

  const missing = verdicts.some((verdict) => verdict.status === 'not-found' || verdict.status === 'differs');
  if (!deps.thirdParty || !missing || !archive) return { ...base, verdicts };
  const copyOf = archivedCopy(typeof archive === 'function' ? await archive() : archive);
  if (!copyOf) return { ...base, verdicts };
  const copy = await fetchSourceText(copyOf.read, deps);
  if (!copy.ok) return { ...base, verdicts };
  const archived = sourceVerdicts(quotes, copy, copyOf.view);
  verdicts = verdicts.map((verdict, index) => {
    const then = archived[index];
    if (!then || (then.status !== 'found' && then.status !== 'differs')) return verdict;
    // The copy has it and the live page does not (or no longer word for word).
    const gone = verdict.status === 'not-found' || (verdict.status === 'differs' && then.status === 'found');
    return gone
      ? { status: 'archived-only', quote: verdict.quote, archivedUrl: copyOf.view, archived: then }
      : verdict;
  });
  return { ...base, archivedUrl: copyOf.view, verdicts };
}
