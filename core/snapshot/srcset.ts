/**
 * Which image a browser shows for `srcset` / `sizes` / `<picture>`, when the page itself cannot tell us
 * (Node, or an image the content script could not read `currentSrc` from).
 *
 * The rule, for a default desktop viewport (width 1280 CSS px, height 800, device pixel ratio 1):
 * - `<picture>`: the first `<source>` whose `media` matches and whose `type` is an image type browsers
 *   decode; else the `<img>` itself.
 * - `w` descriptors: the slot width comes from `sizes` (first entry whose media condition matches; `100vw`
 *   when absent); each candidate's density is `w / slot`. `x` descriptors give the density directly, and
 *   `src` counts as `1x` when the set has neither a `1x` nor a `w` candidate (HTML's source-set rule).
 * - Pick the smallest density at least the device pixel ratio; if none reaches it, the densest.
 */

export interface Viewport {
  width: number;
  height: number;
  dpr: number;
}

export const DEFAULT_VIEWPORT: Viewport = { width: 1280, height: 800, dpr: 1 };

export interface SrcsetCandidate {
  url: string;
  /** The descriptor as written (`320w`, `2x`), or '' when there was none. */
  descriptor: string;
  width?: number;
  density?: number;
}

const ASCII_WS = /[\t\n\f\r ]/;

/** HTML's "parse a srcset attribute" algorithm: URLs may contain commas (image CDNs use them). */
export function parseSrcset(value: string): SrcsetCandidate[] {
  const out: SrcsetCandidate[] = [];
  let pos = 0;
  const len = value.length;
  while (pos < len) {
    while (pos < len && (ASCII_WS.test(value.charAt(pos)) || value.charAt(pos) === ',')) pos++;
    if (pos >= len) break;
    const urlStart = pos;
    while (pos < len && !ASCII_WS.test(value.charAt(pos))) pos++;
    let url = value.slice(urlStart, pos);
    const descriptors: string[] = [];
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      let current = '';
      let inParens = false;
      while (pos < len) {
        const c = value.charAt(pos);
        if (inParens) {
          current += c;
          if (c === ')') inParens = false;
        } else if (ASCII_WS.test(c)) {
          if (current) descriptors.push(current);
          current = '';
        } else if (c === ',') {
          pos++;
          break;
        } else {
          if (c === '(') inParens = true;
          current += c;
        }
        pos++;
      }
      if (current) descriptors.push(current);
    }
    if (!url) continue;
    const candidate: SrcsetCandidate = { url, descriptor: '' };
    let valid = true;
    for (const d of descriptors) {
      const m = /^(\d*\.?\d+(?:e[+-]?\d+)?)([wxh])$/i.exec(d);
      if (!m) {
        valid = false;
        break;
      }
      const n = Number(m[1]);
      const unit = (m[2] ?? '').toLowerCase();
      if (unit === 'w') {
        candidate.width = n;
        candidate.descriptor = `${n}w`;
      } else if (unit === 'x') {
        candidate.density = n;
        candidate.descriptor = `${n}x`;
      }
    }
    if (valid && !(candidate.width !== undefined && candidate.density !== undefined)) out.push(candidate);
  }
  return out;
}

/** Serialises one candidate back (URL first, descriptor after a space). */
export function formatSrcsetCandidate(url: string, descriptor: string): string {
  return descriptor ? `${url} ${descriptor}` : url;
}

function lengthToPx(value: string, viewport: Viewport): number | null {
  const v = value.trim().toLowerCase();
  if (v === '0') return 0;
  const m = /^(-?\d*\.?\d+)(px|em|rem|vw|vh|vmin|vmax|ch|ex|pt|cm|mm|in|pc|q|dvw|svw|lvw)$/.exec(v);
  if (!m) {
    const calc = /^calc\((.*)\)$/.exec(v);
    return calc ? evalCalc(calc[1] ?? '', viewport) : null;
  }
  const n = Number(m[1]);
  switch (m[2]) {
    case 'px':
      return n;
    case 'em':
    case 'rem':
      return n * 16;
    case 'ch':
    case 'ex':
      return n * 8;
    case 'vw':
    case 'dvw':
    case 'svw':
    case 'lvw':
      return (n * viewport.width) / 100;
    case 'vh':
      return (n * viewport.height) / 100;
    case 'vmin':
      return (n * Math.min(viewport.width, viewport.height)) / 100;
    case 'vmax':
      return (n * Math.max(viewport.width, viewport.height)) / 100;
    case 'pt':
      return (n * 96) / 72;
    case 'pc':
      return n * 16;
    case 'in':
      return n * 96;
    case 'cm':
      return (n * 96) / 2.54;
    case 'mm':
      return (n * 96) / 25.4;
    case 'q':
      return (n * 96) / 101.6;
    default:
      return null;
  }
}

/** calc() with + and - of lengths only (what `sizes` uses in practice: `calc(100vw - 32px)`). */
function evalCalc(expr: string, viewport: Viewport): number | null {
  const parts = expr.split(/\s+([+-])\s+/);
  let total = 0;
  let sign = 1;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    if (i % 2 === 1) {
      sign = part === '-' ? -1 : 1;
      continue;
    }
    const px = lengthToPx(part, viewport);
    if (px === null) return null;
    total += sign * px;
  }
  return total;
}

/**
 * Evaluates a media query list for the viewport. Supports what image markup uses: `min-/max-width`,
 * `min-/max-height`, range syntax on width, `orientation`, `prefers-color-scheme` (light),
 * `min-resolution`/`-webkit-min-device-pixel-ratio`, media types, `not`, `only`, `and`, commas.
 * Anything unknown makes that query not match, as a browser would for a feature it lacks.
 */
export function mediaMatches(
  media: string | null | undefined,
  viewport: Viewport = DEFAULT_VIEWPORT,
): boolean {
  if (media == null) return true;
  const text = media.trim().toLowerCase();
  if (text === '' || text === 'all') return true;
  return text.split(',').some((query) => singleQueryMatches(query.trim(), viewport));
}

function singleQueryMatches(query: string, viewport: Viewport): boolean {
  let q = query;
  let negate = false;
  if (q.startsWith('not ')) {
    negate = true;
    q = q.slice(4).trim();
  } else if (q.startsWith('only ')) {
    q = q.slice(5).trim();
  }
  const parts = q.split(/\s+and\s+/);
  let ok = true;
  for (const part of parts) {
    const p = part.trim();
    if (p === '') continue;
    if (p === 'screen' || p === 'all') continue;
    if (/^[a-z-]+$/.test(p)) {
      ok = false; // print, speech, tv ...
      continue;
    }
    const feature = /^\((.*)\)$/.exec(p);
    if (!feature || !featureMatches((feature[1] ?? '').trim(), viewport)) ok = false;
  }
  return negate ? !ok : ok;
}

function featureMatches(feature: string, viewport: Viewport): boolean {
  const range = /^(width|height)\s*(<=|>=|<|>|=)\s*(.+)$/.exec(feature);
  if (range) {
    const actual = range[1] === 'width' ? viewport.width : viewport.height;
    const px = lengthToPx(range[3] ?? '', viewport);
    if (px === null) return false;
    switch (range[2]) {
      case '<=':
        return actual <= px;
      case '>=':
        return actual >= px;
      case '<':
        return actual < px;
      case '>':
        return actual > px;
      default:
        return actual === px;
    }
  }
  const colon = feature.indexOf(':');
  if (colon < 0) {
    return feature === 'color' || feature === 'hover' || feature === 'pointer';
  }
  const name = feature.slice(0, colon).trim();
  const value = feature.slice(colon + 1).trim();
  switch (name) {
    case 'min-width':
    case 'max-width':
    case 'min-height':
    case 'max-height': {
      const px = lengthToPx(value, viewport);
      if (px === null) return false;
      const actual = name.endsWith('width') ? viewport.width : viewport.height;
      return name.startsWith('min') ? actual >= px : actual <= px;
    }
    case 'orientation':
      return value === (viewport.width >= viewport.height ? 'landscape' : 'portrait');
    case 'prefers-color-scheme':
      return value === 'light';
    case 'prefers-reduced-motion':
      return value === 'no-preference';
    case '-webkit-min-device-pixel-ratio':
    case 'min-device-pixel-ratio':
      return viewport.dpr >= Number(value);
    case '-webkit-max-device-pixel-ratio':
    case 'max-device-pixel-ratio':
      return viewport.dpr <= Number(value);
    case 'min-resolution':
    case 'max-resolution': {
      const m = /^(\d*\.?\d+)(dppx|x|dpi)$/.exec(value);
      if (!m) return false;
      const dppx = m[2] === 'dpi' ? Number(m[1]) / 96 : Number(m[1]);
      return name === 'min-resolution' ? viewport.dpr >= dppx : viewport.dpr <= dppx;
    }
    default:
      return false;
  }
}

/** The slot width `sizes` gives the image, in CSS px (HTML's "parse a sizes attribute"). */
export function evaluateSizes(
  sizes: string | null | undefined,
  viewport: Viewport = DEFAULT_VIEWPORT,
): number {
  if (sizes) {
    for (const entry of splitTopLevelCommas(sizes)) {
      const e = entry.trim();
      if (!e) continue;
      // The length is the last component; a media condition may precede it.
      const m = /^(.*?)\s*((?:calc\(.*\))|[^\s()]+)$/i.exec(e);
      if (!m) continue;
      const condition = (m[1] ?? '').trim();
      const length = m[2] ?? '';
      if (length.toLowerCase() === 'auto') continue;
      if (condition && !mediaMatches(condition, viewport)) continue;
      const px = lengthToPx(length, viewport);
      if (px !== null && px >= 0) return px;
    }
  }
  return viewport.width;
}

function splitTopLevelCommas(value: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charAt(i);
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === ',' && depth === 0) {
      out.push(value.slice(start, i));
      start = i + 1;
    }
  }
  out.push(value.slice(start));
  return out;
}

/** Density of each candidate once `sizes` is applied; candidates without a descriptor are 1x. */
export function candidateDensities(
  candidates: SrcsetCandidate[],
  sizes: string | null | undefined,
  viewport: Viewport = DEFAULT_VIEWPORT,
): Array<SrcsetCandidate & { effectiveDensity: number }> {
  const slot = evaluateSizes(sizes, viewport);
  return candidates.map((c) => ({
    ...c,
    effectiveDensity:
      c.width !== undefined ? (slot > 0 ? c.width / slot : Number.POSITIVE_INFINITY) : (c.density ?? 1),
  }));
}

export interface ChosenImage {
  url: string;
  /** The descriptor it had in its srcset ('' for `src` or a bare URL), kept so the density survives. */
  descriptor: string;
  /** True when the candidate came from a `w` descriptor, which needs `sizes` to keep its layout size. */
  usesSizes: boolean;
}

/** Picks one candidate from a source set (srcset + optional src) for the viewport. */
export function chooseCandidate(
  srcset: string | null | undefined,
  sizes: string | null | undefined,
  src: string | null | undefined,
  viewport: Viewport = DEFAULT_VIEWPORT,
): ChosenImage | null {
  const candidates = srcset ? parseSrcset(srcset) : [];
  const hasWidth = candidates.some((c) => c.width !== undefined);
  const hasOneX = candidates.some((c) => c.width === undefined && (c.density ?? 1) === 1);
  const trimmedSrc = src?.trim();
  if (trimmedSrc && !hasWidth && !hasOneX) candidates.push({ url: trimmedSrc, descriptor: '' });
  if (candidates.length === 0) return null;
  const rated = candidateDensities(candidates, sizes, viewport);
  let best: (typeof rated)[number] | undefined;
  for (const c of rated) {
    if (c.effectiveDensity >= viewport.dpr && (!best || c.effectiveDensity < best.effectiveDensity)) best = c;
  }
  if (!best) {
    for (const c of rated) if (!best || c.effectiveDensity > best.effectiveDensity) best = c;
  }
  if (!best) return null;
  return { url: best.url, descriptor: best.descriptor, usesSizes: best.width !== undefined };
}

const DECODABLE_TYPES = new Set([
  'image/png',
  'image/jpeg',
  'image/jpg',
  'image/pjpeg',
  'image/gif',
  'image/webp',
  'image/avif',
  'image/svg+xml',
  'image/bmp',
  'image/x-icon',
  'image/vnd.microsoft.icon',
  'image/apng',
]);

/** `<source type>`: skip types browsers do not decode (JPEG XL in Chromium, odd vendor types). */
export function isDecodableImageType(type: string | null | undefined): boolean {
  if (!type) return true;
  return DECODABLE_TYPES.has(type.split(';')[0]?.trim().toLowerCase() ?? '');
}
