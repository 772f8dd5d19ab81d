import { formatBytes } from '../format/bytes';
import { readCappedBody } from '../snapshot/capped-body';

/**
 * Fetching a cited page to keep a copy of it: only the citation's own address, without the reader's cookies or
 * any referrer, with a timeout and a size cap. Every refusal comes back as plain words for the reader's list of
 * sources that could not be saved.
 */

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export type SourcePage =
  | { ok: true; html: string; finalUrl: string; contentType: string }
  | { ok: false; reason: string };

export interface SourceFetchOptions {
  timeoutMs?: number;
  maxBytes?: number;
  signal?: AbortSignal;
}

export const SOURCE_TIMEOUT_MS = 30_000;
export const SOURCE_MAX_BYTES = 15_000_000;

const STATUS_NAMES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized: a login is needed',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  410: 'Gone',
  429: 'Too Many Requests',
  451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

function statusReason(response: Response): string {
  const name = STATUS_NAMES[response.status] ?? response.statusText.trim();
  return `the server answered ${response.status}${name ? ` (${name})` : ''}`;
}

function mimeOf(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

/** Why a non-HTML answer is not kept, in words; null when it is a web page. */
export function notAPageReason(contentType: string, head: Uint8Array): string | null {
  const mime = mimeOf(contentType);
  if (mime === 'text/html' || mime === 'application/xhtml+xml') return null;
  if (mime === '' || mime === 'application/octet-stream' || mime === 'text/plain') {
    // Servers that do not say (or say wrong) still send pages; look at the bytes as browsers do.
    const start = new TextDecoder()
      .decode(head.subarray(0, 512))
      .replace(/^\uFEFF/, '')
      .trimStart();
    if (/^<(?:!doctype\s+html|html|head|body)\b/i.test(start)) return null;
    if (start.startsWith('%PDF-')) return 'a PDF document, not a web page: not saved (open the original)';
  }
  if (mime === 'application/pdf') return 'a PDF document, not a web page: not saved (open the original)';
  if (mime.startsWith('image/')) return `an image (${mime}), not a web page: not saved`;
  if (mime.startsWith('video/') || mime.startsWith('audio/')) return `a media file (${mime}): not saved`;
  return `not a web page (${mime || 'no content type'}): not saved`;
}

/** The character encoding a page declares: the Content-Type header, a byte-order mark, then a `<meta>` tag. */
export function declaredCharset(contentType: string, bytes: Uint8Array): string {
  const fromHeader = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType)?.[1];
  if (fromHeader) return fromHeader;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const fromMeta =
    /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1] ??
    /<meta[^>]+content\s*=\s*["'][^"']*charset=([\w.:-]+)/i.exec(head)?.[1];
  return fromMeta ?? 'utf-8';
}

function decode(bytes: Uint8Array, charset: string): string {
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

const UNREACHABLE =
  'no answer: the site could not be reached (the address may no longer exist, or the connection failed)';

function reasonOf(stoppedBecause: unknown): string {
  return stoppedBecause instanceof Error ? stoppedBecause.message : UNREACHABLE;
}

/** GETs one cited page as a stranger would: no cookies, no referrer, redirects followed. */
export async function fetchSourcePage(
  fetchImpl: FetchLike,
  url: string,
  options: SourceFetchOptions = {},
): Promise<SourcePage> {
  const timeoutMs = options.timeoutMs ?? SOURCE_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? SOURCE_MAX_BYTES;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: 'not a valid web address' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return { ok: false, reason: 'not a web address (only http and https pages are saved)' };
  }
  parsed.hash = '';
  const controller = new AbortController();
  // Why the request was stopped from here (the timeout, a cancelled save); a failure of its own says nothing useful.
  let stoppedBecause: unknown;
  const stop = (reason: Error) => {
    stoppedBecause = reason;
    controller.abort(reason);
  };
  const timer = setTimeout(
    () => stop(new Error(`no answer after ${Number((timeoutMs / 1000).toFixed(2))} s`)),
    timeoutMs,
  );
  const onAbort = () => stop(new Error('cancelled'));
  if (options.signal?.aborted) onAbort();
  else options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    let response: Response;
    try {
      response = await fetchImpl(parsed.href, {
        method: 'GET',
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        redirect: 'follow',
        signal: controller.signal,
        headers: { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' },
      });
    } catch {
      return { ok: false, reason: reasonOf(stoppedBecause) };
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      return { ok: false, reason: statusReason(response) };
    }
    const contentType = response.headers.get('content-type') ?? '';
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      return { ok: false, reason: `larger than ${formatBytes(maxBytes)}: not saved` };
    }
    let bytes: Uint8Array | null;
    try {
      bytes = await readCappedBody(response, maxBytes);
    } catch {
      return { ok: false, reason: reasonOf(stoppedBecause) };
    }
    if (!bytes) return { ok: false, reason: `larger than ${formatBytes(maxBytes)}: not saved` };
    const refusal = notAPageReason(contentType, bytes);
    if (refusal) return { ok: false, reason: refusal };
    const finalUrl = response.url || parsed.href;
    return { ok: true, html: decode(bytes, declaredCharset(contentType, bytes)), finalUrl, contentType };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}
