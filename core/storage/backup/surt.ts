/**
 * The sort-friendly URL key CDXJ indexes use, canonicalised the way web-archive players look URLs up
 * (as wabac.js / ReplayWeb.page do): lower case, a leading `www` label dropped, host labels reversed and
 * joined by commas, then `)`, the path, and the query with its parameters sorted.
 */
export function surtKey(url: string): string {
  if (!/^https?:/i.test(url)) return url;
  try {
    const lowered = url.replace(/^(https?:\/\/)www\d*\./i, '$1').toLowerCase();
    const parsed = new URL(lowered);
    let key = parsed.hostname.split('.').reverse().join(',');
    if (parsed.port) key += `:${parsed.port}`;
    key += `)${parsed.pathname}`;
    if (parsed.search) {
      parsed.searchParams.sort();
      key += parsed.search;
    }
    return key;
  } catch {
    return url;
  }
}

/** `YYYYMMDDhhmmss` of an ISO time, the timestamp CDX and replay URLs use. */
export function timestamp14(iso: string): string {
  return iso.replace(/[-:T]/g, '').slice(0, 14);
}
