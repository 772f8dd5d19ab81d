/**
 * Pages an extension may not (or cannot usefully) read, told apart from the tab's URL before Cited tries to
 * inject its content script, so the reader gets a plain explanation instead of a browser error.
 */
export type RestrictedReason =
  /** chrome://, edge://, about:, devtools:, the new-tab page and other pages of the browser itself. */
  | 'browser-page'
  /** Pages of Cited or of another extension (chrome-extension://, moz-extension://). */
  | 'extension-page'
  /** Extension stores: browsers forbid extensions to touch them. */
  | 'web-store'
  /** Other sites the browser shields from extensions (Firefox: its accounts and support sites). */
  | 'protected-site'
  /** A PDF shown in the browser's PDF viewer: there is no web page to read. */
  | 'pdf-viewer'
  /** A local file, and the reader has not allowed Cited to read local files. */
  | 'file-access'
  /** view-source: shows a page's source code, not the page. */
  | 'view-source'
  /** data: and blob: documents have no address of their own to cite from. */
  | 'inline-document'
  /** javascript: is code, not a page. */
  | 'script-url'
  /** Any other scheme (ftp:, resource:, …), or no address the extension may see. */
  | 'not-web-page';

export interface RestrictionOptions {
  /** Whether the reader allowed Cited to read file:// pages (`extension.isAllowedFileSchemeAccess()`). */
  fileSchemeAccess?: boolean;
}

/** Chrome's built-in PDF viewer runs as this component extension. */
const CHROME_PDF_VIEWER_ID = 'mhjfbmdgcfjbbpaeojofohoefgiehjai';

const BROWSER_SCHEMES = new Set([
  'chrome:',
  'edge:',
  'about:',
  'devtools:',
  'chrome-search:',
  'chrome-untrusted:',
  'brave:',
  'opera:',
  'vivaldi:',
  'chrome-error:',
]);

/**
 * Firefox's default `extensions.webextensions.restrictedDomains` (Firefox ESR 140) without the store itself:
 * content scripts are refused there, so injecting would fail with a browser error.
 */
const FIREFOX_PROTECTED_HOSTS = new Set([
  'accounts-static.cdn.mozilla.net',
  'accounts.firefox.com',
  'addons.cdn.mozilla.net',
  'api.accounts.firefox.com',
  'content.cdn.mozilla.net',
  'discovery.addons.mozilla.org',
  'install.mozilla.org',
  'oauth.accounts.firefox.com',
  'profile.accounts.firefox.com',
  'support.mozilla.org',
  'sync.services.mozilla.com',
]);

const EXTENSION_SCHEMES = new Set([
  'chrome-extension:',
  'moz-extension:',
  'safari-web-extension:',
  'extension:',
]);

/**
 * Why Cited cannot read the page at `url`, or null when it may try. `url` is the tab's address; an empty one
 * (the browser hides addresses of pages the extension has no access to) counts as not a web page.
 */
export function restrictionFor(url: string, options: RestrictionOptions = {}): RestrictedReason | null {
  const trimmed = url.trim();
  if (trimmed === '') return 'not-web-page';
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return 'not-web-page';
  }
  const scheme = parsed.protocol.toLowerCase();
  if (scheme === 'chrome-extension:' && parsed.hostname === CHROME_PDF_VIEWER_ID) return 'pdf-viewer';
  if (scheme === 'resource:' && parsed.hostname === 'pdf.js') return 'pdf-viewer';
  if (BROWSER_SCHEMES.has(scheme)) return 'browser-page';
  if (EXTENSION_SCHEMES.has(scheme)) return 'extension-page';
  if (scheme === 'view-source:') return 'view-source';
  if (scheme === 'data:' || scheme === 'blob:') return 'inline-document';
  if (scheme === 'javascript:') return 'script-url';
  if (scheme === 'file:') {
    if (isPdfPath(parsed.pathname)) return 'pdf-viewer';
    return options.fileSchemeAccess ? null : 'file-access';
  }
  if (scheme !== 'http:' && scheme !== 'https:') return 'not-web-page';
  if (isExtensionStore(parsed)) return 'web-store';
  if (FIREFOX_PROTECTED_HOSTS.has(parsed.hostname.toLowerCase())) return 'protected-site';
  if (isPdfPath(parsed.pathname)) return 'pdf-viewer';
  return null;
}

function isExtensionStore(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  const path = url.pathname.toLowerCase();
  return (
    host === 'chromewebstore.google.com' ||
    (host === 'chrome.google.com' && (path === '/webstore' || path.startsWith('/webstore/'))) ||
    host === 'addons.mozilla.org' ||
    (host === 'microsoftedge.microsoft.com' && (path === '/addons' || path.startsWith('/addons/')))
  );
}

/** A `.pdf` address opens in the browser's PDF viewer, which extensions cannot read. */
function isPdfPath(pathname: string): boolean {
  return /\.pdf$/i.test(pathname);
}

export interface RestrictionMessage {
  title: string;
  body: string;
}

/** The words the reader sees for each restriction: what the page is and what they can do. */
export function restrictionMessage(reason: RestrictedReason): RestrictionMessage {
  switch (reason) {
    case 'browser-page':
      return {
        title: 'This is a page of the browser itself',
        body: 'Browsers do not let extensions read their own pages (settings, history, new tab). Open an article and Cited will list what it cites.',
      };
    case 'extension-page':
      return {
        title: 'This page belongs to an extension',
        body: 'Extensions cannot read each other’s pages. Open an article in a tab and Cited will list what it cites.',
      };
    case 'web-store':
      return {
        title: 'Extension stores are off limits',
        body: 'Browsers forbid extensions to read or change extension store pages, so Cited cannot list links here.',
      };
    case 'protected-site':
      return {
        title: 'The browser shields this site from extensions',
        body: 'Firefox does not let extensions read its own account and support sites, so Cited cannot list links here.',
      };
    case 'pdf-viewer':
      return {
        title: 'This is a PDF',
        body: 'PDFs open in the browser’s own viewer, which extensions cannot read. Cited works on web pages.',
      };
    case 'file-access':
      return {
        title: 'Cited may not read local files',
        body: 'To use Cited on files from your computer, turn on “Allow access to file URLs” for Cited in your browser’s extension settings, then reload the page.',
      };
    case 'view-source':
      return {
        title: 'This is a page’s source code',
        body: 'Cited reads web pages, not their source view. Open the page itself to list what it cites.',
      };
    case 'inline-document':
      return {
        title: 'This page has no address of its own',
        body: 'Pages opened from data: or blob: addresses cannot be read by extensions. Open the article at its web address.',
      };
    case 'script-url':
      return {
        title: 'This is not a page',
        body: 'javascript: addresses run code instead of showing a page, so there is nothing for Cited to read.',
      };
    case 'not-web-page':
      return {
        title: 'Cited cannot read this page',
        body: 'Cited works on web pages (http and https). Browser pages, other extensions’ pages and local files are off limits.',
      };
  }
}
