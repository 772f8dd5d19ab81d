import {
  addCodePoints,
  collectContentCodePoints,
  collectFontFamilies,
  filterFontFaces,
  normalizeFamily,
  splitTopLevel,
} from './css/fonts';
import {
  type CssNode,
  compactCss,
  cssString,
  escapeForStyleElement,
  isUrlFunctionAt,
  parseStylesheet,
  rewriteCssUrls,
  serializeStylesheet,
  skipString,
  skipUrl,
  stringTokenValue,
  stripDangerousDeclarations,
  urlTokenValue,
} from './css/parse';
import { pruneUnusedRules } from './css/prune';
import { createSelectorMatcher } from './css/selectors';
import { elementsOf } from './dom';
import type { ResourceLoader } from './resources';
import { linkRels, renderedRoots } from './sanitize';
import type { SnapshotRemovals } from './types';
import { isDataUrl, isHttpUrl, resolveUrl } from './url';
import { spacePreservingSelectors } from './whitespace';

const HTML_NS = 'http://www.w3.org/1999/xhtml';
/** Attribute text a font may have to draw. */
const TEXT_ATTRIBUTES = ['alt', 'title', 'placeholder', 'value', 'aria-label'];
const MAX_IMPORT_DEPTH = 8;
/** Data URIs at least this long, used more than once, are stored once in a custom property. */
const SHARE_THRESHOLD = 256;

export interface StylesheetContext {
  baseUrl: string;
  loader: ResourceLoader;
  removed: SnapshotRemovals;
  removeUnused: boolean;
}

/** One stylesheet's rules after `@import`s are flattened: each part becomes one `<style>`. */
interface SheetPart {
  nodes: CssNode[];
  /** URLs in the part resolve against this. */
  base: string;
}

interface SheetSlot {
  element: Element;
  /** Document-level sheets can be pruned against the document; shadow-root sheets cannot. */
  prunable: boolean;
  /** `media` of a `<link>`, carried to the `<style>` that replaces it. */
  media: string | null;
  parts: Promise<SheetPart[]>;
  result: SheetPart[];
}

interface StyleAttribute {
  element: Element;
  css: string;
}

function isCssType(type: string | null): boolean {
  if (type === null) return true;
  const t = type.trim().toLowerCase();
  return t === '' || t === 'text/css';
}

export interface InlinedStylesheets {
  /**
   * Selectors of the document's rules that make whitespace content (`white-space: pre…`), for the serialiser;
   * null when one such rule could not be read.
   */
  spaceSelectors: string[] | null;
}

/**
 * Inlines every stylesheet: `<link rel=stylesheet>` and `@import` become `<style>` elements in cascade
 * order; unused rules and fonts are dropped; `url()` resources become data URIs (shared through custom
 * properties when used repeatedly); style attributes get the same treatment.
 */
export async function inlineStylesheets(doc: Document, ctx: StylesheetContext): Promise<InlinedStylesheets> {
  const slots: SheetSlot[] = [];
  const styleAttributes: StyleAttribute[] = [];
  const fontAttributes: string[] = [];
  const attributeText: string[] = [];
  const rootTexts: string[] = [];
  for (const root of renderedRoots(doc)) {
    if (root !== doc) rootTexts.push(root.textContent ?? '');
    for (const el of elementsOf(root)) {
      if (el.localName === 'link' || el.localName === 'style') {
        const slot = sheetSlot(el, ctx, root === doc);
        if (slot) slots.push(slot);
      }
      const style = el.getAttribute('style');
      if (style !== null) styleAttributes.push({ element: el, css: stripDangerousDeclarations(style) });
      const face = el.getAttribute(el.localName === 'font' ? 'face' : 'font-family');
      if (face) fontAttributes.push(face);
      for (const name of TEXT_ATTRIBUTES) {
        const value = el.getAttribute(name);
        if (value) attributeText.push(value);
      }
    }
  }
  for (const slot of slots) slot.result = await slot.parts;

  if (ctx.removeUnused) {
    const matcher = createSelectorMatcher(doc);
    for (const slot of slots) {
      if (!slot.prunable) continue;
      slot.result = slot.result.map((part) => {
        const pruned = pruneUnusedRules(part.nodes, matcher);
        ctx.removed.unusedCssRules += pruned.removed;
        return { ...part, nodes: pruned.nodes };
      });
    }
    const cssTexts = [
      ...slots.flatMap((s) => s.result.map((p) => serializeStylesheet(withoutFontFaces(p.nodes)))),
      ...styleAttributes.map((a) => `;${a.css}`),
    ];
    const families = collectFontFamilies(cssTexts);
    for (const face of fontAttributes)
      for (const name of splitTopLevel(face)) families.add(normalizeFamily(name));
    const codePoints = new Set<number>();
    addCodePoints(doc.title, codePoints);
    addCodePoints(doc.body?.textContent ?? doc.documentElement.textContent ?? '', codePoints);
    for (const text of [...rootTexts, ...attributeText]) addCodePoints(text, codePoints);
    collectContentCodePoints(cssTexts, codePoints);
    for (const slot of slots) {
      slot.result = slot.result.map((part) => {
        const filtered = filterFontFaces(part.nodes, families, codePoints);
        ctx.removed.unusedFonts += filtered.removed;
        return { ...part, nodes: filtered.nodes };
      });
    }
  } else {
    for (const slot of slots) {
      slot.result = slot.result.map((part) => ({ ...part, nodes: trimFontSources(part.nodes) }));
    }
  }

  let spaceSelectors: string[] | null = [];
  for (const slot of slots) {
    if (!slot.prunable) continue;
    for (const part of slot.result) {
      const found = spacePreservingSelectors(part.nodes);
      spaceSelectors = found && spaceSelectors ? [...spaceSelectors, ...found] : null;
    }
  }

  // Fetch everything the remaining CSS references, all at once.
  const uses = new Map<string, number>();
  const fetches = new Map<string, Promise<string | null>>();
  const want = (raw: string, base: string, kind: 'image' | 'font'): void => {
    const url = resourceUrl(raw, base);
    if (!url) return;
    const key = `${kind} ${url}`;
    uses.set(key, (uses.get(key) ?? 0) + 1);
    if (!fetches.has(key)) {
      fetches.set(
        key,
        kind === 'font' ? ctx.loader.font(url) : ctx.loader.image(url).then((r) => r?.dataUri ?? null),
      );
    }
  };
  for (const slot of slots) {
    for (const part of slot.result) visitUrls(part.nodes, (raw, kind) => want(raw, part.base, kind));
  }
  for (const attribute of styleAttributes) {
    rewriteCssUrls(attribute.css, (raw) => {
      want(raw, ctx.baseUrl, 'image');
      return null;
    });
  }
  const resolved = new Map<string, string | null>();
  await Promise.all(
    Array.from(fetches, async ([key, pending]) => {
      resolved.set(key, await pending);
    }),
  );

  // Images used more than once are defined once, on :root, and referenced through var().
  const shared = new Map<string, string>();
  const sharedDefinitions: string[] = [];
  for (const [key, count] of uses) {
    const dataUri = resolved.get(key);
    if (count < 2 || !dataUri || !key.startsWith('image ') || dataUri.length < SHARE_THRESHOLD) continue;
    const name = `--cited-r${shared.size + 1}`;
    shared.set(key, `var(${name})`);
    sharedDefinitions.push(`${name}:url(${cssString(dataUri)})`);
  }
  const replacement = (
    raw: string,
    base: string,
    kind: 'image' | 'font',
    context: string,
    allowShared: boolean,
  ) => {
    const url = resourceUrl(raw, base);
    if (!url) return raw.trim().startsWith('#') || isDataUrl(raw) ? null : emptyFor(kind, context);
    const key = `${kind} ${url}`;
    if (allowShared && context === 'url') {
      const variable = shared.get(key);
      if (variable) return variable;
    }
    const dataUri = resolved.get(key);
    if (!dataUri) return emptyFor(kind, context);
    return context === 'url' ? `url(${cssString(dataUri)})` : cssString(dataUri);
  };

  for (const slot of slots) {
    const texts = slot.result.map((part) =>
      serializeStylesheet(
        mapUrls(part.nodes, (raw, kind, context, inStyleRule) =>
          replacement(raw, part.base, kind, context, inStyleRule && slot.prunable),
        ),
      ),
    );
    writeSlot(doc, slot, texts);
  }
  for (const attribute of styleAttributes) {
    const css = compactCss(
      rewriteCssUrls(attribute.css, (raw, context) => replacement(raw, ctx.baseUrl, 'image', context, true)),
    );
    if (css.trim() === '') attribute.element.removeAttribute('style');
    else attribute.element.setAttribute('style', css);
  }
  if (sharedDefinitions.length > 0) {
    const style = doc.createElementNS(HTML_NS, 'style');
    style.setAttribute('data-cited-shared', '');
    style.textContent = escapeForStyleElement(`:root{${sharedDefinitions.join(';')}}`);
    const head = doc.head ?? doc.documentElement;
    head.insertBefore(style, head.firstChild);
  }
  return { spaceSelectors };
}

function sheetSlot(el: Element, ctx: StylesheetContext, prunable: boolean): SheetSlot | null {
  if (el.localName === 'link') {
    if (!linkRels(el).includes('stylesheet')) {
      if (linkRels(el).includes('alternate-stylesheet')) el.remove();
      return null;
    }
    const url = resolveUrl(el.getAttribute('href'), ctx.baseUrl);
    if (!url || !isHttpUrl(url) || el.hasAttribute('disabled') || !isCssType(el.getAttribute('type'))) {
      el.remove();
      return null;
    }
    const parts = ctx.loader
      .stylesheet(url)
      .then((text) => (text === null ? [] : expandImports(text, url, ctx, 0, [url])));
    return { element: el, prunable, media: el.getAttribute('media'), parts, result: [] };
  }
  if (!isCssType(el.getAttribute('type'))) {
    el.remove();
    return null;
  }
  const parts = expandImports(el.textContent ?? '', ctx.baseUrl, ctx, 0, []);
  return { element: el, prunable, media: null, parts, result: [] };
}

/** Parses a sheet and flattens its `@import`s (fetched in parallel) into parts in cascade order. */
async function expandImports(
  text: string,
  base: string,
  ctx: StylesheetContext,
  depth: number,
  chain: string[],
): Promise<SheetPart[]> {
  const nodes = parseStylesheet(compactCss(stripDangerousDeclarations(text)));
  const imports: Array<CssNode & { type: 'at' }> = [];
  let index = 0;
  // @import is only valid before every other rule except @charset and @layer statements.
  for (; index < nodes.length; index++) {
    const node = nodes[index] as CssNode;
    if (node.type === 'at' && node.name === 'import') imports.push(node);
    else if (!(node.type === 'at' && (node.name === 'charset' || (node.name === 'layer' && !node.children))))
      break;
  }
  const own = nodes.filter((n) => !(n.type === 'at' && (n.name === 'charset' || n.name === 'import')));
  const imported = await Promise.all(
    imports.map(async (rule) => {
      const parsed = parseImport(rule.prelude);
      if (!parsed) return [];
      const url = resolveUrl(parsed.url, base);
      if (!url || !isHttpUrl(url) || chain.includes(url) || depth >= MAX_IMPORT_DEPTH) return [];
      const childText = await ctx.loader.stylesheet(url);
      if (childText === null) return [];
      const childParts = await expandImports(childText, url, ctx, depth + 1, [...chain, url]);
      return childParts.map((part) => ({ ...part, nodes: wrapConditions(part.nodes, parsed) }));
    }),
  );
  return [...imported.flat(), { nodes: own, base }];
}

interface ImportRule {
  url: string;
  layer: string | null;
  supports: string | null;
  media: string;
}

/** `@import url(x) layer(name) supports(display: grid) screen and (min-width: 600px)`. */
export function parseImport(prelude: string): ImportRule | null {
  const p = prelude.trim();
  let rest: string;
  let url: string;
  if (p.startsWith('"') || p.startsWith("'")) {
    const end = skipString(p, 0);
    url = stringTokenValue(p.slice(0, end));
    rest = p.slice(end);
  } else if (isUrlFunctionAt(p, 0)) {
    const end = skipUrl(p, 0);
    url = urlTokenValue(p.slice(0, end));
    rest = p.slice(end);
  } else return null;
  rest = rest.trim();
  let layer: string | null = null;
  const layerMatch = /^layer(?:\(\s*([^)]*)\))?(?=\s|$)/i.exec(rest);
  if (layerMatch) {
    layer = (layerMatch[1] ?? '').trim();
    rest = rest.slice(layerMatch[0].length).trim();
  }
  let supports: string | null = null;
  if (/^supports\(/i.test(rest)) {
    let depth = 0;
    let i = 8;
    for (; i < rest.length; i++) {
      if (rest.charAt(i) === '(') depth++;
      else if (rest.charAt(i) === ')') {
        depth--;
        if (depth === 0) break;
      }
    }
    supports = rest.slice(9, i).trim();
    rest = rest.slice(i + 1).trim();
  }
  return { url, layer, supports, media: rest };
}

function wrapConditions(nodes: CssNode[], rule: ImportRule): CssNode[] {
  let out = nodes;
  if (rule.media && rule.media.toLowerCase() !== 'all') {
    out = [{ type: 'at', name: 'media', prelude: rule.media, body: null, children: out }];
  }
  if (rule.supports) {
    const condition = /^[\w-]+\s*:/.test(rule.supports) ? `(${rule.supports})` : rule.supports;
    out = [{ type: 'at', name: 'supports', prelude: condition, body: null, children: out }];
  }
  if (rule.layer !== null)
    out = [{ type: 'at', name: 'layer', prelude: rule.layer, body: null, children: out }];
  return out;
}

function withoutFontFaces(nodes: CssNode[]): CssNode[] {
  return nodes
    .filter((n) => !(n.type === 'at' && n.name === 'font-face'))
    .map((n) => (n.type === 'at' && n.children ? { ...n, children: withoutFontFaces(n.children) } : n));
}

/** Without pruning, @font-face rules still keep only the file a browser would use. */
function trimFontSources(nodes: CssNode[]): CssNode[] {
  return filterFontFaces(nodes, null, null).nodes;
}

function resourceUrl(raw: string, base: string): string | null {
  const trimmed = raw.trim();
  if (trimmed === '' || trimmed.startsWith('#') || isDataUrl(trimmed)) return null;
  const url = resolveUrl(trimmed, base);
  return url && isHttpUrl(url) ? url : null;
}

/** What a reference that could not be inlined becomes: nothing that reaches the network. */
function emptyFor(kind: 'image' | 'font', context: string): string {
  if (context !== 'url') return '"data:,"';
  return kind === 'font' ? 'url("data:,")' : 'none';
}

type UrlVisitor = (
  raw: string,
  kind: 'image' | 'font',
  context: string,
  inStyleRule: boolean,
) => string | null;

/** Rewrites URLs in rule bodies (not in preludes: `@namespace url()` is a name, not a resource). */
function mapUrls(nodes: CssNode[], visit: UrlVisitor): CssNode[] {
  return nodes.map((node) => {
    if (node.type === 'style') {
      const shareable = !/backdrop|::?-webkit-scrollbar|::?selection/i.test(node.prelude);
      return {
        ...node,
        body: rewriteCssUrls(node.body, (raw, context) => visit(raw, 'image', context, shareable)),
      };
    }
    if (node.children) return { ...node, children: mapUrls(node.children, visit) };
    if (node.body !== null) {
      const kind = node.name === 'font-face' ? 'font' : 'image';
      return { ...node, body: rewriteCssUrls(node.body, (raw, context) => visit(raw, kind, context, false)) };
    }
    return node;
  });
}

function visitUrls(nodes: CssNode[], visit: (raw: string, kind: 'image' | 'font') => void): void {
  mapUrls(nodes, (raw, kind) => {
    visit(raw, kind);
    return null;
  });
}

function writeSlot(doc: Document, slot: SheetSlot, texts: string[]): void {
  const el = slot.element;
  const namespace = el.localName === 'style' ? (el.namespaceURI ?? HTML_NS) : HTML_NS;
  const replacements: Element[] = [];
  for (const text of texts) {
    if (text.trim() === '') continue;
    const style = doc.createElementNS(namespace, 'style');
    const media = slot.media ?? (el.localName === 'style' ? el.getAttribute('media') : null);
    if (media) style.setAttribute('media', media);
    for (const name of ['title', 'id', 'class']) {
      const value = el.getAttribute(name);
      if (value !== null && (name !== 'id' || replacements.length === 0)) style.setAttribute(name, value);
    }
    style.textContent = escapeForStyleElement(text);
    replacements.push(style);
  }
  el.replaceWith(...replacements);
}
