import { beforeAll, describe, expect, it } from 'vitest';
import { buildSnapshot } from '../../../core/snapshot';
import type { SnapshotResult } from '../../../core/snapshot/types';
import { fixedNow, fixtureDocument, fixtureSite, parseSnapshot, pngSizeOf, SITE } from './helpers';

describe('images in a snapshot', () => {
  let result: SnapshotResult;
  let doc: Document;
  let site: ReturnType<typeof fixtureSite>;

  beforeAll(async () => {
    site = fixtureSite();
    result = await buildSnapshot({
      document: fixtureDocument('images.html'),
      url: `${SITE}images.html`,
      fetchResource: site.fetchResource,
      now: fixedNow,
    });
    doc = parseSnapshot(result.html);
  });

  const img = (id: string) => doc.getElementById(id);
  const shown = (id: string) => {
    const el = img(id);
    const srcset = el?.getAttribute('srcset');
    return pngSizeOf(srcset ? srcset.split(' ')[0] : el?.getAttribute('src'));
  };
  const fetched = () => site.calls.map((c) => c.url);

  it('takes the 1x candidate of a density srcset', () => {
    expect(shown('x-desc')).toBe('100x50');
    expect(fetched()).not.toContain(`${SITE}img/x2-200x100.png`);
  });

  it('applies sizes to width descriptors and keeps the density', () => {
    // sizes gives a 400px slot at 1280px: 480w is the smallest candidate at density >= 1.
    expect(shown('w-desc')).toBe('480x240');
    expect(img('w-desc')?.getAttribute('srcset')).toMatch(/^data:image\/png;base64,\S+ 480w$/);
    expect(img('w-desc')?.getAttribute('sizes')).toBe('(max-width: 600px) 100vw, 400px');
  });

  it('uses the viewport width when there is no sizes, as a plain image', () => {
    expect(shown('w-nosizes')).toBe('1600x800');
    expect(img('w-nosizes')?.hasAttribute('srcset')).toBe(false);
  });

  it('keeps commas that belong to CDN URLs', () => {
    expect(fetched()).toContain('https://cdn.example/image/upload/c_fill,w_1280/a-1280x800.png');
    expect(img('cdn')?.getAttribute('srcset')).toMatch(/^data:image\/png;base64,\S+ 1280w$/);
  });

  it('picks the <picture> source a desktop browser shows and drops the others', () => {
    const pic = doc.getElementById('pic');
    expect(pic?.querySelectorAll('source')).toHaveLength(0);
    expect(pngSizeOf(pic?.querySelector('img')?.getAttribute('src'))).toBe('1200x600');
    expect(fetched()).not.toContain(`${SITE}img/mobile-700x350.png`);
    expect(fetched()).not.toContain(`${SITE}img/jxl-1200x600.png`);
  });

  it('resolves lazy-loaded images (data-src, data-srcset, data-lazy-src, loading=lazy)', () => {
    expect(shown('lazy-data-src')).toBe('600x400');
    expect(shown('lazy-data-srcset')).toBe('640x400');
    expect(shown('lazy-wp')).toBe('500x300');
    expect(shown('native-lazy')).toBe('700x300');
    for (const id of ['lazy-data-src', 'lazy-data-srcset', 'lazy-wp', 'native-lazy']) {
      const el = img(id);
      expect(
        el?.hasAttribute('data-src') || el?.hasAttribute('data-srcset') || el?.hasAttribute('loading'),
      ).toBe(false);
    }
    expect(fetched()).not.toContain(`${SITE}img/placeholder.png`);
  });

  it('takes the real image from a <noscript> fallback after an empty placeholder', () => {
    expect(shown('progressive')).toBe('1200x600');
    expect(shown('blur')).toBe('60x30');
    expect(doc.querySelector('noscript')).toBeNull();
  });

  it('removes tracking pixels without fetching beacon hosts, keeps stretched spacers', () => {
    expect(img('beacon')).toBeNull();
    expect(img('pixel-attrs')).toBeNull();
    expect(img('pixel-file')).toBeNull();
    expect(img('spacer')?.getAttribute('src')).toMatch(/^data:image\/gif;base64,/);
    expect(fetched().some((u) => u.includes('google-analytics'))).toBe(false);
    expect(fetched()).not.toContain(`${SITE}img/tiny-5x5.png`);
    expect(result.removed.trackers).toBe(3);
  });

  it('lists a missing image with its reason and keeps the rest of the page', () => {
    expect(result.failures).toContainEqual({
      url: `${SITE}missing/gone.png`,
      kind: 'image',
      reason: 'could not be fetched',
    });
    expect(img('broken')?.hasAttribute('src')).toBe(false);
    expect(img('broken')?.getAttribute('data-cited-missing')).toBe(`${SITE}missing/gone.png`);
    expect(img('broken')?.getAttribute('alt')).toBe('gone');
  });

  it('fetches an image used twice only once', () => {
    expect(fetched().filter((u) => u.endsWith('dup-40x40.png'))).toHaveLength(1);
    for (const dup of Array.from(doc.querySelectorAll('img.dup')))
      expect(pngSizeOf(dup.getAttribute('src'))).toBe('40x40');
  });

  it('inlines image inputs, video posters, SVG images, legacy backgrounds and the favicon', () => {
    expect(pngSizeOf(img('input-image')?.getAttribute('src'))).toBe('80x20');
    expect(pngSizeOf(img('video')?.getAttribute('poster'))).toBe('640x360');
    expect(pngSizeOf(doc.querySelector('#svg-image image')?.getAttribute('href'))).toBe('20x20');
    expect(pngSizeOf(img('table-bg')?.getAttribute('background'))).toBe('50x50');
    const icons = doc.querySelectorAll('link[rel~="icon"], link[rel="apple-touch-icon"]');
    expect(icons).toHaveLength(1);
    expect(pngSizeOf(icons[0]?.getAttribute('href'))).toBe('16x16');
  });

  it('does not keep media files: no video source, the poster stays', () => {
    expect(img('video')?.hasAttribute('src')).toBe(false);
    expect(img('video')?.querySelector('source, track')).toBeNull();
    expect(fetched().some((u) => u.includes('/media/'))).toBe(false);
  });

  it('turns a lazy CSS background into an inlined background-image', () => {
    const style = img('lazy-bg')?.getAttribute('style') ?? '';
    expect(style).toMatch(/background-image:url\("data:image\/png;base64,/);
    expect(img('lazy-bg')?.hasAttribute('data-bg')).toBe(false);
  });

  it('brings an external SVG sprite into the page, cleaned, and points <use> at it', () => {
    const use = doc.querySelector('#svg-use use');
    expect(use?.getAttribute('href')).toBe('#star');
    const sprite = doc.querySelector('[data-cited-sprite]');
    expect(sprite?.querySelector('#star')).not.toBeNull();
    expect(sprite?.querySelector('script')).toBeNull();
    expect(sprite?.hasAttribute('onload')).toBe(false);
  });
});
