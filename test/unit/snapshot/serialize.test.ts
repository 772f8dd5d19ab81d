import { describe, expect, it } from 'vitest';
import { buildSnapshot } from '../../../core/snapshot';
import { parseStylesheet } from '../../../core/snapshot/css/parse';
import { serializeElement } from '../../../core/snapshot/serialize';
import { spacePreservingElements, spacePreservingSelectors } from '../../../core/snapshot/whitespace';
import { fixedNow, fixtureSite, parseSnapshot, quietDom, SITE } from './helpers';

const TRICKY = `<!DOCTYPE html><html lang="en"><head><title>A &amp; B</title>
  <style>p > a[href^="https"] { color: red } /* </p> */</style>
  <meta name="description" content="Say &quot;hi&quot; &amp; it's <fine>"></head>
  <body class="  story   lead ">
    <!-- a comment nobody sees -->
    <p id="p1" title='He said "no"' data-empty="" hidden>Fish&nbsp;&amp;&nbsp;chips &lt;3   and
        more    text</p>
    <input value="" disabled><input value="a b"><a href="https://x.example/?a=1&amp;b=2">link</a>
    <pre>
  indented
     code</pre>
    <textarea>

first line was blank</textarea>
    <svg viewBox="0 0 10 10" xmlns:xlink="http://www.w3.org/1999/xlink"><foreignObject width="5"><p>in svg</p></foreignObject>
      <image xlink:href="data:image/png;base64,AAAA" /><text x="1">  spaced   svg  text </text><style>a > b {}</style></svg>
    <math><mi>x</mi></math>
    <template><li>  template   item </li></template>
    <div><template shadowrootmode="open"><slot></slot>  <b>  shadow   text </b></template>light</div>
    <table><tbody><tr><td>cell</td></tr></tbody></table>
    <noscript>&lt;img src=x&gt;</noscript>
  </body></html>`;

/** A canonical view of a tree: comments dropped; with `collapse`, whitespace runs as the browser renders them. */
function canonical(node: Node, collapse: boolean, preserve = false): string {
  let out = '';
  let text: string | null = null;
  const flush = () => {
    if (text !== null) out += `"${collapse && !preserve ? text.replace(/[\t\n\f\r ]+/g, ' ') : text}"`;
    text = null;
  };
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 8) continue;
    if (child.nodeType === 3) {
      text = (text ?? '') + (child as Text).data;
      continue;
    }
    flush();
    if (child.nodeType !== 1) continue;
    const el = child as Element;
    const attrs = Array.from(el.attributes)
      .map(
        (a) =>
          `${a.name}=${el.localName === 'body' && a.name === 'class' ? a.value.trim().replace(/\s+/g, ' ') : a.value}`,
      )
      .join(',');
    const keep =
      preserve ||
      ['pre', 'textarea'].includes(el.localName) ||
      el.namespaceURI !== 'http://www.w3.org/1999/xhtml';
    const inner = el.localName === 'template' ? (el as HTMLTemplateElement).content : el;
    const shadow = el.localName === 'template' && el.hasAttribute('shadowrootmode');
    out += `<${el.namespaceURI}|${el.localName} ${attrs}>${canonical(inner, collapse, keep || shadow)}</>`;
  }
  flush();
  return out;
}

const parse = (html: string) => parseSnapshot(html);

describe('the snapshot serialiser', () => {
  it('writes what outerHTML writes, parsed back to the same tree', () => {
    const doc = parse(TRICKY);
    const plain = serializeElement(doc.documentElement, { compact: false });
    expect(canonical(parse(plain), false)).toBe(canonical(doc, false));
    // Unlike some engines' outerHTML, the newline a <textarea> starts with survives the round trip.
    expect(parse(plain).querySelector('textarea')?.value).toBe('\nfirst line was blank');
  });

  it('compact: the same tree a reader sees, with comments, whitespace runs and needless quotes gone', () => {
    const doc = parse(TRICKY);
    const compact = serializeElement(doc.documentElement);
    const plain = serializeElement(doc.documentElement, { compact: false });
    expect(canonical(parse(compact), true)).toBe(canonical(doc, true));
    expect(compact.length).toBeLessThan(plain.length * 0.9);
    expect(compact).not.toContain('a comment nobody sees');
    expect(compact).toContain('<p id=p1 title=\'He said "no"\' data-empty hidden>');
    expect(compact).toContain('<body class="story lead">');
    expect(compact).toContain('<input value disabled><input value="a b">');
    expect(compact).toContain('href="https://x.example/?a=1&amp;b=2">');
    // Whitespace that is content stays: <pre>, <textarea> (with the newline the parser drops), SVG, shadow roots.
    expect(compact).toContain('<pre>  indented\n     code</pre>');
    expect(compact).toContain('<textarea>\n\nfirst line was blank</textarea>');
    expect(compact).toContain('>  spaced   svg  text </text>');
    expect(compact).toContain('  <b>  shadow   text </b>');
    expect(compact).toContain('Fish&nbsp;&amp;&nbsp;chips &lt;3 and\nmore text');
    // Raw text stays raw; <noscript> text is escaped, as a browser with scripting off writes it.
    expect(compact).toContain('<style>p > a[href^="https"] { color: red } /* </p> */</style>');
    expect(compact).toContain('<noscript>&lt;img src=x&gt;</noscript>');
    expect(compact).toContain('<image xlink:href=data:image/png;base64,AAAA></image>');
  });

  it('keeps the quotes of the elements it is told to, and the whitespace of the ones it is told to', () => {
    const doc = parse(
      '<html><head><meta name="cited:sha256" content="abc"></head><body><div class="poem">a   b\n\n  c</div><p>a   b</p></body></html>',
    );
    const out = serializeElement(doc.documentElement, {
      keepQuoted: new Set([doc.querySelector('meta') as Element]),
      keepSpace: new Set([doc.querySelector('.poem') as Element]),
    });
    expect(out).toContain('<meta name="cited:sha256" content="abc">');
    expect(out).toContain('<div class=poem>a   b\n\n  c</div><p>a b</p>');
    const untouched = serializeElement(doc.documentElement, { collapseWhitespace: false });
    expect(untouched).toContain('<p>a   b</p>');
  });
});

describe('where the CSS makes whitespace content', () => {
  const doc = parse(
    `<html><body><div class="code">x</div><p class="poem">y</p><span style="white-space: pre-wrap">z</span>
      <p class="plain">w</p><a class="tip">t</a></body></html>`,
  );

  it('finds the elements rules and style attributes preserve it in, under media queries and states', () => {
    const selectors = spacePreservingSelectors(
      parseStylesheet(
        '.code{white-space:pre-wrap} @media (min-width:1px){.poem{white-space: pre-line}} .tip:hover{white-space-collapse:preserve} .plain{white-space:nowrap}',
      ),
    );
    const found = spacePreservingElements(doc, selectors);
    expect([...(found ?? [])].map((el) => el.className || el.localName).sort()).toEqual([
      'code',
      'poem',
      'span',
      'tip',
    ]);
  });

  it('gives up (collapses nothing) when a preserving rule cannot be matched', () => {
    expect(spacePreservingSelectors(parseStylesheet('@scope (.card) { p { white-space: pre } }'))).toBeNull();
    expect(spacePreservingElements(doc, ['::slotted(p)'])).toBeNull();
    expect(spacePreservingElements(doc, null)).toBeNull();
  });
});

describe('a snapshot’s whitespace', () => {
  it('is collapsed where the page renders it collapsed and kept where its CSS preserves it', async () => {
    const page = quietDom(
      `<!DOCTYPE html><html><head><title>T</title><style>.verse { white-space: pre-line }</style></head><body>
          <article>
              <p>Collapsed     words
                   across lines</p>
              <p class="verse">Line one
    Line two</p>
              <pre>  code   block</pre>
          </article>
      </body></html>`,
      `${SITE}ws.html`,
    ).window.document;
    const result = await buildSnapshot({
      document: page,
      url: `${SITE}ws.html`,
      fetchResource: fixtureSite().fetchResource,
      now: fixedNow,
    });
    expect(result.html).toContain('<p>Collapsed words\nacross lines</p>');
    expect(result.html).toContain('<p class=verse>Line one\n    Line two</p>');
    expect(result.html).toContain('<pre>  code   block</pre>');
    expect(result.html).not.toMatch(/\n {2,}<p>/);
    const out = parseSnapshot(result.html);
    const words = (d: Document) => d.body.textContent?.replace(/\s+/g, ' ').trim();
    expect(words(out)).toBe(words(page));
  });
});
