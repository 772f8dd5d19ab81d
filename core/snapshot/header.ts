import { HASH_META_NAME, HASH_PLACEHOLDER } from './hash';

const HTML_NS = 'http://www.w3.org/1999/xhtml';

/**
 * The snapshot's own Content-Security-Policy: no script, no plugin, no frame, no form submission, no base
 * URL, and no network request of any kind (images, fonts and media only as `data:`; styles only inline).
 * `default-src 'none'` already covers script/object/frame/connect; they are spelled out for a reader of the
 * file. `form-action` and `base-uri` do not fall back to `default-src`, so they must be given.
 */
export const SNAPSHOT_CSP = [
  "default-src 'none'",
  "script-src 'none'",
  "object-src 'none'",
  'img-src data:',
  "style-src 'unsafe-inline'",
  'font-src data:',
  'media-src data:',
  "frame-src 'none'",
  "form-action 'none'",
  "base-uri 'none'",
].join('; ');

export const META = {
  originalUrl: 'cited:original-url',
  savedAt: 'cited:saved-at',
  sha256: HASH_META_NAME,
} as const;

function meta(doc: Document, attributes: Array<[string, string]>): Element {
  const el = doc.createElementNS(HTML_NS, 'meta');
  for (const [name, value] of attributes) el.setAttribute(name, value);
  return el;
}

/**
 * Puts the policy first in `<head>` (it only governs what comes after it), then the charset, then what a
 * verifier needs: the original URL, the capture time and the digest slot. Returns them: their markup is a
 * fixed format (`<meta name="cited:sha256" content="…">`), serialised with quotes.
 */
export function insertHeaderMetas(doc: Document, url: string, savedAt: string): Element[] {
  let head = doc.head;
  if (!head) {
    head = doc.createElementNS(HTML_NS, 'head') as HTMLHeadElement;
    doc.documentElement.prepend(head);
  }
  const metas = [
    meta(doc, [
      ['http-equiv', 'Content-Security-Policy'],
      ['content', SNAPSHOT_CSP],
    ]),
    meta(doc, [['charset', 'utf-8']]),
    meta(doc, [
      ['name', 'referrer'],
      ['content', 'no-referrer'],
    ]),
    meta(doc, [
      ['name', META.originalUrl],
      ['content', url],
    ]),
    meta(doc, [
      ['name', META.savedAt],
      ['content', savedAt],
    ]),
    meta(doc, [
      ['name', META.sha256],
      ['content', HASH_PLACEHOLDER],
    ]),
  ];
  head.prepend(...metas);
  return metas;
}

/** The comment that opens the file. `-->` cannot occur in it: the URL is percent-encoded by the URL parser. */
export function headerComment(url: string, savedAt: string): string {
  const shownUrl = url.length > 300 ? `${url.slice(0, 300)}…` : url;
  return [
    '<!--',
    ' Saved by Cited: a self-contained copy. No script runs in it and nothing is fetched when it is opened.',
    ` url: ${shownUrl.replace(/--/g, '-%2D')}`,
    ` saved: ${savedAt}`,
    ` sha256: ${HASH_PLACEHOLDER}`,
    ' (SHA-256 of this file as UTF-8, with this digest replaced by 64 zeros wherever it occurs)',
    '-->',
  ].join('\n');
}
