/**
 * Just enough of CSS Syntax Level 3 for snapshots: rule blocks (to drop unused rules and fonts), `url()`
 * tokens and `image-set()` strings (to inline resources), strings, escapes and comments. Rule bodies stay
 * as written (minus comments and redundant whitespace), so whatever the browser knows (nesting, new
 * properties, vendor hacks) survives untouched. A full CSS object model would be slower and would rewrite
 * what it does not understand.
 */

export type CssNode = CssStyleRule | CssAtRule;

export interface CssStyleRule {
  type: 'style';
  /** The selector list as written. */
  prelude: string;
  /** Declarations (and any nested rules) as written. */
  body: string;
}

export interface CssAtRule {
  type: 'at';
  /** Lower-case, without the `@`. */
  name: string;
  prelude: string;
  /** Raw block for non-grouping rules with a block (`@font-face`, `@keyframes` ...). */
  body: string | null;
  /** Parsed rules for grouping rules (`@media`, `@supports`, `@layer {}`, `@container` ...). */
  children: CssNode[] | null;
}

const GROUPING_AT_RULES = new Set([
  'media',
  'supports',
  'layer',
  'container',
  'document',
  '-moz-document',
  'starting-style',
]);

function isWhitespace(c: string): boolean {
  return c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\f';
}

function isIdentChar(c: string): boolean {
  return /[A-Za-z0-9_\-\u0080-\uffff]/.test(c);
}

/** Index after the string that opens at `i` (a bad string ends at a newline, as in CSS). */
export function skipString(s: string, i: number): number {
  const quote = s.charAt(i);
  let j = i + 1;
  while (j < s.length) {
    const c = s.charAt(j);
    if (c === '\\') {
      j += 2;
      continue;
    }
    if (c === quote) return j + 1;
    if (c === '\n') return j;
    j++;
  }
  return s.length;
}

/** Index after the comment that opens at `i`. */
function skipComment(s: string, i: number): number {
  const end = s.indexOf('*/', i + 2);
  return end < 0 ? s.length : end + 2;
}

/** True when `url(` starts at `i` as a function name, not as the tail of a longer identifier. */
export function isUrlFunctionAt(s: string, i: number): boolean {
  if (s.charCodeAt(i) !== 0x75 && s.charCodeAt(i) !== 0x55) return false;
  if (s.substr(i, 4).toLowerCase() !== 'url(') return false;
  return i === 0 || (!isIdentChar(s.charAt(i - 1)) && s.charAt(i - 1) !== '\\');
}

/** Index after the `url(...)` token starting at `i`. */
export function skipUrl(s: string, i: number): number {
  let j = i + 4;
  while (j < s.length && isWhitespace(s.charAt(j))) j++;
  const c = s.charAt(j);
  if (c === '"' || c === "'") {
    j = skipString(s, j);
    const close = s.indexOf(')', j);
    return close < 0 ? s.length : close + 1;
  }
  while (j < s.length) {
    const d = s.charAt(j);
    if (d === '\\') {
      j += 2;
      continue;
    }
    if (d === ')') return j + 1;
    j++;
  }
  return s.length;
}

/**
 * Index after what starts at `i`: a whole string, backslash escape or (with `skipUrls`) `url(...)` token,
 * else the one character. Scanners step with it so that brackets and punctuation inside those never count.
 */
export function stepOver(s: string, i: number, c: string, skipUrls: boolean): number {
  if (c === '"' || c === "'") return skipString(s, i);
  if (c === '\\') return i + 2;
  if (skipUrls && (c === 'u' || c === 'U') && isUrlFunctionAt(s, i)) return skipUrl(s, i);
  return i + 1;
}

/**
 * Index of the first character of `stops` at or after `from` that stands outside parentheses and brackets
 * (and outside what `stepOver` steps over), or `end` when there is none before it.
 */
export function findTopLevel(s: string, from: number, end: number, stops: string, skipUrls: boolean): number {
  let depth = 0;
  let i = from;
  while (i < end) {
    const c = s.charAt(i);
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth = Math.max(0, depth - 1);
    else if (depth === 0 && stops.includes(c)) return i;
    i = stepOver(s, i, c, skipUrls);
  }
  return end;
}

/** Resolves CSS escapes (`\41 `, `\"`, escaped newlines) in an identifier, string or unquoted URL. */
export function unescapeCss(text: string): string {
  if (!text.includes('\\')) return text;
  return text.replace(/\\(?:([0-9a-fA-F]{1,6})[ \t\n\r\f]?|\r\n|([\s\S]))/g, (match, hex, other) => {
    if (hex) {
      const cp = Number.parseInt(hex, 16);
      return cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)
        ? '\ufffd'
        : String.fromCodePoint(cp);
    }
    if (other === undefined || other === '\n' || other === '\r' || other === '\f' || match === '\\\r\n')
      return '';
    return other;
  });
}

/** The URL inside a `url(...)` token (quotes and escapes removed). */
export function urlTokenValue(token: string): string {
  const inner = token.slice(4, token.endsWith(')') ? -1 : undefined).trim();
  const q = inner.charAt(0);
  if (q === '"' || q === "'") {
    const end = skipString(inner, 0);
    return unescapeCss(inner.slice(1, inner.charAt(end - 1) === q ? end - 1 : end));
  }
  return unescapeCss(inner);
}

/** The value of a CSS string token starting with its quote. */
export function stringTokenValue(token: string): string {
  const q = token.charAt(0);
  return unescapeCss(token.slice(1, token.endsWith(q) && token.length > 1 ? -1 : undefined));
}

/** A CSS string literal for any text. */
export function cssString(value: string): string {
  return `"${value.replace(/[\\"]/g, '\\$&').replace(/\n/g, '\\a ').replace(/\r/g, '\\d ')}"`;
}

/**
 * Drops comments and collapses whitespace outside strings and URLs. Keeps one space wherever whitespace
 * can matter (descendant combinators, value lists, the empty value of a custom property); drops it around
 * braces, semicolons and commas, after a declaration's colon, and the semicolon before a closing brace.
 */
export function compactCss(s: string): string {
  const out: string[] = [];
  let i = 0;
  let runStart = 0;
  let pendingSpace = false;
  let last = '';
  const flushRun = (to: number) => {
    if (to <= runStart) return;
    const chunk = s.slice(runStart, to);
    if (pendingSpace) {
      const first = chunk.charAt(0);
      let keep: boolean;
      if (last === '' || '{};,'.includes(last)) keep = false;
      else if (last === ':') keep = first === ';' || first === '}';
      else keep = !'{};,'.includes(first);
      if (keep) out.push(' ');
      pendingSpace = false;
    }
    out.push(chunk);
    last = chunk.charAt(chunk.length - 1);
    runStart = to;
  };
  while (i < s.length) {
    const c = s.charAt(i);
    if (c === '/' && s.charAt(i + 1) === '*') {
      flushRun(i);
      const end = skipComment(s, i);
      // A comment between two identifier characters separates tokens; keep an empty one there.
      if (isIdentChar(last) && end < s.length && isIdentChar(s.charAt(end)) && !pendingSpace) {
        out.push('/**/');
        last = '/';
      }
      i = end;
      runStart = i;
      continue;
    }
    if (isWhitespace(c)) {
      flushRun(i);
      while (i < s.length && isWhitespace(s.charAt(i))) i++;
      pendingSpace = true;
      runStart = i;
      continue;
    }
    if (c === ';') {
      let j = i + 1;
      while (j < s.length) {
        if (isWhitespace(s.charAt(j))) j++;
        else if (s.startsWith('/*', j)) j = skipComment(s, j);
        else break;
      }
      if (s.charAt(j) === '}') {
        flushRun(i);
        if (last !== ':') {
          // "a:b;}" → "a:b}" (but "--x: ;}" keeps its empty value intact).
          i++;
          runStart = i;
          continue;
        }
      }
    }
    i = stepOver(s, i, c, true);
  }
  flushRun(s.length);
  return out.join('');
}

/** Index of the `}` matching the `{` at `open`, or `end` when the block is never closed. */
function findBlockEnd(s: string, open: number, end: number): number {
  let depth = 1;
  let j = open + 1;
  while (j < end) {
    const c = s.charAt(j);
    if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth === 0) return j;
    }
    j = stepOver(s, j, c, true);
  }
  return end;
}

/** Parses a stylesheet (comments already removed by `compactCss`, or not: they are handled too). */
export function parseStylesheet(css: string): CssNode[] {
  const text = css.includes('/*') ? compactCss(css) : css;
  return parseRules(text, 0, text.length);
}

function parseRules(s: string, start: number, end: number): CssNode[] {
  const nodes: CssNode[] = [];
  let i = start;
  while (i < end) {
    const c = s.charAt(i);
    if (isWhitespace(c) || c === ';' || c === '}') {
      i++;
      continue;
    }
    if (s.startsWith('<!--', i)) {
      i += 4;
      continue;
    }
    if (s.startsWith('-->', i)) {
      i += 3;
      continue;
    }
    if (c === '@') {
      let nameEnd = i + 1;
      while (nameEnd < end && isIdentChar(s.charAt(nameEnd))) nameEnd++;
      const name = s.slice(i + 1, nameEnd).toLowerCase();
      const stop = findTopLevel(s, nameEnd, end, '{;', true);
      const prelude = s.slice(nameEnd, stop).trim();
      if (stop >= end || s.charAt(stop) === ';') {
        nodes.push({ type: 'at', name, prelude, body: null, children: null });
        i = stop + 1;
        continue;
      }
      const close = findBlockEnd(s, stop, end);
      if (GROUPING_AT_RULES.has(name)) {
        nodes.push({ type: 'at', name, prelude, body: null, children: parseRules(s, stop + 1, close) });
      } else {
        nodes.push({ type: 'at', name, prelude, body: s.slice(stop + 1, close), children: null });
      }
      i = close + 1;
      continue;
    }
    const open = findTopLevel(s, i, end, '{', true);
    if (open >= end) break;
    const close = findBlockEnd(s, open, end);
    nodes.push({ type: 'style', prelude: s.slice(i, open).trim(), body: s.slice(open + 1, close) });
    i = close + 1;
  }
  return nodes;
}

export function serializeStylesheet(nodes: readonly CssNode[]): string {
  const out: string[] = [];
  for (const node of nodes) {
    if (node.type === 'style') {
      out.push(`${node.prelude}{${node.body}}`);
      continue;
    }
    const head = `@${node.name}${node.prelude ? ` ${node.prelude}` : ''}`;
    if (node.children) out.push(`${head}{${serializeStylesheet(node.children)}}`);
    else if (node.body !== null) out.push(`${head}{${node.body}}`);
    else out.push(`${head};`);
  }
  return out.join('');
}

export type UrlContext = 'url' | 'image-set-string';

/**
 * Replaces resource references: every `url()` token, and the strings inside `image-set()` (which are URLs
 * there). `replace` gets the unescaped URL and returns the new token text, or null to keep the original.
 */
export function rewriteCssUrls(
  css: string,
  replace: (url: string, context: UrlContext) => string | null,
): string {
  const out: string[] = [];
  let last = 0;
  let i = 0;
  let depth = 0;
  const imageSetDepths: number[] = [];
  while (i < css.length) {
    const c = css.charAt(i);
    if (c === '"' || c === "'") {
      const end = skipString(css, i);
      if (imageSetDepths.length > 0 && imageSetDepths[imageSetDepths.length - 1] === depth) {
        const replacement = replace(stringTokenValue(css.slice(i, end)), 'image-set-string');
        if (replacement !== null) {
          out.push(css.slice(last, i), replacement);
          last = end;
        }
      }
      i = end;
      continue;
    }
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === '/' && css.charAt(i + 1) === '*') {
      i = skipComment(css, i);
      continue;
    }
    if ((c === 'u' || c === 'U') && isUrlFunctionAt(css, i)) {
      const end = skipUrl(css, i);
      const replacement = replace(urlTokenValue(css.slice(i, end)), 'url');
      if (replacement !== null) {
        out.push(css.slice(last, i), replacement);
        last = end;
      }
      i = end;
      continue;
    }
    if (c === '(') {
      depth++;
      const before = css.slice(Math.max(0, i - 18), i).toLowerCase();
      if (/(?:^|[^\w-])(?:-webkit-)?image-set$/.test(before)) imageSetDepths.push(depth);
    } else if (c === ')') {
      if (imageSetDepths[imageSetDepths.length - 1] === depth) imageSetDepths.pop();
      depth = Math.max(0, depth - 1);
    }
    i++;
  }
  if (last === 0) return css;
  out.push(css.slice(last));
  return out.join('');
}

/** Every URL a piece of CSS references (same rules as `rewriteCssUrls`). */
export function collectCssUrls(css: string): Array<{ url: string; context: UrlContext }> {
  const found: Array<{ url: string; context: UrlContext }> = [];
  rewriteCssUrls(css, (url, context) => {
    found.push({ url, context });
    return null;
  });
  return found;
}

/**
 * Removes declarations that only ever served to run code or bind behaviour (IE `expression()`,
 * `behavior:`, Firefox's old `-moz-binding`) and any value carrying a script URL. Current browsers ignore
 * them, but a snapshot must not carry them to a browser that might not.
 */
export function stripDangerousDeclarations(css: string): string {
  const out: string[] = [];
  let last = 0;
  let segStart = 0;
  let i = findTopLevel(css, 0, css.length, '{;}', true);
  while (i < css.length) {
    const c = css.charAt(i);
    if (c !== '{' && isDangerousDeclaration(css.slice(segStart, i))) {
      out.push(css.slice(last, segStart));
      last = c === ';' ? i + 1 : i;
    }
    segStart = i + 1;
    i = findTopLevel(css, segStart, css.length, '{;}', true);
  }
  if (isDangerousDeclaration(css.slice(segStart))) {
    out.push(css.slice(last, segStart));
    last = css.length;
  }
  if (last === 0) return css;
  out.push(css.slice(last));
  return out.join('');
}

function isDangerousDeclaration(segment: string): boolean {
  if (segment.length < 7) return false;
  const normalized = unescapeCss(segment)
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/[\s\\]+/g, '')
    .toLowerCase();
  return (
    /^(?:-moz-binding|behavior):/.test(normalized) ||
    normalized.includes('expression(') ||
    /(?:java|vb)script:/.test(normalized)
  );
}

/** Escapes the only sequence that could end a `<style>` element early when the document is serialised. */
export function escapeForStyleElement(css: string): string {
  return css.replace(/<\/(style)/gi, '<\\/$1');
}
