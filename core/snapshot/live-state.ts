import { elementsOf } from './dom';

const HTML_NS = 'http://www.w3.org/1999/xhtml';

/**
 * What a page shows but its markup does not say: typed form values, the image candidate the browser picked,
 * scroll positions, canvas drawings, CSS inserted through the CSSOM, open shadow roots, elements hidden by
 * computed style. All of it is written onto a clone as attributes/markup, so the clone can be serialised,
 * sent to another context, parsed there and still carry the reader's view of the page.
 */

/** Attribute names the snapshot builder reads from a prepared document. */
export const LIVE_ATTR = {
  currentSrc: 'data-cited-current-src',
  scrollX: 'data-cited-scroll-x',
  scrollY: 'data-cited-scroll-y',
  scrollTop: 'data-cited-scroll-top',
  scrollLeft: 'data-cited-scroll-left',
  canvas: 'data-cited-canvas',
  hidden: 'data-cited-hidden',
} as const;

export interface LiveStateOptions {
  /**
   * The source is a rendered page (content script): also record scroll positions, canvases, CSSOM-only
   * styles, open shadow roots and (with `markHidden`) elements whose computed display is `none`.
   */
  layout: boolean;
  /** Mark hidden elements for removal, as SingleFile does. Default true with `layout`. */
  markHidden?: boolean;
}

/** Elements never marked hidden: not rendered anyway, or needed whatever their display. */
const NEVER_HIDDEN = new Set([
  'html',
  'head',
  'body',
  'style',
  'link',
  'meta',
  'title',
  'script',
  'noscript',
  'template',
  'source',
  'track',
  'area',
  'map',
  'option',
  'optgroup',
  'datalist',
  'param',
  'base',
  'br',
  'wbr',
]);

/**
 * Copies the live state of `source` onto `target`, which must be `source.cloneNode(true)` (same element
 * order). Never modifies `source`.
 */
export function captureLiveState(source: Document, target: Document, options: LiveStateOptions): void {
  const from = elementsOf(source);
  const to = elementsOf(target);
  if (from.length !== to.length) return;
  const view = source.defaultView;
  const markHidden = options.layout && options.markHidden !== false && view !== null;
  let hiddenAncestor: Element | null = null;
  for (let i = 0; i < from.length; i++) {
    const live = from[i] as Element;
    const copy = to[i] as Element;
    if (copy.localName !== live.localName) return;
    if (hiddenAncestor && !hiddenAncestor.contains(live)) hiddenAncestor = null;
    captureFormState(live, copy);
    if (live.localName === 'img') {
      const current = (live as HTMLImageElement).currentSrc;
      if (current) copy.setAttribute(LIVE_ATTR.currentSrc, current);
    }
    if (!options.layout || !view) continue;
    if (markHidden && !hiddenAncestor && isHidden(live, view)) {
      copy.setAttribute(LIVE_ATTR.hidden, '');
      hiddenAncestor = live;
      continue;
    }
    if (hiddenAncestor) continue;
    if (live.scrollTop > 0) copy.setAttribute(LIVE_ATTR.scrollTop, String(Math.round(live.scrollTop)));
    if (live.scrollLeft > 0) copy.setAttribute(LIVE_ATTR.scrollLeft, String(Math.round(live.scrollLeft)));
    if (live.localName === 'canvas') captureCanvas(live as HTMLCanvasElement, copy);
    if (live.localName === 'style') captureCssomRules(live as HTMLStyleElement, copy);
    const shadow = (live as Element & { shadowRoot: ShadowRoot | null }).shadowRoot;
    if (shadow && live.namespaceURI === 'http://www.w3.org/1999/xhtml')
      captureShadowRoot(shadow, copy, target);
  }
  if (options.layout && view) {
    const root = target.documentElement;
    root.setAttribute(LIVE_ATTR.scrollX, String(Math.round(view.scrollX)));
    root.setAttribute(LIVE_ATTR.scrollY, String(Math.round(view.scrollY)));
    captureAdoptedSheets(source, target);
  }
}

function captureFormState(live: Element, copy: Element): void {
  switch (live.localName) {
    case 'input': {
      const input = live as HTMLInputElement;
      const type = (input.getAttribute('type') ?? 'text').toLowerCase();
      if (type === 'checkbox' || type === 'radio') {
        if (input.checked) copy.setAttribute('checked', '');
        else copy.removeAttribute('checked');
      } else if (type === 'password') {
        // Never keep a password in a file that may be shared.
        copy.removeAttribute('value');
      } else if (
        type !== 'file' &&
        type !== 'hidden' &&
        input.value !== (input.getAttribute('value') ?? '')
      ) {
        copy.setAttribute('value', input.value);
      }
      return;
    }
    case 'textarea':
      copy.textContent = (live as HTMLTextAreaElement).value;
      return;
    case 'select': {
      const liveOptions = (live as HTMLSelectElement).options;
      const copyOptions = copy.getElementsByTagName('option');
      if (liveOptions.length !== copyOptions.length) return;
      for (let i = 0; i < liveOptions.length; i++) {
        const option = copyOptions[i];
        if (!option) continue;
        if (liveOptions[i]?.selected) option.setAttribute('selected', '');
        else option.removeAttribute('selected');
      }
      return;
    }
    default:
      return;
  }
}

function isHidden(el: Element, view: Window): boolean {
  if (el.namespaceURI !== 'http://www.w3.org/1999/xhtml') return false;
  if (NEVER_HIDDEN.has(el.localName)) return false;
  if (el.localName === 'input' && (el as HTMLInputElement).type === 'hidden') return false;
  if (el.closest('head')) return false;
  try {
    return view.getComputedStyle(el).display === 'none';
  } catch {
    return false;
  }
}

function captureCanvas(live: HTMLCanvasElement, copy: Element): void {
  try {
    const url = live.toDataURL('image/png');
    if (url.startsWith('data:image/')) copy.setAttribute(LIVE_ATTR.canvas, url);
  } catch {
    // A canvas tainted by cross-origin drawing cannot be read; it stays empty.
  }
}

/** CSS-in-JS libraries insert rules through `insertRule`, leaving `<style>` elements empty in the markup. */
function captureCssomRules(live: HTMLStyleElement, copy: Element): void {
  const sheet = live.sheet;
  if (!sheet) return;
  let rules: CSSRuleList;
  try {
    rules = sheet.cssRules;
  } catch {
    return;
  }
  if (rules.length === 0) return;
  const text = live.textContent ?? '';
  if (text.trim() !== '' && countTopLevelBlocks(text) >= rules.length) return;
  copy.textContent = Array.from(rules, (rule) => rule.cssText).join('\n');
}

/** Rough count of top-level rules in CSS text, to notice rules that exist only in the CSSOM. */
function countTopLevelBlocks(css: string): number {
  let depth = 0;
  let count = 0;
  for (let i = 0; i < css.length; i++) {
    const c = css.charAt(i);
    if (c === '{') {
      if (depth === 0) count++;
      depth++;
    } else if (c === '}') depth = Math.max(0, depth - 1);
  }
  return count;
}

function captureShadowRoot(shadow: ShadowRoot, copy: Element, target: Document): void {
  if (copy.querySelector(':scope > template[shadowrootmode]')) return;
  const template = target.createElement('template');
  template.setAttribute('shadowrootmode', 'open');
  const withGetHtml = shadow as ShadowRoot & { getHTML?: (options?: object) => string };
  template.innerHTML = typeof withGetHtml.getHTML === 'function' ? withGetHtml.getHTML() : shadow.innerHTML;
  const css = sheetsText(adoptedSheets(shadow));
  if (css) {
    const style = target.createElement('style');
    style.textContent = css;
    template.content.prepend(style);
  }
  copy.prepend(template);
}

function captureAdoptedSheets(source: Document, target: Document): void {
  const css = sheetsText(adoptedSheets(source));
  if (!css) return;
  const style = target.createElement('style');
  style.setAttribute('data-cited-adopted', '');
  style.textContent = css;
  (target.head ?? target.documentElement).append(style);
}

type WithAdoptedSheets = { adoptedStyleSheets?: Iterable<CSSStyleSheet> };

/**
 * A document's or shadow root's constructed style sheets. In a Firefox content script the page's array reaches
 * the script through an Xray wrapper that is neither iterable nor indexable (length undefined); only the waived
 * wrapper (`wrappedJSObject`) shows the page's sheets. Anything else unreadable counts as no sheets: a snapshot
 * must not fail over them.
 */
function adoptedSheets(root: Document | ShadowRoot): CSSStyleSheet[] {
  const iterable = (value: unknown): value is Iterable<CSSStyleSheet> =>
    typeof (value as Iterable<unknown> | null | undefined)?.[Symbol.iterator] === 'function';
  try {
    const own = (root as WithAdoptedSheets).adoptedStyleSheets;
    if (iterable(own)) return Array.from(own);
    const waived = (root as { wrappedJSObject?: WithAdoptedSheets }).wrappedJSObject?.adoptedStyleSheets;
    if (iterable(waived)) return Array.from(waived);
  } catch {
    // Unreadable: no sheets.
  }
  return [];
}

function sheetsText(sheets: readonly CSSStyleSheet[]): string {
  const parts: string[] = [];
  for (const sheet of sheets) {
    try {
      for (const rule of Array.from(sheet.cssRules)) parts.push(rule.cssText);
    } catch {
      // Unreadable sheet: skip it.
    }
  }
  return parts.join('\n');
}

/**
 * For the content script: a clone of the live page with its live state written in, ready for
 * `serializeDocument` and a trip to the context that builds the snapshot.
 */
export function prepareSnapshotDocument(live: Document, options: { markHidden?: boolean } = {}): Document {
  const clone = live.cloneNode(true) as Document;
  captureLiveState(live, clone, {
    layout: true,
    ...(options.markHidden !== undefined ? { markHidden: options.markHidden } : {}),
  });
  noscriptAsMarkup(clone);
  return clone;
}

/** What a `<noscript>` in `<head>` may hold when scripting is off; anything else would end the head there. */
const HEAD_NOSCRIPT_ELEMENTS = new Set(['link', 'meta', 'style', 'basefont', 'bgsound', 'noframes']);

/**
 * On a page with scripting on, a `<noscript>` holds its markup as one raw text node. The clone has no scripting,
 * so serialising it escapes that text, and the builder's parser (scripting off too) reads a `<noscript>` in
 * `<head>` as markup that may hold only a few elements: the escaped text ends the head there and shows up at the
 * top of the body ("<link rel=stylesheet …>", guardian-1), and whatever followed it in `<head>` moves to the
 * body. So the text becomes the elements a scripting-off parser would have made, on the clone: in `<head>` only
 * those a head `<noscript>` may hold (a tracking pixel or a sentence there is dropped; the snapshot drops
 * `<noscript>` anyway), in the body all of it (the builder reads lazy images' real addresses from it).
 */
function noscriptAsMarkup(clone: Document): void {
  for (const noscript of Array.from(clone.getElementsByTagName('noscript'))) {
    if (noscript.namespaceURI !== HTML_NS || noscript.children.length > 0) continue;
    const text = noscript.textContent ?? '';
    const inHead = noscript.closest('head') !== null;
    if (!inHead && !text.includes('<')) continue;
    const template = clone.createElement('template');
    template.innerHTML = text;
    const content = template.content;
    if (inHead) {
      for (const node of Array.from(content.childNodes)) {
        const keep =
          node.nodeType === 8 ||
          (node.nodeType === 3 && (node.textContent ?? '').trim() === '') ||
          (node.nodeType === 1 && HEAD_NOSCRIPT_ELEMENTS.has((node as Element).localName));
        if (!keep) node.remove();
      }
    }
    noscript.replaceChildren(content);
  }
}

/** The document as HTML text, doctype included (a missing doctype stays missing: quirks mode is kept). */
export function serializeDocument(doc: Document): string {
  return doctypeString(doc) + doc.documentElement.outerHTML;
}

export function doctypeString(doc: Document): string {
  const dt = doc.doctype;
  if (!dt) return '';
  let out = `<!DOCTYPE ${dt.name || 'html'}`;
  if (dt.publicId) out += ` PUBLIC "${dt.publicId}"`;
  if (dt.systemId) out += `${dt.publicId ? '' : ' SYSTEM'} "${dt.systemId}"`;
  return `${out}>`;
}
