import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext } from '@playwright/test';

/**
 * Which pictures a saved file really holds: the file is opened in Chromium with the network cut (offline, every
 * http(s) request aborted), and in every frame each element is asked whether it shows a picture that decodes.
 *
 * An element counts once when it is
 * - an `<img>` (in a `<picture>` or not) that decoded to more than 1×1 pixel (1×1 GIFs are lazy-load stand-ins
 *   and tracking pixels, not pictures). SingleFile stores a picture used twice once, as a CSS variable, and gives
 *   the `<img>` an empty SVG of the right size with the picture as its background: such an `<img>` counts when
 *   that background decodes;
 * - an SVG `<image>` whose `data:` address decodes;
 * - any other element whose computed `background-image` (or that of its ::before / ::after) holds a `data:image`
 *   that decodes.
 * Only rendered elements count (checkVisibility(): not display:none, nor inside such an element): a picture
 * kept in a hidden element is not one a reader sees. Lazy `<img>`s are switched to eager first, so a picture
 * below the fold is not missed.
 * Each kept picture's bytes are hashed too, so two files can be compared picture by picture.
 */

export interface KeptImages {
  /** Elements showing a decoded picture. */
  count: number;
  /** SHA-256 of each distinct picture those elements show (decoded `data:` bytes). */
  pictures: Set<string>;
}

/** Runs in the page (a string: the bundler's helpers do not exist there). Returns the data URLs kept. */
const IN_PAGE = `(async () => {
  const elements = [];
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      elements.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  const images = elements.filter((el) => el.localName === 'img');
  for (const img of images) if (img.loading === 'lazy') img.loading = 'eager';
  const settled = (img) => img.complete ? null : new Promise((done) => {
    img.addEventListener('load', done, { once: true });
    img.addEventListener('error', done, { once: true });
  });
  await Promise.race([Promise.all(images.map(settled)), new Promise((done) => setTimeout(done, 15000))]);

  const verdicts = new Map();
  const decodes = (url) => {
    let verdict = verdicts.get(url);
    if (!verdict) {
      verdict = (async () => {
        const probe = new Image();
        probe.src = url;
        try { await probe.decode(); } catch { return false; }
        return probe.naturalWidth > 1 || probe.naturalHeight > 1;
      })();
      verdicts.set(url, verdict);
    }
    return verdict;
  };
  // Computed url() values are always double-quoted, with inner quotes and backslashes escaped.
  const dataImages = (value) => {
    const found = [];
    let at = value.indexOf('url("');
    while (at >= 0) {
      let i = at + 5;
      let url = '';
      while (i < value.length && value[i] !== '"') {
        if (value[i] === '\\\\') i++;
        url += value[i] ?? '';
        i++;
      }
      if (url.startsWith('data:image/')) found.push(url);
      at = value.indexOf('url("', i);
    }
    return found;
  };
  const backgroundOf = async (el) => {
    for (const pseudo of [null, '::before', '::after']) {
      for (const url of dataImages(getComputedStyle(el, pseudo).backgroundImage || '')) {
        if (await decodes(url)) return url;
      }
    }
    return null;
  };

  const kept = [];
  for (const el of elements) {
    // Not rendered (display: none here or above): no reader sees it, whatever it holds.
    if (!el.checkVisibility()) continue;
    if (el.localName === 'img') {
      if (/var\\(--sf-img-/.test(el.getAttribute('style') || '')) {
        const url = await backgroundOf(el);
        if (url) kept.push(url);
      } else if (el.complete && (el.naturalWidth > 1 || el.naturalHeight > 1)) {
        kept.push(el.currentSrc || el.src);
      }
      continue;
    }
    if (el.localName === 'image' && el.namespaceURI === 'http://www.w3.org/2000/svg') {
      const href = el.getAttribute('href') || el.getAttributeNS('http://www.w3.org/1999/xlink', 'href') || '';
      if (href.startsWith('data:') && (await decodes(href))) {
        kept.push(href);
        continue;
      }
    }
    const url = await backgroundOf(el);
    if (url) kept.push(url);
  }
  return kept;
})()`;

async function pictureHash(url: string): Promise<string> {
  const bytes = url.startsWith('data:') ? new Uint8Array(await (await fetch(url)).arrayBuffer()) : url;
  return createHash('sha256').update(bytes).digest('hex');
}

/** Opens saved files offline in `browser` (a plain Chromium, no extension, no proxy). */
export class ImageCounter {
  private constructor(private readonly context: BrowserContext) {}

  static async open(browser: Browser): Promise<ImageCounter> {
    const context = await browser.newContext({ offline: true, viewport: { width: 1280, height: 720 } });
    await context.route(/^(?:https?|wss?):/, (route) => route.abort());
    return new ImageCounter(context);
  }

  async count(file: string): Promise<KeptImages> {
    const page = await this.context.newPage();
    try {
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: 60_000 });
      const urls: string[] = [];
      for (const frame of page.frames()) {
        // A frame that is gone or blank has nothing to count; the page itself must answer.
        const found =
          frame === page.mainFrame() ? frame.evaluate(IN_PAGE) : frame.evaluate(IN_PAGE).catch(() => []);
        urls.push(...((await found) as string[]));
      }
      const pictures = new Set(await Promise.all(urls.map(pictureHash)));
      return { count: urls.length, pictures };
    } finally {
      await page.close();
    }
  }

  close(): Promise<void> {
    return this.context.close();
  }
}
