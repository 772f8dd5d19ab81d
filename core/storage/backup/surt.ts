/**
 * The sort-friendly URL key CDXJ indexes use, computed exactly as the readers that open our archives compute it
 * (wabac.js 2.27, the engine of ReplayWeb.page and ArchiveWeb.page, `getSurt`), so every page is found by its
 * address: only http(s) addresses are keyed; a leading `www`/`www2`… label is dropped as written (before
 * lower-casing, so `WWW2.` stays); then everything is lower-cased, host labels reversed and joined by commas, the
 * port kept, `)`, the path, and the query's `&`-separated parts sorted as they are written.
 * Pass addresses through `archiveUrl` first, so the WARC records, the index and pages.jsonl name a page alike.
 */
export function surtKey(url: string): string {
  if (!url.startsWith('https:') && !url.startsWith('http:')) return url;
  try {
    const lowered = url.replace(/^(https?:\/\/)www\d*\./, '$1').toLowerCase();
    const parsed = new URL(lowered);
    let key = parsed.hostname.split('.').reverse().join(',');
    if (parsed.port) key += `:${parsed.port}`;
    key += `)${parsed.pathname}`;
    if (parsed.search) key += `?${parsed.search.slice(1).split('&').sort().join('&')}`;
    return key;
  } catch {
    return url;
  }
}

/**
 * An address as archives write it: parsed and serialised by the URL standard (scheme and host lower-cased,
 * default port dropped, path escaped), the one form used in the WARC record, the index and pages.jsonl.
 */
export function archiveUrl(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}

/** `YYYYMMDDhhmmss` of an ISO time, the timestamp CDX and replay URLs use. */
export function timestamp14(iso: string): string {
  return iso.replace(/[-:T]/g, '').slice(0, 14);
}
