import { elementsOf } from './dom';
import { LIVE_ATTR } from './live-state';
import type { InlinedImage, ResourceLoader } from './resources';
import {
  LAZY_BACKGROUND_ATTRIBUTES,
  LAZY_SRC_ATTRIBUTES,
  LAZY_SRCSET_ATTRIBUTES,
  linkRels,
  renderedRoots,
  type SanitizeContext,
  sanitizeTree,
} from './sanitize';
import { type ChosenImage, chooseCandidate, isDecodableImageType, mediaMatches, parseSrcset } from './srcset';
import { hasNoLargeSize, isBeaconUrl, isPixelSized } from './trackers';
import type { SnapshotRemovals } from './types';
import { isDataUrl, isHttpUrl, resolveUrl } from './url';

const HTML_NS = 'http://www.w3.org/1999/xhtml';
const XLINK_NS = 'http://www.w3.org/1999/xlink';

/** Lazy-loading scripts leave these behind; the snapshot has no script to read them. */
const LAZY_LEFTOVERS = [...LAZY_SRC_ATTRIBUTES, ...LAZY_SRCSET_ATTRIBUTES, 'data-sizes', 'loading'];

/** File names and classes lazy-loaders use for the stand-in image. */
const PLACEHOLDER_NAME =
  /(?:^|[/_-])(?:blank|spacer|placeholder|transparent|pixel|lazy|loading|loader|grey|gray|empty|dummy)[\w.-]*\.(?:gif|png|jpe?g|svg|webp)(?:$|[?#])/i;

export interface ImageContext {
  baseUrl: string;
  loader: ResourceLoader;
  removed: SnapshotRemovals;
  sanitize: SanitizeContext;
}

function attr(el: Element, name: string): string | null {
  const value = el.getAttribute(name);
  return value !== null && value.trim() !== '' ? value.trim() : null;
}

function firstAttr(el: Element, names: readonly string[]): string | null {
  for (const name of names) {
    if (name === LIVE_ATTR.currentSrc) continue;
    const value = attr(el, name);
    if (value !== null && !isDataUrl(value)) return value;
  }
  return null;
}

function hasLazyClass(el: Element): boolean {
  const cls = el.getAttribute('class') ?? '';
  return /lazy/i.test(cls) && !/lazyloaded|lazy-loaded/i.test(cls);
}

/** The stand-in a lazy-loader shows until the real image is loaded. */
function isPlaceholder(src: string | null, el: Element): boolean {
  return src === null || isDataUrl(src) || PLACEHOLDER_NAME.test(src) || hasLazyClass(el);
}

/**
 * `<noscript><img></noscript>` after an empty or stand-in `<img>` (Medium, many CMSs): the noscript image
 * is the real one. The snapshot has no script, so it takes that image. Run before noscript is removed.
 */
export function applyNoscriptFallbacks(doc: Document): void {
  for (const noscript of elementsOf(doc)) {
    if (noscript.localName !== 'noscript') continue;
    let images = Array.from(noscript.querySelectorAll('img'));
    if (images.length === 0 && /<img/i.test(noscript.textContent ?? '')) {
      const template = doc.createElement('template');
      template.innerHTML = noscript.textContent ?? '';
      images = Array.from(template.content.querySelectorAll('img'));
    }
    if (images.length !== 1) continue;
    const real = images[0] as Element;
    if (!attr(real, 'src') && !attr(real, 'srcset')) continue;
    const previous = noscript.previousElementSibling;
    if (!previous) continue;
    const stand = previous.localName === 'img' ? previous : onlyImage(previous);
    if (!stand) continue;
    const current = attr(stand, LIVE_ATTR.currentSrc) ?? attr(stand, 'src');
    if (!isPlaceholder(current, stand) && current !== null) continue;
    for (const name of ['src', 'srcset', 'sizes']) {
      const value = real.getAttribute(name);
      if (value !== null) stand.setAttribute(name, value);
      else stand.removeAttribute(name);
    }
    stand.removeAttribute(LIVE_ATTR.currentSrc);
  }
}

function onlyImage(el: Element): Element | null {
  const images = el.querySelectorAll('img');
  return images.length === 1 ? (images[0] as Element) : null;
}

interface ImageChoice extends ChosenImage {
  sizes: string | null;
}

/** Which image the reader saw (recorded `currentSrc`), else which one a browser would pick. */
export function chooseImageSource(img: Element): ImageChoice | null {
  const current = attr(img, LIVE_ATTR.currentSrc);
  const src = attr(img, 'src');
  const srcset = attr(img, 'srcset');
  const imgSizes = attr(img, 'sizes');
  const lazySrc = firstAttr(img, LAZY_SRC_ATTRIBUTES);
  const lazySrcset = firstAttr(img, LAZY_SRCSET_ATTRIBUTES);
  const hasLazy = lazySrc !== null || lazySrcset !== null;
  const picture = img.parentElement?.localName === 'picture' ? img.parentElement : null;
  const sources = picture
    ? Array.from(picture.children).filter(
        (c) => c.localName === 'source' && c.compareDocumentPosition(img) & 4,
      )
    : [];

  if (current && !isDataUrl(current) && !(hasLazy && isPlaceholder(current, img))) {
    return describeCurrent(current, img, sources);
  }
  for (const source of sources) {
    const set = attr(source, 'srcset') ?? firstAttr(source, LAZY_SRCSET_ATTRIBUTES);
    if (!set) continue;
    if (!mediaMatches(source.getAttribute('media'))) continue;
    if (!isDecodableImageType(source.getAttribute('type'))) continue;
    const sizes = attr(source, 'sizes') ?? imgSizes;
    const chosen = chooseCandidate(set, sizes, null);
    if (chosen && !isDataUrl(chosen.url)) return { ...chosen, sizes };
  }
  if (hasLazy && isPlaceholder(src, img)) {
    const chosen = chooseCandidate(lazySrcset, imgSizes, lazySrc);
    if (chosen) return { ...chosen, sizes: imgSizes };
  }
  const chosen = chooseCandidate(srcset, imgSizes, src);
  return chosen ? { ...chosen, sizes: imgSizes } : null;
}

function describeCurrent(current: string, img: Element, sources: Element[]): ImageChoice {
  const sets: Array<[string | null, string | null]> = [
    [attr(img, 'srcset') ?? firstAttr(img, LAZY_SRCSET_ATTRIBUTES), attr(img, 'sizes')],
    ...sources.map((s): [string | null, string | null] => [
      attr(s, 'srcset') ?? firstAttr(s, LAZY_SRCSET_ATTRIBUTES),
      attr(s, 'sizes') ?? attr(img, 'sizes'),
    ]),
  ];
  for (const [set, sizes] of sets) {
    if (!set) continue;
    const match = parseSrcset(set).find((c) => c.url === current);
    if (match)
      return { url: current, descriptor: match.descriptor, usesSizes: match.width !== undefined, sizes };
  }
  return { url: current, descriptor: '', usesSizes: false, sizes: null };
}

function cleanLazyLeftovers(img: Element): void {
  for (const name of LAZY_LEFTOVERS) img.removeAttribute(name);
}

function setInlined(img: Element, choice: ImageChoice, image: InlinedImage): void {
  const dense = choice.descriptor !== '' && choice.descriptor !== '1x';
  const sizes = choice.sizes?.toLowerCase();
  const sizesUsable = !choice.usesSizes || (sizes && sizes !== 'auto');
  if (dense && sizesUsable) {
    // Keeps the density the page asked for: a 1600w file in an 800px slot stays 800px wide.
    img.setAttribute('srcset', `${image.dataUri} ${choice.descriptor}`);
    img.removeAttribute('src');
    if (choice.usesSizes && choice.sizes) img.setAttribute('sizes', choice.sizes);
    else img.removeAttribute('sizes');
  } else {
    img.setAttribute('src', image.dataUri);
    img.removeAttribute('srcset');
    img.removeAttribute('sizes');
  }
}

function markMissing(el: Element, attribute: string, url: string): void {
  el.removeAttribute(attribute);
  if (attribute === 'src') {
    el.removeAttribute('srcset');
    el.removeAttribute('sizes');
  }
  el.setAttribute('data-cited-missing', url);
}

/**
 * Finds every image of the page, starts fetching them and returns a promise that writes the results in.
 * Trackers (beacon hosts, 1×1 images) are removed.
 */
export function planImages(doc: Document, ctx: ImageContext): Promise<void> {
  const jobs: Array<Promise<void>> = [];
  const all = elementsOf(doc);
  replaceCanvases(doc, all);
  moveLazyBackgrounds(all, ctx.baseUrl);
  jobs.push(planFavicon(all, ctx));
  for (const root of renderedRoots(doc)) {
    const elements = root === doc ? elementsOf(doc) : elementsOf(root);
    const pictureSources: Element[] = [];
    for (const el of elements) {
      switch (el.localName) {
        case 'img':
          jobs.push(planImg(el, ctx));
          break;
        case 'input':
          if ((el.getAttribute('type') ?? '').toLowerCase() === 'image')
            jobs.push(planAttribute(el, 'src', ctx));
          break;
        case 'video':
          if (el.hasAttribute('poster')) jobs.push(planAttribute(el, 'poster', ctx));
          break;
        case 'source':
          if (el.parentElement?.localName === 'picture') pictureSources.push(el);
          break;
        case 'image':
        case 'feImage':
          // Old fallback markup (`<image src=x.png xlink:href=x.svg>`): SVG never reads `src`.
          el.removeAttribute('src');
          if (el.hasAttribute('href')) jobs.push(planAttribute(el, 'href', ctx));
          if (el.hasAttributeNS(XLINK_NS, 'href')) jobs.push(planAttribute(el, 'xlink:href', ctx));
          break;
        default:
          break;
      }
      if (el.hasAttribute('background')) jobs.push(planAttribute(el, 'background', ctx));
    }
    // Sources were read when their <img> was planned; the inlined <img> alone must now decide.
    for (const source of pictureSources) source.remove();
  }
  jobs.push(inlineExternalSvgUses(doc, all, ctx));
  return Promise.all(jobs).then(() => undefined);
}

async function planImg(img: Element, ctx: ImageContext): Promise<void> {
  const choice = chooseImageSource(img);
  cleanLazyLeftovers(img);
  img.removeAttribute(LIVE_ATTR.currentSrc);
  if (!choice) {
    img.removeAttribute('srcset');
    img.removeAttribute('sizes');
    return;
  }
  const url = isDataUrl(choice.url) ? choice.url : resolveUrl(choice.url, ctx.baseUrl);
  if (url === null) {
    markMissing(img, 'src', choice.url);
    return;
  }
  if (isDataUrl(url)) {
    setInlined(img, choice, { dataUri: url });
    return;
  }
  if (isBeaconUrl(url) || isPixelSized(img)) {
    img.remove();
    ctx.removed.trackers++;
    return;
  }
  const image = await ctx.loader.image(url);
  if (!image) {
    markMissing(img, 'src', url);
    return;
  }
  if (image.width === 1 && image.height === 1 && hasNoLargeSize(img)) {
    img.remove();
    ctx.removed.trackers++;
    return;
  }
  setInlined(img, choice, image);
}

async function planAttribute(el: Element, name: string, ctx: ImageContext): Promise<void> {
  const raw = name === 'xlink:href' ? el.getAttributeNS(XLINK_NS, 'href') : el.getAttribute(name);
  if (!raw || raw.trim() === '' || raw.trim().startsWith('#') || isDataUrl(raw)) return;
  const url = resolveUrl(raw, ctx.baseUrl);
  const image = url && isHttpUrl(url) ? await ctx.loader.image(url) : null;
  if (name === 'xlink:href') {
    if (image) el.setAttributeNS(XLINK_NS, 'xlink:href', image.dataUri);
    else {
      el.removeAttributeNS(XLINK_NS, 'href');
      el.setAttribute('data-cited-missing', url ?? raw);
    }
    return;
  }
  if (image) el.setAttribute(name, image.dataUri);
  else markMissing(el, name, url ?? raw);
}

/** Keeps the page's first icon (inlined), drops the other icon links. */
async function planFavicon(all: Element[], ctx: ImageContext): Promise<void> {
  const icons = all.filter((l) => l.localName === 'link' && l.isConnected && linkRels(l).includes('icon'));
  const [first, ...rest] = icons;
  for (const other of rest) other.remove();
  if (!first) return;
  const href = first.getAttribute('href');
  const url = href ? resolveUrl(href, ctx.baseUrl) : null;
  if (!url || isDataUrl(url)) return;
  const image = await ctx.loader.image(url);
  if (image) {
    first.setAttribute('href', image.dataUri);
    first.removeAttribute('sizes');
  } else first.remove();
}

/** `<canvas>` drawings recorded by the content script become images (a canvas without script is blank). */
function replaceCanvases(doc: Document, all: Element[]): void {
  for (const canvas of all) {
    if (canvas.localName !== 'canvas' || !canvas.hasAttribute(LIVE_ATTR.canvas)) continue;
    const data = canvas.getAttribute(LIVE_ATTR.canvas) ?? '';
    if (!/^data:image\/(?:png|jpeg|webp);base64,/i.test(data)) {
      canvas.removeAttribute(LIVE_ATTR.canvas);
      continue;
    }
    const img = doc.createElementNS(HTML_NS, 'img');
    for (const name of ['id', 'class', 'style', 'width', 'height', 'title']) {
      const value = canvas.getAttribute(name);
      if (value !== null) img.setAttribute(name, value);
    }
    img.setAttribute('alt', canvas.textContent?.trim() ?? '');
    img.setAttribute('src', data);
    canvas.replaceWith(img);
  }
}

const LOOKS_LIKE_IMAGE_URL =
  /^(?:url\(|https?:|\/\/|\/|\.\.?\/)|\.(?:jpe?g|png|gif|webp|avif|svg)(?:[?#]|$)/i;

/** Lazy CSS backgrounds (`data-bg`, lazysizes' unveil) become real `background-image` declarations. */
function moveLazyBackgrounds(all: Element[], baseUrl: string): void {
  for (const el of all) {
    if (!LAZY_BACKGROUND_ATTRIBUTES.some((name) => el.hasAttribute(name))) continue;
    const value = LAZY_BACKGROUND_ATTRIBUTES.map((name) => attr(el, name)).find((v) => v !== null) ?? null;
    for (const name of LAZY_BACKGROUND_ATTRIBUTES) el.removeAttribute(name);
    const style = el.getAttribute('style') ?? '';
    if (!value || /background(?:-image)?\s*:/i.test(style) || !LOOKS_LIKE_IMAGE_URL.test(value)) continue;
    const inner =
      /^url\((.*)\)$/i
        .exec(value)?.[1]
        ?.trim()
        .replace(/^["']|["']$/g, '') ?? value;
    const url = resolveUrl(inner, baseUrl);
    if (!url || !isHttpUrl(url)) continue;
    const declaration = `background-image:url("${url.replace(/["\\\n]/g, (c) => encodeURIComponent(c))}")`;
    el.setAttribute('style', style.trim() ? `${style.replace(/;?\s*$/, ';')}${declaration}` : declaration);
  }
}

/**
 * `<use href="/icons.svg#search">` points into another file, which a snapshot cannot reach. The file is
 * fetched once, cleaned, and put (invisible) into the page; the references become in-page ones.
 */
async function inlineExternalSvgUses(doc: Document, all: Element[], ctx: ImageContext): Promise<void> {
  const byFile = new Map<string, Element[]>();
  for (const use of all) {
    if (use.localName !== 'use') continue;
    const raw = use.getAttribute('href') ?? use.getAttributeNS(XLINK_NS, 'href');
    if (!raw || raw.trim().startsWith('#')) continue;
    const url = resolveUrl(raw, ctx.baseUrl);
    if (!url || isDataUrl(url) || !url.includes('#') || !isHttpUrl(url)) {
      use.removeAttribute('href');
      use.removeAttributeNS(XLINK_NS, 'href');
      continue;
    }
    const file = url.slice(0, url.indexOf('#'));
    const list = byFile.get(file) ?? [];
    list.push(use);
    byFile.set(file, list);
  }
  await Promise.all(
    Array.from(byFile, async ([file, uses]) => {
      const text = await ctx.loader.svgText(file);
      const sprite = text ? parseSprite(doc, text) : null;
      if (sprite) {
        sanitizeTree(doc, sprite, ctx.sanitize);
        sprite.setAttribute('aria-hidden', 'true');
        sprite.setAttribute('data-cited-sprite', file);
        // Not display:none: gradients and patterns inside a display:none SVG stop rendering in Chrome.
        sprite.setAttribute('style', 'position:absolute;width:0;height:0;overflow:hidden');
        sprite.removeAttribute('width');
        sprite.removeAttribute('height');
        (doc.body ?? doc.documentElement).prepend(sprite);
      }
      for (const use of uses) {
        const raw = use.getAttribute('href') ?? use.getAttributeNS(XLINK_NS, 'href') ?? '';
        const fragment = raw.slice(raw.indexOf('#'));
        use.removeAttributeNS(XLINK_NS, 'href');
        if (sprite) use.setAttribute('href', fragment);
        else {
          use.removeAttribute('href');
          use.setAttribute('data-cited-missing', `${file}${fragment}`);
        }
      }
    }),
  );
}

function parseSprite(doc: Document, text: string): Element | null {
  const template = doc.createElement('template');
  template.innerHTML = text.replace(/^\s*<\?xml[^>]*>/i, '').replace(/<!DOCTYPE[^>]*>/i, '');
  const svg = template.content.querySelector('svg');
  return svg ? (doc.importNode(svg, true) as Element) : null;
}
