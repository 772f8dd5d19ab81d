import { describe, expect, it } from 'vitest';
import { buildSnapshot, prepareSnapshotDocument, serializeDocument } from '../../../core/snapshot';
import { fixedNow, fixtureSite, parseSnapshot, pngSizeOf, quietDom, SITE } from './helpers';

/**
 * A page as a browser with scripting on holds it: every `<noscript>` has its markup as one raw text node
 * (jsdom parses with scripting off, so the text is put in by hand, as Chromium's parser would have left it).
 */
function scriptedPage() {
  const { window } = quietDom(
    `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Whales</title><noscript></noscript>
      <meta name="description" content="What is the sea telling us?"><link rel="canonical" href="${SITE}whales"></head>
      <body><p>The story of the strandings.</p><img id="hero" class="lazy" src="${SITE}img/placeholder.gif"><noscript></noscript></body></html>`,
    `${SITE}whales`,
  );
  const [inHead, inBody] = Array.from(window.document.querySelectorAll('noscript'));
  (inHead as Element).textContent =
    '<link rel="stylesheet" href="https://cdn.example/nojs.css"><img src="https://pixel.example/p.gif" width="1" height="1">Turn on JavaScript';
  (inBody as Element).textContent = `<img src="${SITE}img/whales-640x360.png">`;
  return window;
}

describe('preparing the live page for the builder', () => {
  it('keeps a <noscript> in <head> from spilling into the body of the page the builder parses', () => {
    const window = scriptedPage();
    const html = serializeDocument(prepareSnapshotDocument(window.document));
    // What the offscreen document does with it: an inert parse, scripting off.
    const parsed = new window.DOMParser().parseFromString(html, 'text/html');

    expect(parsed.body.textContent?.replace(/\s+/g, ' ').trim()).toBe('The story of the strandings.');
    expect(parsed.body.querySelector('img[src^="https://pixel.example"]')).toBeNull();
    // Everything after the <noscript> is still in <head>.
    expect(parsed.head.querySelector('meta[name="description"]')).not.toBeNull();
    expect(parsed.head.querySelector('link[rel="canonical"]')).not.toBeNull();
    expect(parsed.title).toBe('Whales');
    expect(parsed.head.querySelector('noscript > link')?.getAttribute('href')).toBe(
      'https://cdn.example/nojs.css',
    );
    // The live page is never changed.
    expect(window.document.head.querySelector('noscript')?.textContent).toContain('<link');
  });

  it('turns a body <noscript> back into markup the builder reads lazy images from', async () => {
    const window = scriptedPage();
    const prepared = prepareSnapshotDocument(window.document);
    expect(prepared.body.querySelector('noscript > img')?.getAttribute('src')).toBe(
      `${SITE}img/whales-640x360.png`,
    );

    const parsed = new window.DOMParser().parseFromString(serializeDocument(prepared), 'text/html');
    const result = await buildSnapshot({
      document: parsed,
      url: `${SITE}whales`,
      fetchResource: fixtureSite().fetchResource,
      now: fixedNow,
    });
    const out = parseSnapshot(result.html);
    expect(pngSizeOf(out.getElementById('hero')?.getAttribute('src'))).toBe('640x360');
    expect(out.body.textContent).not.toContain('<');
    expect(out.querySelector('noscript')).toBeNull();
  });

  it('leaves a <noscript> alone when the page was read with scripting off', () => {
    const { window } = quietDom(
      '<!DOCTYPE html><html><head><noscript><style>.js-only{display:none}</style></noscript></head><body><noscript><p>Turn on JavaScript</p></noscript></body></html>',
      `${SITE}plain`,
    );
    const prepared = prepareSnapshotDocument(window.document);
    expect(prepared.head.querySelector('noscript > style')?.textContent).toBe('.js-only{display:none}');
    expect(prepared.body.querySelector('noscript > p')?.textContent).toBe('Turn on JavaScript');
  });

  it('keeps constructed style sheets a Firefox content script sees only through the waived wrapper', () => {
    const { window } = quietDom(
      '<!DOCTYPE html><html><head></head><body><p>Styled</p></body></html>',
      `${SITE}x`,
    );
    // Through Firefox's Xray wrapper the page's array is an opaque object: not iterable, no length.
    const sheet = { cssRules: [{ cssText: 'p { color: red; }' }] };
    Object.defineProperty(window.document, 'adoptedStyleSheets', { value: {} });
    Object.defineProperty(window.document, 'wrappedJSObject', { value: { adoptedStyleSheets: [sheet] } });

    const prepared = prepareSnapshotDocument(window.document);
    expect(prepared.querySelector('style[data-cited-adopted]')?.textContent).toBe('p { color: red; }');
  });

  it('prepares the page when its constructed style sheets cannot be read at all', () => {
    const { window } = quietDom(
      '<!DOCTYPE html><html><head></head><body><p>Styled</p></body></html>',
      `${SITE}x`,
    );
    Object.defineProperty(window.document, 'adoptedStyleSheets', {
      get() {
        throw new Error('denied');
      },
    });

    const prepared = prepareSnapshotDocument(window.document);
    expect(prepared.body.textContent).toBe('Styled');
    expect(prepared.querySelector('style[data-cited-adopted]')).toBeNull();
  });
});
