import { withoutFragment } from '../url/web-address';
import { elementsOf } from './dom';
import { parseSrcset } from './srcset';
import type { SnapshotRemovals } from './types';
import { isHttpUrl, isScriptUrl, resolveUrl } from './url';

/**
 * Removes everything that could run code, navigate by itself or reach the network from a snapshot, and
 * makes every remaining URL absolute (so `<base>` can go). The CSP in the snapshot's head and the library's
 * sandboxed frame are further walls; this pass is the first one and must hold on its own.
 */

const HTML_NS = 'http://www.w3.org/1999/xhtml';

const EMBEDDING_ELEMENTS = ['iframe', 'frame', 'object', 'embed', 'applet', 'portal', 'fencedframe'];

const SVG_ANIMATION = new Set(['animate', 'set', 'animateMotion', 'animateTransform', 'animateColor']);

const REMOVED_ELEMENTS = ['script', 'noscript', 'param', 'frameset', 'handler', 'listener', 'xml', 'import'];

/** `<meta http-equiv>` values that act: reload, set policy or cookies, or override our charset. */
const ACTIVE_HTTP_EQUIV = new Set([
  'refresh',
  'content-security-policy',
  'content-security-policy-report-only',
  'set-cookie',
  'content-type',
  'origin-trial',
  'accept-ch',
  'delegate-ch',
  'x-dns-prefetch-control',
  'default-style',
]);

/** `<link rel>` values that fetch nothing: kept (with absolute hrefs) as part of the page's metadata. */
const INERT_LINK_RELS = new Set([
  'canonical',
  'alternate',
  'author',
  'license',
  'shortlink',
  'amphtml',
  'next',
  'prev',
  'previous',
  'me',
  'bookmark',
  'help',
  'search',
  'tag',
]);

/** Attributes holding one URL, made absolute. */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'poster',
  'cite',
  'background',
  'longdesc',
  'data',
  'codebase',
  'xlink:href',
  'lowsrc',
  'dynsrc',
  'itemid',
]);

/** Lazy-loading attributes: URLs too, resolved now so that `<base>` can be dropped. */
export const LAZY_SRC_ATTRIBUTES = [
  'data-src',
  'data-lazy-src',
  'data-original',
  'data-lazy',
  'data-url',
  'data-hi-res-src',
  'data-full-src',
  'data-actualsrc',
  'data-echo',
  'data-img-src',
  'data-orig-src',
  'data-large-src',
  'data-delayed-url',
  'data-cited-current-src',
];
export const LAZY_SRCSET_ATTRIBUTES = [
  'data-srcset',
  'data-lazy-srcset',
  'data-original-set',
  'data-original-srcset',
];
export const LAZY_BACKGROUND_ATTRIBUTES = [
  'data-bg',
  'data-background',
  'data-background-image',
  'data-bg-src',
];

/** Attributes that make the browser send a request on their own (beacons, prefetches). */
const REQUEST_ATTRIBUTES = new Set(['ping', 'manifest', 'attributionsrc', 'impressiondata', 'srcdoc']);

export interface SanitizeContext {
  pageUrl: string;
  baseUrl: string;
  removed: SnapshotRemovals;
}

/** All roots whose content is rendered: the document, and declarative shadow roots (nested too). */
export function renderedRoots(doc: Document): Array<Document | DocumentFragment> {
  const roots: Array<Document | DocumentFragment> = [doc];
  for (let i = 0; i < roots.length; i++) {
    const root = roots[i] as Document | DocumentFragment;
    for (const el of elementsOf(root)) {
      if (el.localName === 'template' && isShadowRootTemplate(el))
        roots.push((el as HTMLTemplateElement).content);
    }
  }
  return roots;
}

export function isShadowRootTemplate(el: Element): boolean {
  return el.hasAttribute('shadowrootmode') || el.hasAttribute('shadowroot');
}

export function removeMarkedHidden(doc: Document, removed: SnapshotRemovals): void {
  for (const el of elementsOf(doc)) {
    if (!el.hasAttribute('data-cited-hidden') || !el.isConnected) continue;
    el.remove();
    removed.hiddenElements++;
  }
}

export function sanitizeDocument(doc: Document, ctx: SanitizeContext): void {
  // Ordinary templates never render and may carry anything; shadow-root templates render and are cleaned.
  for (const el of elementsOf(doc)) {
    if (el.localName === 'template' && !isShadowRootTemplate(el)) el.remove();
  }
  for (const root of renderedRoots(doc)) sanitizeRoot(doc, root, ctx);
}

/** Cleans a subtree brought in later (an SVG sprite), root element included. */
export function sanitizeTree(doc: Document, root: Element, ctx: SanitizeContext): void {
  sanitizeRoot(doc, root, ctx);
  sanitizeAttributes(root, ctx);
}

const REMOVED_SET = new Set(REMOVED_ELEMENTS);
const EMBEDDING_SET = new Set(EMBEDDING_ELEMENTS);

function sanitizeRoot(
  doc: Document,
  root: Document | DocumentFragment | Element,
  ctx: SanitizeContext,
): void {
  let removedSubtree: Element | null = null;
  for (const el of elementsOf(root)) {
    if (removedSubtree?.contains(el)) continue;
    removedSubtree = null;
    const name = el.localName;
    if (REMOVED_SET.has(name)) {
      if (name === 'script') ctx.removed.scripts++;
      el.remove();
      removedSubtree = el;
    } else if (EMBEDDING_SET.has(name)) {
      replaceEmbed(doc, el, ctx);
      removedSubtree = el;
    } else if (name === 'base') {
      el.remove();
    } else if (name === 'meta') {
      const equiv = (el.getAttribute('http-equiv') ?? '').trim().toLowerCase();
      if (equiv === 'refresh') ctx.removed.metaRefresh++;
      if (ACTIVE_HTTP_EQUIV.has(equiv) || el.hasAttribute('charset')) el.remove();
    } else if (name === 'link') {
      const rels = linkRels(el);
      // Stylesheets and icons are inlined (or dropped) later; inert metadata links stay.
      if (rels.includes('stylesheet') || rels.includes('icon')) continue;
      if (rels.length === 0 || !rels.every((r) => INERT_LINK_RELS.has(r))) el.remove();
    } else if (SVG_ANIMATION.has(name)) {
      // SVG animation can set an href to a script URL after the fact.
      const target = (el.getAttribute('attributeName') ?? '').trim().toLowerCase();
      if (target === 'href' || target === 'xlink:href' || target.startsWith('on')) {
        el.remove();
        removedSubtree = el;
      }
    } else if (name === 'video' || name === 'audio') {
      // Media files are not kept (as in SingleFile's defaults): they would dwarf the page. The poster stays.
      let had = el.hasAttribute('src');
      el.removeAttribute('src');
      for (const child of Array.from(el.children)) {
        if (child.localName === 'source' || child.localName === 'track') {
          child.remove();
          had = true;
        }
      }
      el.removeAttribute('autoplay');
      if (had) ctx.removed.media++;
    }
  }
  for (const el of elementsOf(root)) sanitizeAttributes(el, ctx);
}

export function linkRels(link: Element): string[] {
  const rels = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  // "alternate stylesheet" is a sheet the reader has not chosen: it never applies.
  if (rels.includes('stylesheet') && rels.includes('alternate')) return ['alternate-stylesheet'];
  if (rels.includes('icon') || rels.includes('shortcut'))
    return rels.includes('stylesheet') ? rels : ['icon'];
  return rels;
}

function replaceEmbed(doc: Document, el: Element, ctx: SanitizeContext): void {
  ctx.removed.embeds++;
  const raw = el.getAttribute('src') ?? el.getAttribute('data') ?? el.getAttribute('code');
  const url = resolveUrl(raw, ctx.baseUrl);
  const width = el.getAttribute('width');
  const height = el.getAttribute('height');
  const style = (el.getAttribute('style') ?? '').toLowerCase();
  const invisible =
    el.hasAttribute('hidden') ||
    /display\s*:\s*none|visibility\s*:\s*hidden/.test(style) ||
    (width !== null && Number.parseFloat(width) <= 1) ||
    (height !== null && Number.parseFloat(height) <= 1);
  if (invisible || el.closest('head')) {
    el.remove();
    return;
  }
  const box = doc.createElementNS(HTML_NS, 'div');
  box.setAttribute('data-cited-removed', el.localName);
  for (const name of ['id', 'class', 'title']) {
    const value = el.getAttribute(name);
    if (value) box.setAttribute(name, value);
  }
  const size = [
    width ? `width:${/^\d+(\.\d+)?$/.test(width) ? `${width}px` : width}` : '',
    height ? `height:${/^\d+(\.\d+)?$/.test(height) ? `${height}px` : height}` : '',
  ]
    .filter((s) => s && !/[;{}<>"'\\]/.test(s.slice(s.indexOf(':') + 1)))
    .join(';');
  box.setAttribute(
    'style',
    `box-sizing:border-box;display:inline-flex;align-items:center;justify-content:center;gap:.3em;max-width:100%;min-height:2.5em;padding:8px;border:1px dashed #8a8a8a;background:#f4f4f4;color:#333;font:13px/1.4 system-ui,sans-serif;text-align:center;${size}${el.getAttribute('style') ? `;${el.getAttribute('style')}` : ''}`,
  );
  box.append(doc.createTextNode('Embedded content not saved'));
  if (url && isHttpUrl(url)) {
    box.append(doc.createTextNode(': '));
    const link = doc.createElementNS(HTML_NS, 'a');
    link.setAttribute('href', url);
    link.textContent = new URL(url).host;
    box.append(link);
  }
  el.replaceWith(box);
}

function isSamePage(url: string, pageUrl: string): boolean {
  const hash = url.indexOf('#');
  if (hash < 0) return false;
  const withoutHash = url.slice(0, hash);
  const page = withoutFragment(pageUrl);
  return withoutHash === page;
}

/** Link-like attributes: script URLs and non-image data: navigations are dropped. */
function isNavigation(el: Element, name: string): boolean {
  return (
    name === 'action' ||
    name === 'formaction' ||
    ((name === 'href' || name === 'xlink:href') && (el.localName === 'a' || el.localName === 'area'))
  );
}

export function sanitizeAttributes(el: Element, ctx: SanitizeContext): void {
  for (const attrName of el.getAttributeNames()) {
    const name = attrName.toLowerCase();
    const value = el.getAttribute(attrName) ?? '';
    const attr = { name: attrName };
    if (name.startsWith('on')) {
      el.removeAttribute(attr.name);
      ctx.removed.eventHandlers++;
      continue;
    }
    if (REQUEST_ATTRIBUTES.has(name)) {
      el.removeAttribute(attr.name);
      continue;
    }
    if (isScriptUrl(value)) {
      el.removeAttribute(attr.name);
      ctx.removed.scriptUrls++;
      continue;
    }
    if (name === 'srcset' || LAZY_SRCSET_ATTRIBUTES.includes(name)) {
      el.setAttribute(attr.name, absoluteSrcset(value, ctx.baseUrl));
      continue;
    }
    if (URL_ATTRIBUTES.has(name) || LAZY_SRC_ATTRIBUTES.includes(name)) {
      const trimmed = value.trim();
      if (trimmed === '' || trimmed.startsWith('#')) continue;
      if (/^data:/i.test(trimmed)) {
        if (isNavigation(el, name) && !/^data:image\//i.test(trimmed)) el.removeAttribute(attr.name);
        continue;
      }
      const absolute = resolveUrl(trimmed, ctx.baseUrl);
      if (absolute === null) {
        el.removeAttribute(attr.name);
        continue;
      }
      if (isScriptUrl(absolute)) {
        el.removeAttribute(attr.name);
        ctx.removed.scriptUrls++;
        continue;
      }
      // In-page anchors stay relative: clicking them must scroll the snapshot, not open the live page.
      const keepFragment = isNavigation(el, name) && isSamePage(absolute, ctx.pageUrl);
      const next = keepFragment ? absolute.slice(absolute.indexOf('#')) : absolute;
      if (next !== value) el.setAttribute(attr.name, next);
    }
  }
}

function absoluteSrcset(value: string, base: string): string {
  return parseSrcset(value)
    .map((c) => {
      const url = /^data:/i.test(c.url) ? c.url : resolveUrl(c.url, base);
      return url && !isScriptUrl(url) ? (c.descriptor ? `${url} ${c.descriptor}` : url) : null;
    })
    .filter((c): c is string => c !== null)
    .join(', ');
}

export interface ActiveContentReport {
  scripts: number;
  eventHandlers: string[];
  scriptUrls: string[];
  embeds: number;
  metaRefresh: number;
  externalResources: string[];
}

/**
 * Lists anything in a (finished) snapshot that could run code or fetch from the network. Empty means safe.
 * Used by the builder's final check and by the tests.
 */
export function findActiveContent(doc: Document): ActiveContentReport {
  const report: ActiveContentReport = {
    scripts: 0,
    eventHandlers: [],
    scriptUrls: [],
    embeds: 0,
    metaRefresh: 0,
    externalResources: [],
  };
  for (const root of renderedRoots(doc)) {
    for (const el of elementsOf(root)) {
      const tag = el.localName;
      if (tag === 'script') report.scripts++;
      else if (EMBEDDING_SET.has(tag)) report.embeds++;
      else if (tag === 'meta' && (el.getAttribute('http-equiv') ?? '').trim().toLowerCase() === 'refresh') {
        report.metaRefresh++;
      }
      for (const attrName of el.getAttributeNames()) {
        const name = attrName.toLowerCase();
        const value = el.getAttribute(attrName) ?? '';
        if (name.startsWith('on')) report.eventHandlers.push(`${tag}[${attrName}]`);
        if (isScriptUrl(value)) report.scriptUrls.push(`${tag}[${attrName}]`);
        if (fetchesOnLoad(el, name) && !isInlineValue(value, name)) {
          report.externalResources.push(`${tag}[${attrName}]=${value.slice(0, 120)}`);
        }
      }
    }
  }
  return report;
}

const FETCHING_SRC_ELEMENTS = new Set([
  'img',
  'input',
  'video',
  'audio',
  'source',
  'track',
  'embed',
  'iframe',
  'frame',
  'script',
  'portal',
  'fencedframe',
]);

/** Attributes whose URL the browser fetches by itself when the document is shown. */
function fetchesOnLoad(el: Element, name: string): boolean {
  switch (name) {
    case 'src':
    case 'srcset':
      return FETCHING_SRC_ELEMENTS.has(el.localName);
    case 'poster':
      return el.localName === 'video';
    case 'background':
      return ['body', 'table', 'td', 'th', 'tr'].includes(el.localName);
    case 'data':
    case 'codebase':
      return el.localName === 'object' || el.localName === 'applet';
    case 'href':
    case 'xlink:href':
      return (
        (el.localName === 'link' &&
          !(el.getAttribute('rel') ?? '')
            .toLowerCase()
            .split(/\s+/)
            .every((rel) => INERT_LINK_RELS.has(rel))) ||
        el.localName === 'image' ||
        el.localName === 'use' ||
        el.localName === 'feImage'
      );
    default:
      return false;
  }
}

function isInlineValue(value: string, name: string): boolean {
  const v = value.trim();
  if (v === '' || v.startsWith('#')) return true;
  if (name === 'srcset') return parseSrcset(v).every((c) => /^data:/i.test(c.url));
  return /^data:/i.test(v);
}
