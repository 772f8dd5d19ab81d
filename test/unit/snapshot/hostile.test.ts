import { readFileSync } from 'node:fs';
import path from 'node:path';
import DOMPurify from 'dompurify';
import { JSDOM, VirtualConsole } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSnapshot, findActiveContent, SNAPSHOT_CSP, verifySnapshotHash } from '../../../core/snapshot';
import type { SnapshotResult } from '../../../core/snapshot/types';
import { isScriptUrl } from '../../../core/snapshot/url';
import { fixedNow, fixtureDocument, fixtureSite, parseSnapshot, SITE, siteDir } from './helpers';

const text = (body: string) => ({ bytes: new TextEncoder().encode(body), contentType: 'text/css' });

describe('a hostile page', () => {
  let result: SnapshotResult;
  let doc: Document;
  let site: ReturnType<typeof fixtureSite>;
  let input: Document;
  let inputBefore: string;

  beforeAll(async () => {
    site = fixtureSite({
      // <base href> sends the page's relative stylesheet to the hostile host.
      'https://evil.example/css/evil.css': text(
        `.a{background:url(https://evil.example/a-12x12.png)} .f{content:"</style><script>canary('css file')</script><style>"}`,
      ),
      'https://evil.example/first.css': text('.first{color:blue}'),
      'https://evil.example/late.css': text('.late{color:green}'),
    });
    input = fixtureDocument('hostile.html');
    inputBefore = input.documentElement.outerHTML;
    result = await buildSnapshot({
      document: input,
      url: `${SITE}hostile.html`,
      fetchResource: site.fetchResource,
      now: fixedNow,
    });
    doc = parseSnapshot(result.html);
  });

  it('leaves the page it was given untouched', () => {
    expect(input.documentElement.outerHTML).toBe(inputBefore);
  });

  it('contains no script, handler, script URL, frame, plugin or meta refresh', () => {
    const report = findActiveContent(doc);
    expect(report).toEqual({
      scripts: 0,
      eventHandlers: [],
      scriptUrls: [],
      embeds: 0,
      metaRefresh: 0,
      externalResources: [],
    });
    expect(
      doc.querySelectorAll('base, noscript, template:not([shadowrootmode]), object, embed, param'),
    ).toHaveLength(0);
    expect(result.removed.scripts).toBeGreaterThanOrEqual(3);
    expect(result.removed.eventHandlers).toBeGreaterThanOrEqual(8);
  });

  it('removes every javascript:/vbscript: URL however it is spelled, and data: navigations', () => {
    for (const el of Array.from(doc.querySelectorAll('*'))) {
      for (const name of el.getAttributeNames()) {
        expect(isScriptUrl(el.getAttribute(name) ?? ''), `${el.localName}[${name}]`).toBe(false);
      }
    }
    for (const id of ['js1', 'js2', 'js3', 'js4', 'vb', 'data-link']) {
      expect(doc.getElementById(id)?.hasAttribute('href'), id).toBe(false);
      expect(doc.getElementById(id)?.textContent, id).not.toBe('');
    }
    expect(doc.getElementById('form')?.hasAttribute('action')).toBe(false);
    expect(doc.getElementById('btn')?.hasAttribute('formaction')).toBe(false);
    expect(result.html).not.toMatch(/javascript\s*:/i);
  });

  it('makes URLs absolute against the page <base> and then drops <base>', () => {
    expect(doc.getElementById('rel')?.getAttribute('href')).toBe('https://evil.example/base/story.html');
    expect(doc.getElementById('rel')?.hasAttribute('ping')).toBe(false);
    expect(doc.getElementById('external')?.getAttribute('href')).toBe('https://example.org/real');
  });

  it('opens with the Content-Security-Policy as the first element of <head>', () => {
    const first = doc.head.firstElementChild;
    expect(first?.localName).toBe('meta');
    expect(first?.getAttribute('http-equiv')).toBe('Content-Security-Policy');
    expect(first?.getAttribute('content')).toBe(SNAPSHOT_CSP);
    expect(SNAPSHOT_CSP).toContain("default-src 'none'");
    expect(SNAPSHOT_CSP).toContain("form-action 'none'");
    expect(SNAPSHOT_CSP).toContain("base-uri 'none'");
    const policies = doc.querySelectorAll('meta[http-equiv="Content-Security-Policy" i]');
    expect(policies).toHaveLength(1);
    expect(doc.querySelector('meta[http-equiv="Set-Cookie" i], meta[http-equiv="refresh" i]')).toBeNull();
  });

  it('keeps no external URL in src, srcset, stylesheet links or CSS url()', () => {
    for (const el of Array.from(doc.querySelectorAll('[src], [srcset], [poster]'))) {
      for (const name of ['src', 'srcset', 'poster']) {
        const value = el.getAttribute(name);
        if (value !== null) expect(value, `${el.localName}[${name}]`).toMatch(/^data:|^$/);
      }
    }
    expect(
      doc.querySelector('link[rel~="stylesheet"], link[rel="preload"], link[rel="prefetch"]'),
    ).toBeNull();
    const css = [
      ...Array.from(doc.querySelectorAll('style'), (s) => s.textContent ?? ''),
      ...Array.from(doc.querySelectorAll('[style]'), (e) => e.getAttribute('style') ?? ''),
    ].join('\n');
    for (const m of css.matchAll(/url\(\s*["']?([^"')]*)/g)) expect(m[1]).toMatch(/^(data:|#)/);
  });

  it('strips CSS that binds behaviour or runs code', () => {
    const css = Array.from(doc.querySelectorAll('style'), (s) => s.textContent ?? '').join('\n');
    expect(css).not.toMatch(/expression\s*\(/i);
    expect(css).not.toMatch(/-moz-binding/i);
    expect(css).not.toMatch(/behavior\s*:/i);
    expect(css).toContain('.first{color:blue}');
  });

  it('cannot be broken out of through a stylesheet containing </style>', () => {
    expect(doc.querySelectorAll('script')).toHaveLength(0);
    const css = Array.from(doc.querySelectorAll('style'), (s) => s.textContent ?? '').join('\n');
    expect(css).toContain("<\\/style><script>canary('css file')");
  });

  it('requests nothing but images and stylesheets (no scripts, frames, plugins, prefetches, pings, late @import)', () => {
    for (const call of site.calls) expect(['image', 'stylesheet']).toContain(call.kind);
    const urls = site.calls.map((c) => c.url).join('\n');
    for (const never of [
      'x.js',
      'm.js',
      'preload',
      '/next',
      'mod.js',
      'manifest',
      'import.html',
      'frame',
      '.swf',
      'noscript.png',
      'ping',
      'xbl',
      'htc',
      'late.css',
    ]) {
      expect(urls).not.toContain(never);
    }
  });

  it('replaces frames with a link to what they showed', () => {
    const box = doc.getElementById('frame');
    expect(box?.getAttribute('data-cited-removed')).toBe('iframe');
    expect(box?.textContent).toContain('Embedded content not saved');
    expect(box?.querySelector('a')?.getAttribute('href')).toBe('https://evil.example/frame');
    expect(box?.getAttribute('style')).toContain('width:300px');
    expect(doc.querySelector('[srcdoc]')).toBeNull();
  });

  it('cleans declarative shadow roots too', () => {
    const template = doc.querySelector('#shadow-host > template[shadowrootmode]');
    const content = (template as HTMLTemplateElement | null)?.content;
    expect(content?.querySelector('p')?.textContent).toBe('shadow');
    expect(content?.querySelector('script')).toBeNull();
    expect(content?.querySelector('[onclick], [onerror]')).toBeNull();
  });

  /** Loads HTML in an engine that runs scripts and handlers, pokes every element, returns what ran. */
  async function canaryCalls(html: string): Promise<string[]> {
    const calls: string[] = [];
    const dom = new JSDOM(html, {
      runScripts: 'dangerously',
      virtualConsole: new VirtualConsole(),
      beforeParse(window) {
        (window as unknown as { canary: (what: string) => void }).canary = (what) => calls.push(what);
      },
    });
    const { document, Event, MouseEvent } = dom.window;
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const type of ['click', 'mouseover', 'load', 'error', 'toggle', 'pageshow']) {
        el.dispatchEvent(type === 'click' || type === 'mouseover' ? new MouseEvent(type) : new Event(type));
      }
    }
    dom.window.dispatchEvent(new Event('load'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    dom.window.close();
    return calls;
  }

  it('the canary does fire on the original page', async () => {
    const original = readFileSync(path.join(siteDir, 'hostile.html'), 'utf8');
    expect((await canaryCalls(original)).length).toBeGreaterThan(3);
  });

  it('runs nothing even in an engine that ignores the CSP (canary)', async () => {
    expect(await canaryCalls(result.html)).toEqual([]);
  });

  it('passes DOMPurify without it finding a script or handler to remove', () => {
    const purify = DOMPurify(new JSDOM('').window as unknown as Parameters<typeof DOMPurify>[0]);
    purify.sanitize(result.html, {
      WHOLE_DOCUMENT: true,
      ADD_TAGS: ['meta', 'link', 'style'],
      ADD_ATTR: ['content', 'http-equiv'],
    });
    const dangerous = purify.removed.filter((entry) => {
      const e = entry as { element?: Element; attribute?: Attr | null };
      if (e.attribute) return /^on/i.test(e.attribute.name) || isScriptUrl(e.attribute.value);
      return e.element?.localName === 'script' || e.element?.localName === 'iframe';
    });
    expect(dangerous).toEqual([]);
  });

  it('records a hash that verifies', async () => {
    expect((await verifySnapshotHash(result.html)).ok).toBe(true);
  });
});
