import { type CssNode, isUrlFunctionAt, skipString, skipUrl, stringTokenValue, unescapeCss } from './parse';

/**
 * Web fonts are often the heaviest part of a page. A snapshot keeps a `@font-face` only when a kept rule
 * (or a style attribute) names its family and, when it declares a `unicode-range`, the page has a
 * character in that range; and of its `src` list only the one file a current browser would take (WOFF2
 * first), plus any `local()` entries.
 */

export function normalizeFamily(name: string): string {
  let n = name.trim();
  const q = n.charAt(0);
  if ((q === '"' || q === "'") && n.length > 1) n = stringTokenValue(n);
  else n = unescapeCss(n);
  return n.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Splits at top-level commas. */
export function splitTopLevel(value: string, separator = ','): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  let i = 0;
  while (i < value.length) {
    const c = value.charAt(i);
    if (c === '"' || c === "'") {
      i = skipString(value, i);
      continue;
    }
    if (c === '\\') {
      i += 2;
      continue;
    }
    if ((c === 'u' || c === 'U') && isUrlFunctionAt(value, i)) {
      i = skipUrl(value, i);
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth = Math.max(0, depth - 1);
    else if (c === separator && depth === 0) {
      out.push(value.slice(start, i));
      start = i + 1;
    }
    i++;
  }
  out.push(value.slice(start));
  return out;
}

const FONT_DECLARATION = /(?:^|[;{\s])(font-family|font|--[\w-]+)\s*:\s*([^;{}]+)/gi;

/**
 * Every family name that CSS text could make an element use. Conservative on purpose: `font` shorthands
 * contribute every word suffix of their first item (one of them is the family), custom properties
 * contribute their values (a family may come through `var()`).
 */
export function collectFontFamilies(cssTexts: Iterable<string>, into = new Set<string>()): Set<string> {
  for (const text of cssTexts) {
    for (const m of text.matchAll(FONT_DECLARATION)) {
      const property = (m[1] ?? '').toLowerCase();
      const value = (m[2] ?? '').replace(/!\s*important\s*$/i, '');
      const items = splitTopLevel(value);
      items.forEach((item, index) => {
        const family = normalizeFamily(item);
        if (!family) return;
        if (property === 'font-family') {
          into.add(family);
          return;
        }
        into.add(family);
        if (index === 0) {
          // "italic bold 12px/1.5 Open Sans": the family is one of the suffixes.
          const words = family.split(' ');
          for (let k = 1; k < words.length; k++) into.add(normalizeFamily(words.slice(k).join(' ')));
        }
      });
    }
  }
  return into;
}

/** Code points in generated content (`content: "\f101"` icon fonts) of CSS text. */
export function collectContentCodePoints(cssTexts: Iterable<string>, into: Set<number>): void {
  for (const text of cssTexts) {
    for (const m of text.matchAll(/content\s*:\s*([^;{}]+)/gi)) {
      const value = m[1] ?? '';
      for (const s of value.matchAll(/"(?:[^"\\\n]|\\[\s\S])*"|'(?:[^'\\\n]|\\[\s\S])*'/g)) {
        for (const ch of stringTokenValue(s[0])) into.add(ch.codePointAt(0) ?? 0);
      }
    }
  }
}

/** Adds the code points of a text to a set. */
export function addCodePoints(text: string, into: Set<number>): void {
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i) ?? 0;
    into.add(code);
    if (code > 0xffff) i++;
  }
}

export function parseUnicodeRange(value: string): Array<[number, number]> | null {
  const ranges: Array<[number, number]> = [];
  for (const part of value.split(',')) {
    const p = part.trim();
    const m = /^u\+([0-9a-f?]{1,6})(?:-([0-9a-f]{1,6}))?$/i.exec(p);
    if (!m) return null;
    const start = m[1] ?? '';
    if (start.includes('?')) {
      ranges.push([
        Number.parseInt(start.replace(/\?/g, '0'), 16),
        Number.parseInt(start.replace(/\?/g, 'f'), 16),
      ]);
    } else {
      const lo = Number.parseInt(start, 16);
      ranges.push([lo, m[2] ? Number.parseInt(m[2], 16) : lo]);
    }
  }
  return ranges;
}

function rangesHit(ranges: Array<[number, number]>, codePoints: Set<number>): boolean {
  for (const cp of codePoints) {
    for (const [lo, hi] of ranges) if (cp >= lo && cp <= hi) return true;
  }
  return false;
}

interface Declaration {
  property: string;
  value: string;
}

export function parseDeclarations(body: string): Declaration[] {
  const out: Declaration[] = [];
  for (const segment of splitTopLevel(body, ';')) {
    const colon = segment.indexOf(':');
    if (colon < 0) continue;
    out.push({
      property: segment.slice(0, colon).trim().toLowerCase(),
      value: segment.slice(colon + 1).trim(),
    });
  }
  return out;
}

const FORMAT_RANK: Record<string, number> = {
  woff2: 5,
  'woff2-variations': 5,
  woff: 4,
  'woff-variations': 4,
  opentype: 3,
  'opentype-variations': 3,
  truetype: 3,
  'truetype-variations': 3,
  collection: 2,
  'embedded-opentype': 0,
  svg: 0,
};

/** Keeps `local()` entries and the single best `url()` entry of a `src` descriptor. */
export function chooseFontSource(src: string): string {
  const entries = splitTopLevel(src)
    .map((e) => e.trim())
    .filter(Boolean);
  let best: { entry: string; rank: number } | null = null;
  const locals: string[] = [];
  for (const entry of entries) {
    if (/^local\(/i.test(entry)) {
      locals.push(entry);
      continue;
    }
    if (!/^url\(/i.test(entry)) continue;
    const format = /format\(\s*(?:"([^"]*)"|'([^']*)'|([\w-]+))\s*\)/i.exec(entry);
    const formatName = (format?.[1] ?? format?.[2] ?? format?.[3] ?? '').toLowerCase();
    let rank: number;
    if (formatName) rank = FORMAT_RANK[formatName] ?? 1;
    else if (/\.eot(?:[?#)"']|$)/i.test(entry)) rank = 0;
    else if (/\.svg(?:[?#)"']|$)/i.test(entry)) rank = 0;
    else if (/\.woff2(?:[?#)"']|$)/i.test(entry)) rank = 5;
    else if (/\.woff(?:[?#)"']|$)/i.test(entry)) rank = 4;
    else rank = 2;
    if (!best || rank > best.rank) best = { entry, rank };
  }
  return [...locals, ...(best ? [best.entry] : [])].join(',');
}

export interface FontFilterResult {
  nodes: CssNode[];
  removed: number;
}

/**
 * Drops unused `@font-face` rules and trims the kept ones to one file, everywhere in the tree (faces
 * inside `@media` or `@supports` too).
 */
export function filterFontFaces(
  nodes: CssNode[],
  usedFamilies: Set<string> | null,
  codePoints: Set<number> | null,
): FontFilterResult {
  let removed = 0;
  const walk = (list: CssNode[]): CssNode[] => {
    const out: CssNode[] = [];
    for (const node of list) {
      if (node.type === 'at' && node.children) {
        out.push({ ...node, children: walk(node.children) });
        continue;
      }
      if (node.type !== 'at' || node.name !== 'font-face' || node.body === null) {
        out.push(node);
        continue;
      }
      const declarations = parseDeclarations(node.body);
      const family = declarations.find((d) => d.property === 'font-family');
      if (usedFamilies && (!family || !usedFamilies.has(normalizeFamily(family.value)))) {
        removed++;
        continue;
      }
      const range = declarations.find((d) => d.property === 'unicode-range');
      const ranges = range ? parseUnicodeRange(range.value) : null;
      if (ranges && codePoints && !rangesHit(ranges, codePoints)) {
        removed++;
        continue;
      }
      // The last `src` wins in the cascade; older IE hacks put a lone .eot first.
      const srcIndex = declarations.map((d) => d.property).lastIndexOf('src');
      const body = declarations
        .filter((d, i) => d.property !== 'src' || i === srcIndex)
        .map((d) => `${d.property}:${d.property === 'src' ? chooseFontSource(d.value) : d.value}`)
        .join(';');
      out.push({ ...node, body });
    }
    return out;
  };
  const result = walk(nodes);
  return { nodes: result, removed };
}
