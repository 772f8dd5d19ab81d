/**
 * Resolves a link's `href` attribute against the document base URL (which honours `<base href>`).
 * Only http(s) can be a citation: javascript:, mailto:, tel:, data: and friends give null, and so does a malformed
 * address (a space or an escape in the host name).
 */
export function resolveHttpUrl(href: string | null, baseUrl: string): URL | null {
  if (href === null) return null;
  const trimmed = href.trim();
  if (trimmed === '') return null;
  let url: URL;
  try {
    url = new URL(trimmed, baseUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (hasMalformedHost(url) || /^[a-z]+:\/\/[^/?#]*\s/i.test(trimmed)) return null;
  return url;
}

/**
 * A host with a space or a percent sign is malformed, even where the browser's parser escaped it instead of
 * refusing it (Chromium turns `https://exa mple.com` into the host `exa%20mple.com`): never a host to ask.
 */
export function hasMalformedHost(url: Pick<URL, 'hostname'>): boolean {
  return /[\s%]/.test(url.hostname);
}

/**
 * Citations are grouped by their URL without the fragment: `report#p3` and `report#p7` cite the
 * same document. The citation keeps the URL as first linked (fragment included), because the
 * fragment is what the author pointed at.
 */
export function withoutFragment(url: URL | string): string {
  const href = typeof url === 'string' ? url : url.href;
  const hash = href.indexOf('#');
  return hash === -1 ? href : href.slice(0, hash);
}

/** Host name without a leading `www.`, for display. */
export function displayDomain(url: URL): string {
  return url.hostname.replace(/^www\./, '');
}

/** The host (with its port when not the default) of an address, or the address itself when it does not parse. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** The host name without a leading `www.` for display, or the address itself when it does not parse. */
export function displayHost(url: string): string {
  try {
    return displayDomain(new URL(url));
  } catch {
    return url;
  }
}
