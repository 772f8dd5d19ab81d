/** Resolves `raw` against `base`; null for junk. Whitespace and control characters are stripped as browsers do. */
export function resolveUrl(raw: string | null | undefined, base: string): string | null {
  if (raw == null) return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the URL parser strips C0 controls; so must we.
  const trimmed = raw.replace(/^[\s\u0000-\u001f]+|[\s\u0000-\u001f]+$/g, '');
  if (trimmed === '') return null;
  try {
    return new URL(trimmed, base).href;
  } catch {
    return null;
  }
}

export function isHttpUrl(url: string): boolean {
  return /^https?:/i.test(url);
}

export function isDataUrl(url: string): boolean {
  return /^\s*data:/i.test(url);
}

/**
 * True for URLs a browser would run as script when followed. Browsers strip ASCII whitespace and control
 * characters anywhere in the scheme ("java\tscript:" runs), so they are removed before comparing.
 */
export function isScriptUrl(value: string): boolean {
  const compact = value.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: "java\tscript:" runs; controls must go before comparing.
    /[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u2029\u205f\u3000\ufeff]/g,
    '',
  );
  return /^(?:javascript|vbscript|livescript|mocha):/i.test(compact);
}

/** The document's base URL: the first `<base href>` resolved against the page URL, else the page URL. */
export function documentBaseUrl(doc: Document, pageUrl: string): string {
  const base = doc.querySelector('base[href]');
  const href = base?.getAttribute('href');
  if (href) {
    const resolved = resolveUrl(href, pageUrl);
    if (resolved && isHttpUrl(resolved)) return resolved;
  }
  return pageUrl;
}
