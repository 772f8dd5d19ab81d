import { beforeAll, describe, expect, it } from 'vitest';
import { buildSnapshot } from '../../../core/snapshot';
import type { SnapshotResult } from '../../../core/snapshot/types';
import { fixedNow, fixtureDocument, fixtureSite, parseSnapshot, SITE } from './helpers';

describe('stylesheets, imports and fonts in a snapshot', () => {
  let result: SnapshotResult;
  let doc: Document;
  let css: string;
  let site: ReturnType<typeof fixtureSite>;

  beforeAll(async () => {
    site = fixtureSite();
    result = await buildSnapshot({
      document: fixtureDocument('styles.html'),
      url: `${SITE}styles.html`,
      fetchResource: site.fetchResource,
      now: fixedNow,
    });
    doc = parseSnapshot(result.html);
    css = Array.from(doc.querySelectorAll('style'), (s) => s.textContent ?? '').join('\n');
  });

  const fetched = (kind?: string) => site.calls.filter((c) => !kind || c.kind === kind).map((c) => c.url);

  it('replaces every stylesheet link by inline styles and fetches imports', () => {
    expect(doc.querySelector('link[rel~="stylesheet"]')).toBeNull();
    expect(fetched('stylesheet').sort()).toEqual(
      [
        `${SITE}css/layout.css`,
        `${SITE}css/main.css`,
        `${SITE}css/print.css`,
        `${SITE}css/typography.css`,
      ].sort(),
    );
  });

  it('never fetches an alternate stylesheet the reader did not choose', () => {
    expect(fetched()).not.toContain(`${SITE}css/contrast.css`);
    expect(doc.querySelector('link[title="High contrast"]')).toBeNull();
  });

  it('keeps cascade order: imported rules come before the importing sheet, with their media', () => {
    const texts = Array.from(doc.querySelectorAll('style'), (s) => s.textContent ?? '');
    const typography = texts.findIndex((t) => t.includes('.serif'));
    const layout = texts.findIndex((t) => t.includes('padding:2rem'));
    const main = texts.findIndex((t) => t.includes('.card{'));
    expect(typography).toBeGreaterThanOrEqual(0);
    expect(typography).toBeLessThan(layout);
    expect(layout).toBeLessThan(main);
    expect(texts[layout]).toMatch(/^@media screen and \(min-width:600px\)\{/);
    const print = Array.from(doc.querySelectorAll('style')).find((s) =>
      s.textContent?.includes('color:black'),
    );
    expect(print?.getAttribute('media')).toBe('print');
  });

  it('drops rules that match nothing and keeps hover/pseudo-element rules of present elements', () => {
    expect(css).not.toContain('unused-rule-xyz');
    expect(css).not.toContain('never-used');
    expect(css).not.toContain('.cta');
    expect(css).not.toContain('nothing-here');
    expect(css).toContain('.card:hover .title::after');
    expect(result.removed.unusedCssRules).toBeGreaterThanOrEqual(4);
    expect(fetched()).not.toContain(`${SITE}img/unused-rule-100x100.png`);
    expect(fetched()).not.toContain(`${SITE}img/never-80x80.png`);
    expect(fetched()).not.toContain(`${SITE}img/cta-20x20.png`);
  });

  it('keeps only used fonts, one file each (WOFF2), and drops faces for absent scripts', () => {
    expect(fetched('font').sort()).toEqual([`${SITE}fonts/brand.woff2`, `${SITE}fonts/icons.woff2`]);
    const faces = css.match(/@font-face\{[^}]*\}/g) ?? [];
    expect(faces).toHaveLength(2);
    for (const face of faces) {
      expect(face).toMatch(/src:url\("data:font\/woff2;base64,[^"]+"\) format\("woff2"\)/);
      expect(face).not.toContain('eot');
    }
    expect(css).not.toContain('Unused Sans');
    expect(result.removed.unusedFonts).toBe(2);
  });

  it('inlines url() images, image-set() strings and style attributes; no external URL is left', () => {
    expect(css).toMatch(/\.hero\{background:url\("data:image\/png;base64,[^"]+"\) no-repeat\}/);
    expect(css).toMatch(/image-set\("data:image\/png;base64,[^"]+" 1x,"data:image\/png;base64,[^"]+" 2x\)/);
    expect(doc.getElementById('inline')?.getAttribute('style')).toMatch(
      /^background-image: ?url\("data:image\/png;base64,[^"]+"\); ?color: ?green$/,
    );
    // @namespace names a namespace with url() syntax; nothing is fetched for it.
    for (const m of css.replace(/@namespace[^;]*;/g, '').matchAll(/url\(\s*["']?([^"')]*)/g)) {
      expect(m[1]).toMatch(/^(data:|#)/);
    }
  });

  it('stores an image used by several rules once, in a custom property', () => {
    expect(fetched().filter((u) => u.endsWith('badge-300x300.png'))).toHaveLength(1);
    expect(css).toMatch(/:root\{--cited-r1:url\("data:image\/png;base64,[^"]+"\)\}/);
    expect(css).toContain('.badge{background-image:var(--cited-r1)}');
    expect(css).toContain('.badge-alt{background-image:var(--cited-r1)}');
  });

  it('leaves in-document references and @namespace names alone', () => {
    expect(css).toContain('filter:url(#blur)');
    expect(css).toContain('@namespace svg url(http://www.w3.org/2000/svg);');
    expect(fetched().some((u) => u.includes('w3.org'))).toBe(false);
  });

  it('keeps the empty value of a custom property', () => {
    expect(css).toContain('--tw-empty: ;');
  });
});
