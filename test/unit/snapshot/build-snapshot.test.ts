import { describe, expect, it } from 'vitest';
import {
  buildSnapshot,
  prepareSnapshotDocument,
  recordedHash,
  serializeDocument,
  sha256Hex,
  verifySnapshotHash,
} from '../../../core/snapshot';
import {
  fixedNow,
  fixtureDocument,
  fixtureSite,
  makePng,
  parseSnapshot,
  pngSizeOf,
  quietDom,
  SITE,
} from './helpers';

const page = (body: string, head = '') =>
  quietDom(
    `<!DOCTYPE html><html><head><title>T</title>${head}</head><body>${body}</body></html>`,
    `${SITE}page.html`,
  ).window.document;

describe('the snapshot document', () => {
  it('records the original URL, the capture time and a SHA-256 a verifier can recompute', async () => {
    const result = await buildSnapshot({
      document: page('<p>Hello</p>'),
      url: `${SITE}page.html?x=1#top`,
      fetchResource: fixtureSite().fetchResource,
      now: fixedNow,
    });
    const doc = parseSnapshot(result.html);
    expect(doc.querySelector('meta[name="cited:original-url"]')?.getAttribute('content')).toBe(
      `${SITE}page.html?x=1#top`,
    );
    expect(doc.querySelector('meta[name="cited:saved-at"]')?.getAttribute('content')).toBe(
      '2024-05-01T12:34:56.000Z',
    );
    expect(result.savedAt).toBe('2024-05-01T12:34:56.000Z');
    expect(recordedHash(result.html)).toBe(result.sha256);
    expect(result.html.startsWith('<!DOCTYPE html>\n<!--\n Saved by Cited')).toBe(true);
    expect(result.html).toContain(` sha256: ${result.sha256}\n`);
    // The rule, done by hand: the digest of the file with the digest replaced by zeros.
    const zeroed = result.html.split(result.sha256).join('0'.repeat(64));
    expect(await sha256Hex(zeroed)).toBe(result.sha256);
    expect(result.bytes).toBe(new TextEncoder().encode(result.html).length);
    expect(await verifySnapshotHash(result.html)).toEqual({
      ok: true,
      recorded: result.sha256,
      computed: result.sha256,
    });
  });

  it('detects a single changed character', async () => {
    const result = await buildSnapshot({
      document: page('<p>The minister said yes.</p>'),
      url: `${SITE}page.html`,
      fetchResource: fixtureSite().fetchResource,
      now: fixedNow,
    });
    const tampered = result.html.replace('said yes', 'said no.');
    const check = await verifySnapshotHash(tampered);
    expect(check.ok).toBe(false);
    expect(check.recorded).toBe(result.sha256);
    expect(check.computed).not.toBe(result.sha256);
    expect((await verifySnapshotHash('<html><body>no hash</body></html>')).ok).toBe(false);
  });

  it('gives the same bytes for the same page and time', async () => {
    const build = () =>
      buildSnapshot({
        document: fixtureDocument('images.html'),
        url: `${SITE}images.html`,
        fetchResource: fixtureSite().fetchResource,
        now: fixedNow,
      });
    const [a, b] = await Promise.all([build(), build()]);
    expect(a.sha256).toBe(b.sha256);
    expect(a.html).toBe(b.html);
  });

  it('leaves other tasks their turns between its long stages, and is the same snapshot for it', async () => {
    const build = (pause?: () => Promise<void>) => {
      const document = fixtureDocument('images.html');
      return {
        document,
        result: buildSnapshot({
          document,
          url: `${SITE}images.html`,
          fetchResource: fixtureSite().fetchResource,
          now: fixedNow,
          ...(pause ? { pause } : {}),
        }),
      };
    };
    let turns = 0;
    const paused = build(async () => {
      turns++;
      await new Promise((resolve) => setTimeout(resolve, 0));
      // What another task does to the document meanwhile is not in a snapshot begun before it.
      paused.document.body.insertAdjacentHTML('beforeend', '<p>Written during a turn</p>');
    });
    const [withTurns, straight] = await Promise.all([paused.result, build().result]);
    expect(turns).toBeGreaterThanOrEqual(4);
    expect(withTurns.html).toBe(straight.html);
  });

  it('keeps the character set declaration within the first 1024 bytes', async () => {
    const result = await buildSnapshot({
      document: page('<p>Zürich, 東京</p>'),
      url: `${SITE}${'long-path/'.repeat(40)}page.html`,
      fetchResource: fixtureSite().fetchResource,
      now: fixedNow,
    });
    const head = new TextEncoder().encode(result.html).subarray(0, 1024);
    expect(new TextDecoder().decode(head)).toContain('<meta charset="utf-8">');
    expect(parseSnapshot(result.html).body.textContent).toContain('Zürich, 東京');
  });

  it('keeps a page in quirks mode in quirks mode (no doctype invented)', async () => {
    const doc = quietDom(
      '<html><head><title>Old</title></head><body><p>1999</p></body></html>',
      `${SITE}old.html`,
    );
    const result = await buildSnapshot({
      document: doc.window.document,
      url: `${SITE}old.html`,
      fetchResource: fixtureSite().fetchResource,
      now: fixedNow,
    });
    expect(result.html.startsWith('<!--')).toBe(true);
    expect(parseSnapshot(result.html).compatMode).toBe('BackCompat');
  });

  it('keeps in-page anchors relative so they scroll the snapshot', async () => {
    const result = await buildSnapshot({
      document: page(
        '<a id="a" href="#notes">notes</a><a id="b" href="other.html#x">other</a><h2 id="notes">Notes</h2>',
      ),
      url: `${SITE}page.html`,
      fetchResource: fixtureSite().fetchResource,
      now: fixedNow,
    });
    const doc = parseSnapshot(result.html);
    expect(doc.getElementById('a')?.getAttribute('href')).toBe('#notes');
    expect(doc.getElementById('b')?.getAttribute('href')).toBe(`${SITE}other.html#x`);
  });

  it('refuses an address that is not a URL, with a clear error', async () => {
    await expect(
      buildSnapshot({
        document: page(''),
        url: 'not a url',
        fetchResource: fixtureSite().fetchResource,
        now: fixedNow,
      }),
    ).rejects.toMatchObject({ code: 'invalid-url' });
  });
});

describe('fetching resources', () => {
  it('fetches each URL once, never more than the concurrency limit at a time', async () => {
    const images = Array.from(
      { length: 30 },
      (_, i) => `<img src="/img/p${i % 15}-${10 + (i % 15)}x10.png">`,
    ).join('');
    const site = fixtureSite({}, 5);
    await buildSnapshot({
      document: page(images),
      url: `${SITE}page.html`,
      fetchResource: site.fetchResource,
      now: fixedNow,
      concurrency: 4,
    });
    expect(site.calls).toHaveLength(15);
    expect(new Set(site.calls.map((c) => c.url)).size).toBe(15);
    expect(site.maxInFlight()).toBeLessThanOrEqual(4);
    expect(site.maxInFlight()).toBeGreaterThan(1);
  });

  it('refuses resources over the per-resource cap and over the total cap, and says so', async () => {
    const big = makePng(400, 400, [10, 20, 30]);
    const site = fixtureSite({ [`${SITE}big.png`]: { bytes: big, contentType: 'image/png' } });
    const result = await buildSnapshot({
      document: page('<img id="big" src="/big.png"><img id="small" src="/img/s-20x20.png">'),
      url: `${SITE}page.html`,
      fetchResource: site.fetchResource,
      now: fixedNow,
      maxResourceBytes: big.length - 1,
    });
    expect(result.failures).toEqual([
      {
        url: `${SITE}big.png`,
        kind: 'image',
        reason: expect.stringMatching(/^larger than [\d.]+ (B|kB|MB)/),
      },
    ]);
    const doc = parseSnapshot(result.html);
    expect(doc.getElementById('big')?.hasAttribute('src')).toBe(false);
    expect(pngSizeOf(doc.getElementById('small')?.getAttribute('src'))).toBe('20x20');

    const total = await buildSnapshot({
      document: page(
        '<img src="/img/a-300x300.png"><img src="/img/b-300x301.png"><img src="/img/c-300x302.png">',
      ),
      url: `${SITE}page.html`,
      fetchResource: fixtureSite().fetchResource,
      now: fixedNow,
      maxTotalBytes: makePng(300, 300).length * 2,
    });
    expect(total.failures.length).toBeGreaterThanOrEqual(1);
    expect(total.failures[0]?.reason).toMatch(/snapshot size cap reached/);
    expect(total.resources.count).toBeLessThanOrEqual(2);
  });

  it('turns a fetcher error into a listed failure, and refuses HTML served as an image', async () => {
    const site = fixtureSite({
      [`${SITE}soft404.png`]: {
        bytes: new TextEncoder().encode('<!doctype html><p>Not found'),
        contentType: 'text/html',
      },
    });
    const result = await buildSnapshot({
      document: page('<img src="/soft404.png"><img src="/explodes.png">'),
      url: `${SITE}page.html`,
      fetchResource: async (url, kind, options) => {
        if (url.endsWith('explodes.png')) throw new Error('connection reset');
        return site.fetchResource(url, kind, options);
      },
      now: fixedNow,
    });
    expect(result.failures).toEqual(
      expect.arrayContaining([
        { url: `${SITE}soft404.png`, kind: 'image', reason: 'not an image (text/html)' },
        { url: `${SITE}explodes.png`, kind: 'image', reason: 'connection reset' },
      ]),
    );
  });

  it('passes the size cap to the fetcher so it can stop reading early', async () => {
    const seen: number[] = [];
    await buildSnapshot({
      document: page('<img src="/img/a-10x10.png">'),
      url: `${SITE}page.html`,
      fetchResource: async (url, kind, options) => {
        seen.push(options.maxBytes);
        return fixtureSite().fetchResource(url, kind, options);
      },
      now: fixedNow,
      maxResourceBytes: 1234,
    });
    expect(seen).toEqual([1234]);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    const pending = buildSnapshot({
      document: page('<img src="/img/a-10x10.png">'),
      url: `${SITE}page.html`,
      fetchResource: async (url, kind, options) => {
        controller.abort();
        return fixtureSite().fetchResource(url, kind, options);
      },
      now: fixedNow,
      signal: controller.signal,
    });
    await expect(pending).rejects.toMatchObject({ code: 'cancelled' });
  });
});

describe('live state of the page', () => {
  it('bakes typed form values into the snapshot, never a password', async () => {
    const doc = fixtureDocument('forms.html');
    (doc.getElementById('q') as HTMLInputElement).value = 'typed query';
    (doc.getElementById('pw') as HTMLInputElement).value = 'hunter2';
    (doc.getElementById('cb') as HTMLInputElement).checked = true;
    (doc.getElementById('r2') as HTMLInputElement).checked = true;
    (doc.getElementById('sel') as HTMLSelectElement).selectedIndex = 2;
    (doc.getElementById('ta') as HTMLTextAreaElement).value = 'typed text';
    const result = await buildSnapshot({
      document: doc,
      url: `${SITE}forms.html`,
      fetchResource: fixtureSite().fetchResource,
      now: fixedNow,
    });
    const out = parseSnapshot(result.html);
    expect((out.getElementById('q') as HTMLInputElement).value).toBe('typed query');
    expect(result.html).not.toContain('hunter2');
    expect((out.getElementById('cb') as HTMLInputElement).checked).toBe(true);
    expect((out.getElementById('r1') as HTMLInputElement).checked).toBe(false);
    expect((out.getElementById('r2') as HTMLInputElement).checked).toBe(true);
    expect((out.getElementById('sel') as HTMLSelectElement).value).toBe('three');
    expect((out.getElementById('ta') as HTMLTextAreaElement).value).toBe('typed text');
    expect(out.getElementById('search')?.getAttribute('action')).toBe(`${SITE}search`);
    // The reader's page itself is left as it was.
    expect((doc.getElementById('q') as HTMLInputElement).getAttribute('value')).toBe('initial');
  });

  it('survives the trip from the content script: prepare, serialise, parse elsewhere, build', async () => {
    const live = quietDom(
      `<!DOCTYPE html><html><head><title>Live</title><style></style></head><body>
        <input id="name" value=""><img id="hero" src="/img/small-100x50.png" srcset="/img/small-100x50.png 1x, /img/big-200x100.png 2x">
        <div id="hidden" style="display:none"><img src="/img/hidden-10x10.png"></div><p>Visible</p></body></html>`,
      `${SITE}live.html`,
    );
    const window = live.window;
    (window.document.getElementById('name') as HTMLInputElement).value = 'Ada';
    // jsdom has no layout: pretend the browser chose the 2x candidate and the reader scrolled.
    Object.defineProperty(window.document.getElementById('hero'), 'currentSrc', {
      value: `${SITE}img/big-200x100.png`,
    });
    Object.defineProperty(window, 'scrollY', { value: 640 });
    const prepared = serializeDocument(prepareSnapshotDocument(window.document));
    expect(prepared.startsWith('<!DOCTYPE html>')).toBe(true);

    const parsed = new window.DOMParser().parseFromString(prepared, 'text/html');
    const result = await buildSnapshot({
      document: parsed,
      url: `${SITE}live.html`,
      fetchResource: fixtureSite().fetchResource,
      now: fixedNow,
    });
    const out = parseSnapshot(result.html);
    expect((out.getElementById('name') as HTMLInputElement).value).toBe('Ada');
    expect(pngSizeOf(out.getElementById('hero')?.getAttribute('srcset')?.split(' ')[0])).toBe('200x100');
    expect(out.getElementById('hero')?.getAttribute('srcset')).toMatch(/ 2x$/);
    expect(out.documentElement.getAttribute('data-cited-scroll-y')).toBe('640');
    expect(out.getElementById('hidden')).toBeNull();
    expect(result.removed.hiddenElements).toBe(1);
    expect(out.body.textContent).toContain('Visible');
    expect(out.querySelector('[data-cited-current-src]')).toBeNull();
  });
});
