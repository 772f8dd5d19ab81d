import { elementsOf } from '../dom';
import { findTopLevel, skipString, stepOver, unescapeCss } from './parse';

/**
 * Does a selector list match anything in the snapshot? Used to drop CSS rules that cannot apply.
 *
 * A snapshot never changes (no script runs), so a rule whose selector matches no element, in any
 * interaction state, can never apply. Interaction states (`:hover`, `:focus` ...) and pseudo-elements are
 * stripped before matching: `a:hover::after` is kept when there is an `a`. Whenever in doubt (a selector
 * the engine cannot parse, shadow-DOM selectors, namespaces) the rule is kept.
 *
 * Fast path: every class, id, tag and attribute name a selector requires outside parentheses must occur
 * in the document, which rules out most unused rules without running `querySelector`.
 */
export interface SelectorMatcher {
  matches(selectorList: string): boolean;
}

/** Pseudo-classes whose result depends only on the (static) document: kept when matching. */
const STATIC_PSEUDO_CLASSES = new Set([
  'not',
  'is',
  'where',
  'has',
  'matches',
  '-webkit-any',
  '-moz-any',
  'nth-child',
  'nth-last-child',
  'nth-of-type',
  'nth-last-of-type',
  'first-child',
  'last-child',
  'only-child',
  'first-of-type',
  'last-of-type',
  'only-of-type',
  'empty',
  'root',
  'lang',
  'dir',
  'checked',
  'disabled',
  'enabled',
  'required',
  'optional',
  'read-only',
  'read-write',
  'link',
  'any-link',
  'default',
  'indeterminate',
  'placeholder-shown',
  'in-range',
  'out-of-range',
  'valid',
  'invalid',
]);

/** Selectors that reach into shadow trees or parts: cannot be judged from the light DOM. */
const KEEP_RULE_PSEUDOS = new Set(['host', 'host-context', 'part', 'slotted', 'state', 'scope', 'deep']);

const LEGACY_PSEUDO_ELEMENTS = new Set(['before', 'after', 'first-line', 'first-letter']);

interface DocumentIndex {
  ids: Set<string>;
  classes: Set<string>;
  tags: Set<string>;
  attributes: Set<string>;
  caseInsensitive: boolean;
}

function indexDocument(doc: Document): DocumentIndex {
  const caseInsensitive = doc.compatMode === 'BackCompat';
  const norm = (v: string) => (caseInsensitive ? v.toLowerCase() : v);
  const index: DocumentIndex = {
    ids: new Set(),
    classes: new Set(),
    tags: new Set(),
    attributes: new Set(),
    caseInsensitive,
  };
  for (const el of elementsOf(doc)) {
    index.tags.add(el.localName.toLowerCase());
    for (const attrName of el.getAttributeNames()) {
      const name = attrName.slice(attrName.indexOf(':') + 1).toLowerCase();
      index.attributes.add(name);
      if (name === 'id') {
        const id = el.getAttribute(attrName);
        if (id) index.ids.add(norm(id));
      } else if (name === 'class') {
        for (const cls of (el.getAttribute(attrName) ?? '').split(/[\t\n\f\r ]+/))
          if (cls) index.classes.add(norm(cls));
      }
    }
  }
  return index;
}

export function createSelectorMatcher(doc: Document): SelectorMatcher {
  const index = indexDocument(doc);
  const cache = new Map<string, boolean>();
  const matchesComplex = (selector: string): boolean => {
    const cached = cache.get(selector);
    if (cached !== undefined) return cached;
    const result = evaluate(doc, index, selector);
    cache.set(selector, result);
    return result;
  };
  return {
    matches(selectorList: string): boolean {
      for (const selector of splitSelectorList(selectorList)) {
        if (matchesComplex(selector)) return true;
      }
      return false;
    },
  };
}

function evaluate(doc: Document, index: DocumentIndex, selector: string): boolean {
  const simplified = simplifySelector(selector);
  if (simplified === null) return true;
  if (!requirementsPresent(index, simplified)) return false;
  // One class, id or tag (atomic CSS is mostly this): present in the document means matched.
  if (SINGLE_SIMPLE_SELECTOR.test(simplified)) return true;
  try {
    return doc.querySelector(simplified) !== null;
  } catch {
    // Unknown to this engine (a newer pseudo-class, a vendor hack): keep the rule.
    return true;
  }
}

/** Splits at top-level commas (not inside parentheses, brackets or strings). */
export function splitSelectorList(list: string): string[] {
  const out: string[] = [];
  let start = 0;
  while (start <= list.length) {
    // Selectors have no url() tokens: "url(" there is plain text.
    const comma = findTopLevel(list, start, list.length, ',', false);
    const part = list.slice(start, comma).trim();
    if (part) out.push(part);
    start = comma + 1;
  }
  return out;
}

/**
 * Removes pseudo-elements and interaction-state pseudo-classes at the top level. Returns null when the
 * rule must be kept without matching (shadow-DOM selectors, namespaces, a state pseudo inside `:not()`).
 */
export function simplifySelector(selector: string): string | null {
  let out = '';
  let i = 0;
  const s = selector;
  while (i < s.length) {
    const c = s.charAt(i);
    if (c === '"' || c === "'") {
      const end = skipString(s, i);
      out += s.slice(i, end);
      i = end;
      continue;
    }
    if (c === '\\') {
      out += s.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (c === '[') {
      const end = findClose(s, i, '[', ']');
      const inner = s.slice(i, end);
      if (/^\[\s*[\w*-]*\|/.test(inner) && !/^\[\s*[\w-]+\s*\|=/.test(inner)) return null;
      out += inner;
      i = end;
      continue;
    }
    if (c === '|') return null;
    if (c === ':') {
      const isElement = s.charAt(i + 1) === ':';
      let j = i + (isElement ? 2 : 1);
      const nameStart = j;
      while (j < s.length && /[\w-]/.test(s.charAt(j))) j++;
      const name = s.slice(nameStart, j).toLowerCase();
      let end = j;
      if (s.charAt(j) === '(') end = findClose(s, j, '(', ')');
      if (KEEP_RULE_PSEUDOS.has(name)) return null;
      if (isElement || LEGACY_PSEUDO_ELEMENTS.has(name)) {
        out += universalIfEmptied(out, s, end);
        i = end;
        continue;
      }
      if (STATIC_PSEUDO_CLASSES.has(name)) {
        const args = s.slice(j, end);
        // A state pseudo nested in :not()/:is() cannot simply be dropped; let the engine decide or keep.
        if (/::?(?:hover|focus|active|visited|target|focus-within|focus-visible)\b/i.test(args)) return null;
        out += s.slice(i, end);
        i = end;
        continue;
      }
      // Interaction or UA state: any element could enter it, so match as if it had.
      out += universalIfEmptied(out, s, end);
      i = end;
      continue;
    }
    out += c;
    i++;
  }
  const trimmed = out.trim();
  return trimmed === '' ? '*' : trimmed;
}

/** A compound emptied by stripping (":hover > a", "a > :focus") becomes the universal selector. */
function universalIfEmptied(out: string, s: string, next: number): string {
  const compoundEmpty = out.trim() === '' || /[\s>+~]$/.test(out);
  const atBoundary = next >= s.length || /[\s>+~]/.test(s.charAt(next));
  return compoundEmpty && atBoundary ? '*' : '';
}

function findClose(s: string, open: number, openChar: string, closeChar: string): number {
  let depth = 0;
  let i = open;
  while (i < s.length) {
    const c = s.charAt(i);
    if (c === openChar) depth++;
    else if (c === closeChar) {
      depth--;
      if (depth === 0) return i + 1;
    }
    i = stepOver(s, i, c, false);
  }
  return s.length;
}

const IDENT = String.raw`(?:[\w\u0080-\uffff-]|\\[0-9a-fA-F]{1,6}[ \t\n\r\f]?|\\[^\n0-9a-fA-F])+`;
const SINGLE_SIMPLE_SELECTOR = new RegExp(String.raw`^(?:[#.]?${IDENT}|\*)$`);
const REQUIREMENT = new RegExp(String.raw`([#.])(${IDENT})|(?:^|[\s>+~])(${IDENT})`, 'g');

/** Checks the ids, classes and tags required outside parentheses/brackets exist in the document. */
function requirementsPresent(index: DocumentIndex, selector: string): boolean {
  const topLevel = stripNested(selector);
  for (const attr of selector.matchAll(/\[\s*([\w-]+)/g)) {
    if (!bracketAtTopLevel(selector, attr.index ?? 0)) continue;
    if (!index.attributes.has((attr[1] ?? '').toLowerCase())) return false;
  }
  const norm = (v: string) => (index.caseInsensitive ? v.toLowerCase() : v);
  for (const m of topLevel.matchAll(REQUIREMENT)) {
    if (m[1] === '#') {
      if (!index.ids.has(norm(unescapeCss(m[2] ?? '')))) return false;
    } else if (m[1] === '.') {
      if (!index.classes.has(norm(unescapeCss(m[2] ?? '')))) return false;
    } else if (m[3] !== undefined) {
      const tag = unescapeCss(m[3]).toLowerCase();
      if (/^-?\d/.test(tag)) continue;
      if (!index.tags.has(tag)) return false;
    }
  }
  return true;
}

/** The selector with parenthesised arguments, attribute selectors and strings blanked out. */
function stripNested(selector: string): string {
  let out = '';
  let i = 0;
  while (i < selector.length) {
    const c = selector.charAt(i);
    if (c === '"' || c === "'") {
      i = skipString(selector, i);
      out += ' ';
      continue;
    }
    if (c === '\\') {
      out += selector.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (c === '(') {
      i = findClose(selector, i, '(', ')');
      out += ' ';
      continue;
    }
    if (c === '[') {
      i = findClose(selector, i, '[', ']');
      // Keeps "a[x].b" from reading as "a .b": an attribute selector is part of its compound.
      out += '\u0000';
      continue;
    }
    if (c === ':') {
      // Pseudo-class names are not tags.
      let j = i + 1;
      while (j < selector.length && /[\w:-]/.test(selector.charAt(j))) j++;
      out += '\u0000';
      i = j;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

function bracketAtTopLevel(selector: string, at: number): boolean {
  let depth = 0;
  for (let i = 0; i < at; i++) {
    const c = selector.charAt(i);
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
  }
  return depth === 0;
}
