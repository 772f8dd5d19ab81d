// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { inlineArticleImages, inlinedImagesOf } from '../../../core/save-job/article-images';
import { linkLocalCopies } from '../../../core/save-job/link-sources';
import { HASH_PLACEHOLDER, sealDocument, verifySnapshotHash } from '../../../core/snapshot/hash';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

/** A sealed document with the builder's two hash slots (header comment and meta). */
async function sealed(body: string): Promise<{ html: string; sha256: string }> {
  const head = `<!DOCTYPE html>\n<!--\n Saved by Cited\n sha256: ${HASH_PLACEHOLDER}\n-->\n<html><head><meta name="cited:sha256" content="`;
  const html = `${head}${HASH_PLACEHOLDER}"><title>Story</title></head><body>${body}</body></html>`;
  return sealDocument(html, [head.indexOf(HASH_PLACEHOLDER), head.length]);
}

const LIBRARY = 'chrome-extension://abc/library.html';

describe('linkLocalCopies', () => {
  it('points each saved source’s links at its copy, keeps the original address, and seals the file again', async () => {
    const article = await sealed(
      '<p>As <a href="https://herald.example/story">the Herald</a> and <a href="https://herald.example/story#quote">it again</a> said, <a href="https://other.example/">not saved</a>. Digest 0000000000000000000000000000000000000000000000000000000000000000 in text.</p>',
    );
    const result = await linkLocalCopies(
      article.html,
      [
        {
          url: 'https://herald.example/story',
          href: `${LIBRARY}#/snapshot/s1`,
          savedAt: '2026-03-12T10:00:00.000Z',
        },
      ],
      parse,
    );
    expect(result.linked).toBe(2);
    expect(result.sha256).not.toBe(article.sha256);
    expect(await verifySnapshotHash(result.html)).toMatchObject({ ok: true, recorded: result.sha256 });
    const doc = parse(result.html);
    const links = Array.from(doc.querySelectorAll('a'));
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      `${LIBRARY}#/snapshot/s1`,
      `${LIBRARY}#/snapshot/s1`,
      'https://other.example/',
    ]);
    expect(links[0]?.getAttribute('data-originalurl')).toBe('https://herald.example/story');
    expect(links[1]?.getAttribute('data-originalurl')).toBe('https://herald.example/story#quote');
    expect(links[0]?.getAttribute('data-versionurl')).toBe(`${LIBRARY}#/snapshot/s1`);
    expect(links[0]?.getAttribute('data-versiondate')).toBe('2026-03-12');
    expect(links[2]?.hasAttribute('data-originalurl')).toBe(false);
    // The header comment and page text survive; only the digest's own slots changed.
    expect(result.html.startsWith('<!DOCTYPE html>\n<!--\n Saved by Cited\n sha256: ')).toBe(true);
    expect(result.html).toContain(`Digest ${'0'.repeat(64)} in text.`);
  });

  it('writes the file back as compactly as the builder did, whitespace that is content kept', async () => {
    const article = await sealed(
      '<p class=lead>See <a href=https://herald.example/story>the Herald</a>.</p><pre>  two  spaces\n  and a line</pre>',
    );
    const result = await linkLocalCopies(
      article.html,
      [
        {
          url: 'https://herald.example/story',
          href: `${LIBRARY}#/snapshot/s1`,
          savedAt: '2026-03-12T10:00:00Z',
        },
      ],
      parse,
    );
    expect(result.linked).toBe(1);
    expect(result.html).toContain('<p class=lead>');
    expect(result.html).toContain('<pre>  two  spaces\n  and a line</pre>');
    expect(await verifySnapshotHash(result.html)).toMatchObject({ ok: true });
  });

  it('leaves a document without matching links exactly as it was', async () => {
    const article = await sealed('<p><a href="https://other.example/">elsewhere</a></p>');
    const result = await linkLocalCopies(
      article.html,
      [
        {
          url: 'https://herald.example/story',
          href: `${LIBRARY}#/snapshot/s1`,
          savedAt: '2026-03-12T10:00:00Z',
        },
      ],
      parse,
    );
    expect(result).toEqual({ html: article.html, sha256: article.sha256, linked: 0 });
  });
});

describe('inlineArticleImages', () => {
  const inlined = new Map([
    ['https://news.example/img/a.png', 'data:image/png;base64,AAAA'],
    ['https://cdn.example/b-640.jpg', 'data:image/jpeg;base64,BBBB'],
  ]);

  it('gives each article image the copy the snapshot inlined, wherever the page kept its address', () => {
    const { html, inlined: count } = inlineArticleImages(
      '<p><img src="/img/a.png" alt="a"></p><p><img src="data:image/gif;base64,R0lG" data-srcset="https://cdn.example/b-320.jpg 320w, https://cdn.example/b-640.jpg 640w" alt="b"></p><p><img src="https://elsewhere.example/c.png" alt="c"></p>',
      'https://news.example/story',
      inlined,
      parse,
    );
    expect(count).toBe(2);
    const doc = parse(html);
    const images = Array.from(doc.querySelectorAll('img'));
    expect(images.map((img) => img.getAttribute('src'))).toEqual([
      'data:image/png;base64,AAAA',
      'data:image/jpeg;base64,BBBB',
      'https://elsewhere.example/c.png',
    ]);
    expect(images[1]?.hasAttribute('data-srcset')).toBe(false);
    expect([...inlinedImagesOf(html).keys()]).toEqual([
      'data:image/png;base64,AAAA',
      'data:image/jpeg;base64,BBBB',
    ]);
  });

  it('returns the article untouched when the snapshot inlined nothing it shows', () => {
    const content = '<p><img src="https://elsewhere.example/c.png"></p>';
    expect(inlineArticleImages(content, 'https://news.example/', inlined, parse)).toEqual({
      html: content,
      inlined: 0,
    });
    expect(inlinedImagesOf(null).size).toBe(0);
  });
});
