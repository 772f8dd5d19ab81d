import { hasMalformedHost } from '../url/web-address';
/**
 * Address arithmetic for the checker: which redirects keep the same page, what counts as a site's home page or
 * a section front, and where the soft-404 probe goes.
 */

/** The URL the engine requests and caches under: parsed, fragment dropped. Null when it is not a valid URL. */
export function checkKey(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (hasMalformedHost(parsed)) return null;
    parsed.hash = '';
    return parsed.href;
  } catch {
    return null;
  }
}

export function isHttpUrl(url: URL): boolean {
  return url.protocol === 'http:' || url.protocol === 'https:';
}

/** Politeness is counted per host (with its port when not the default). */
export function hostKey(url: string | URL): string {
  const parsed = typeof url === 'string' ? new URL(url) : url;
  return parsed.host.toLowerCase();
}

const ROOT_PATHS = new Set([
  '/',
  '/index.html',
  '/index.htm',
  '/index.php',
  '/index.asp',
  '/default.asp',
  '/default.aspx',
]);

/** A site's home page: the root path (or its index file) with no query. Always alive when it answers. */
export function isSiteRoot(url: URL): boolean {
  return ROOT_PATHS.has(url.pathname.toLowerCase()) && url.search === '';
}

function bareHost(url: URL): string {
  return url.hostname.toLowerCase().replace(/^www\./, '');
}

function effectivePort(url: URL): string {
  return url.port === '' ? '' : url.port;
}

/** Same site for the purpose of redirects: host equal up to a leading `www.`. */
export function sameSite(a: URL, b: URL): boolean {
  return bareHost(a) === bareHost(b);
}

const TRACKING_PARAM = /^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid)$/i;

function comparablePath(url: URL): string {
  let path = safeDecode(url.pathname).toLowerCase();
  path = path.replace(/\/(index|default)\.(html?|php|aspx?)$/, '/');
  if (path.length > 1) path = path.replace(/\/+$/, '');
  return path;
}

function comparableQuery(url: URL): string {
  const params = [...url.searchParams].filter(([name]) => !TRACKING_PARAM.test(name));
  params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return new URLSearchParams(params).toString();
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * True when a redirect keeps the reader on the same page: http→https, `www.` added or removed, a trailing
 * slash, letter case of the path, an index file, tracking parameters dropped. Such a link is still alive.
 */
export function isSamePageRedirect(from: URL, to: URL): boolean {
  return (
    sameSite(from, to) &&
    (effectivePort(from) === effectivePort(to) || from.protocol !== to.protocol) &&
    comparablePath(from) === comparablePath(to) &&
    comparableQuery(from) === comparableQuery(to)
  );
}

/**
 * True when `to` is a folder above `from` on the same site (`/news/local/2017/story` → `/news/` or
 * `/news/local/`): the site dropped the page and sends readers to its section front instead.
 */
export function isSectionFrontOf(from: URL, to: URL): boolean {
  if (!sameSite(from, to) || to.search !== '') return false;
  const fromSegments = segments(from);
  const toSegments = segments(to);
  if (toSegments.length === 0 || toSegments.length >= fromSegments.length) return false;
  return toSegments.every((segment, index) => segment === fromSegments[index]);
}

function segments(url: URL): string[] {
  return comparablePath(url)
    .split('/')
    .filter((segment) => segment !== '');
}

/** Same address for the purpose of "both ended at the same page": scheme and `www.` ignored. */
export function sameAddress(a: string, b: string): boolean {
  try {
    return isSamePageRedirect(new URL(a), new URL(b));
  } catch {
    return a === b;
  }
}

const PROBE_EXTENSION = /\.(s?html?|php\d?|aspx?|jsp|cfm|cgi|pl)$/i;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

export interface ProbeTarget {
  url: string;
  /** One probe serves every citation with the same key: host, folder, and the shape of the last segment. */
  cacheKey: string;
}

interface ProbeFolder {
  folder: string;
  extension: string;
  trailingSlash: boolean;
  cacheKey: string;
}

function probeFolderOf(url: URL): ProbeFolder {
  const path = url.pathname;
  const trailingSlash = path.length > 1 && path.endsWith('/');
  const trimmed = trailingSlash ? path.slice(0, -1) : path;
  const lastSlash = trimmed.lastIndexOf('/');
  const folder = trimmed.slice(0, lastSlash + 1) || '/';
  const lastSegment = trimmed.slice(lastSlash + 1);
  const extension = trailingSlash ? '' : (lastSegment.match(PROBE_EXTENSION)?.[0] ?? '');
  const shape = `${extension.toLowerCase()}${trailingSlash ? '/' : ''}`;
  return {
    folder,
    extension,
    trailingSlash,
    cacheKey: `${url.protocol}//${hostKey(url)}${folder}*${shape}`,
  };
}

/** The probe cache key of `url`: host, folder and last-segment shape (one probe serves all such citations). */
export function probeCacheKey(url: URL): string {
  return probeFolderOf(url).cacheKey;
}

/**
 * The soft-404 probe for `url`: its parent folder on the same host plus a random 25-letter name that cannot
 * exist. The name copies the cited page's shape (a trailing slash, a `.html`/`.php` ending) because sites route
 * by it; the query is dropped.
 */
export function probeTargetFor(url: URL, random: () => number): ProbeTarget {
  const { folder, extension, trailingSlash, cacheKey } = probeFolderOf(url);
  let name = '';
  for (let i = 0; i < 25; i++) name += LETTERS[Math.floor(random() * LETTERS.length) % LETTERS.length];
  const probe = new URL(url.href);
  probe.pathname = `${folder}${name}${extension}${trailingSlash ? '/' : ''}`;
  probe.search = '';
  probe.hash = '';
  return { url: probe.href, cacheKey };
}

/**
 * Hosts whose whole job is to redirect: persistent identifiers (DOI, Handle, PURL, ARK) and link shorteners.
 * A redirect from them to a real page is the link working, not the page having moved.
 */
const RESOLVER_HOSTS = new Set([
  'doi.org',
  'dx.doi.org',
  'hdl.handle.net',
  'purl.org',
  'purl.oclc.org',
  'n2t.net',
  'identifiers.org',
  'w3id.org',
  'rdcu.be',
  'bit.ly',
  'buff.ly',
  'ow.ly',
  't.co',
  'tinyurl.com',
  'lnkd.in',
  'trib.al',
  'youtu.be',
  'amzn.to',
  'redd.it',
  'wp.me',
  'fb.me',
]);

export function isResolverHost(url: URL): boolean {
  return RESOLVER_HOSTS.has(url.hostname.toLowerCase().replace(/^www\./, ''));
}
