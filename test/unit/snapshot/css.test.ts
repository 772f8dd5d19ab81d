import { describe, expect, it } from 'vitest';
import {
  chooseFontSource,
  collectFontFamilies,
  filterFontFaces,
  parseUnicodeRange,
} from '../../../core/snapshot/css/fonts';
import {
  compactCss,
  parseStylesheet,
  rewriteCssUrls,
  serializeStylesheet,
  stripDangerousDeclarations,
} from '../../../core/snapshot/css/parse';
import { createSelectorMatcher, simplifySelector } from '../../../core/snapshot/css/selectors';
import { parseImport } from '../../../core/snapshot/stylesheets';
import { quietDom } from './helpers';

describe('CSS parsing', () => {
  it('round-trips nested grouping rules and keeps bodies as written', () => {
    const css =
      '@media screen{@supports (display:grid){.a{display:grid}}}.b{color:red;&:hover{color:blue}}@font-face{font-family:X;src:url(x.woff2)}@layer base;';
    expect(serializeStylesheet(parseStylesheet(css))).toBe(css);
    const nodes = parseStylesheet(css);
    expect(nodes.map((n) => (n.type === 'at' ? `@${n.name}` : n.prelude))).toEqual([
      '@media',
      '.b',
      '@font-face',
      '@layer',
    ]);
  });

  it('does not mistake braces and semicolons in strings and URLs for structure', () => {
    const css = '.a{content:"}{;"}.b{background:url(data:image/svg+xml;utf8,<svg>{}</svg>)}';
    const nodes = parseStylesheet(css);
    expect(nodes).toHaveLength(2);
    expect(serializeStylesheet(nodes)).toBe(css);
  });

  it('drops comments and redundant whitespace but not meaningful spaces', () => {
    expect(compactCss('a  >  b , c  { color : red ; /* x */ }')).toBe('a > b,c{color :red}');
    expect(compactCss('.a .b{margin:0 auto}')).toBe('.a .b{margin:0 auto}');
    expect(compactCss('.a{content:"  two  spaces  "}')).toBe('.a{content:"  two  spaces  "}');
    expect(compactCss(':root{--x: ;}')).toBe(':root{--x: ;}');
  });

  it('rewrites url() tokens in every spelling and image-set() strings, nothing else', () => {
    const seen: string[] = [];
    const out = rewriteCssUrls(
      `.a{background:url(a.png)} .b{background:URL( "b c.png" )} .c{background:url('c\\'d.png')} .d{background:url(e\\(1\\).png)} .e{background-image:image-set("f.png" 1x,url(g.png) 2x)} .f{content:"url(not-me.png)"} .g{--my-url(x):1}`,
      (url, context) => {
        seen.push(`${context}:${url}`);
        return context === 'url' ? 'url(X)' : '"X"';
      },
    );
    expect(seen).toEqual([
      'url:a.png',
      'url:b c.png',
      "url:c'd.png",
      'url:e(1).png',
      'image-set-string:f.png',
      'url:g.png',
    ]);
    expect(out).toContain('.f{content:"url(not-me.png)"}');
    expect(out).toContain('image-set("X" 1x,url(X) 2x)');
  });

  it('strips expression(), -moz-binding, behavior and script URLs, keeps the rest of the rule', () => {
    const out = stripDangerousDeclarations(
      '.a{color:red;width:expression(alert(1));height:1px}.b{-moz-binding:url(x.xml#y)}.c{behavior:url(x.htc);margin:0}.d{background:url("javascript:alert(1)")}.e{width:expr\\65 ssion(alert(1))}',
    );
    expect(out).toBe('.a{color:red;height:1px}.b{}.c{margin:0}.d{}.e{}');
  });

  it('reads @import preludes: URL, layer, supports and media', () => {
    expect(
      parseImport('url("a.css") layer(base) supports(display: grid) screen and (min-width: 600px)'),
    ).toEqual({
      url: 'a.css',
      layer: 'base',
      supports: 'display: grid',
      media: 'screen and (min-width: 600px)',
    });
    expect(parseImport("'b.css'")).toEqual({ url: 'b.css', layer: null, supports: null, media: '' });
    expect(parseImport('junk')).toBeNull();
  });
});

describe('selector matching for unused-rule removal', () => {
  const doc = quietDom(
    `<!DOCTYPE html><body><nav class="menu main"><a href="/" id="home" class="md:flex">Home</a></nav>
      <ul><li class="item">1</li></ul><input type="checkbox" checked data-role="toggle"></body>`,
    'https://news.example/',
  ).window.document;
  const matcher = createSelectorMatcher(doc);

  it('keeps rules for present elements in any interaction state or pseudo-element', () => {
    for (const selector of [
      '.menu a:hover',
      'a:focus-visible::after',
      '.item:first-child',
      ':hover > a',
      'input:checked + label, .item',
      '#home',
      '.md\\:flex',
      'nav.main.menu',
      '[data-role="toggle"]',
      'a:not(.missing)',
      '::selection',
      'li::marker',
    ]) {
      expect(matcher.matches(selector), selector).toBe(true);
    }
  });

  it('drops rules no element can ever match', () => {
    for (const selector of [
      '.missing',
      '#nope a',
      'table td',
      '.menu .missing:hover',
      '[data-absent]',
      'nav.menu.other',
    ]) {
      expect(matcher.matches(selector), selector).toBe(false);
    }
  });

  it('keeps what it cannot judge: shadow DOM, namespaces, unknown pseudo-classes', () => {
    for (const selector of [
      ':host(.x)',
      '::slotted(p)',
      'my-el::part(label)',
      'svg|rect',
      '.item:-moz-some-future-thing(1)',
    ]) {
      expect(matcher.matches(selector), selector).toBe(true);
    }
  });

  it('simplifies interaction pseudo-classes to a matchable selector', () => {
    expect(simplifySelector('a:hover::before')).toBe('a');
    expect(simplifySelector('.x > :focus')).toBe('.x > *');
    expect(simplifySelector(':hover')).toBe('*');
    expect(simplifySelector('li:nth-child(2n+1):hover')).toBe('li:nth-child(2n+1)');
    expect(simplifySelector(':host')).toBeNull();
  });
});

describe('fonts', () => {
  it('finds families in font-family, the font shorthand and custom properties', () => {
    const families = collectFontFamilies([
      '.a{font-family:"Brand Serif",Georgia,serif}',
      '.b{font:italic bold 12px/30px Open Sans,sans-serif}',
      ':root{--heading: "Display Face", serif}',
    ]);
    for (const f of ['brand serif', 'georgia', 'open sans', 'display face'])
      expect(families.has(f), f).toBe(true);
  });

  it('keeps local() and the best single file of a src list', () => {
    expect(
      chooseFontSource(
        'local("X"), url(x.eot?#iefix) format("embedded-opentype"), url(x.woff) format("woff"), url(x.woff2) format("woff2"), url(x.svg#x) format("svg")',
      ),
    ).toBe('local("X"),url(x.woff2) format("woff2")');
    expect(chooseFontSource('url(a.ttf), url(a.woff)')).toBe('url(a.woff)');
  });

  it('reads unicode-range with wildcards', () => {
    expect(parseUnicodeRange('U+0000-00FF, U+0131, U+4??')).toEqual([
      [0, 0xff],
      [0x131, 0x131],
      [0x400, 0x4ff],
    ]);
  });

  it('drops faces whose family is unused or whose range the page never uses', () => {
    const nodes = parseStylesheet(
      '@font-face{font-family:A;src:url(a.woff2)}@font-face{font-family:B;src:url(b.woff2)}@font-face{font-family:A;src:url(a-greek.woff2);unicode-range:U+0370-03FF}@media print{@font-face{font-family:A;src:url(p.woff2)}}',
    );
    const result = filterFontFaces(
      nodes,
      new Set(['a']),
      new Set([...'Hello'].map((c) => c.codePointAt(0) ?? 0)),
    );
    expect(serializeStylesheet(result.nodes)).toBe(
      '@font-face{font-family:A;src:url(a.woff2)}@media print{@font-face{font-family:A;src:url(p.woff2)}}',
    );
    expect(result.removed).toBe(2);
  });
});
