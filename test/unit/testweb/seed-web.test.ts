import { readFile } from 'node:fs/promises';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hasShared } from '../../web/paths';
import { startTestWeb, type TestWeb } from '../../web/server';
import { corpusPages, corpusSite, servedCorpusPages } from '../../web/sites/corpus';
import { readSeedArticle, seedArticleUrl, seedSite } from '../../web/sites/seed';
import {
  newburyportnewsUrl,
  seedSourceSites,
  thelocalUrl,
  wickedlocalUrl,
} from '../../web/sites/seed-sources';

const seedHere = hasShared('fixtures/seed/article-fragment.txt');
const corpusHere = hasShared('corpus/readability/original-urls.json');

let web: TestWeb;
beforeAll(async () => {
  web = await startTestWeb({
    sites: [seedSite(), ...seedSourceSites(), ...(corpusHere ? [corpusSite()] : [])],
  });
});
afterAll(() => web.close());

describe.skipIf(!seedHere)('the seed site (needs ../shared/fixtures/seed)', () => {
  test('serves the captured article unchanged at its real address, in a full page', async () => {
    const response = await web.fetch(seedArticleUrl);
    expect(response.status).toBe(200);
    const html = await response.text();
    const seed = readSeedArticle();
    expect(html).toContain(seed.articleHtml);
    const document = new JSDOM(html).window.document;
    expect(document.querySelector('h1')?.textContent).toBe(seed.title);
    expect(document.querySelector('#main-nav')).not.toBeNull();
    expect(document.querySelector('#sidebar')).not.toBeNull();
  });

  test('serves the pictures the article shows as real PNGs', async () => {
    const response = await web.fetch('https://www.deepdotweb.com/imgs/2017/08/lu2n-nemecka_policia-jpg.jpeg');
    expect(response.headers.get('content-type')).toBe('image/png');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([660, 300]);
  });

  test('answers its own pages but an honest 404 at a made-up address beside them', async () => {
    expect((await web.fetch('https://www.deepdotweb.com/tag/bka/')).status).toBe(200);
    expect((await web.fetch('https://www.deepdotweb.com/tag/qzxkvwpjlm/')).status).toBe(404);
    expect((await web.fetch('https://www.deepdotweb.com/2017/07/20/qzxkvwpjlm/')).status).toBe(404);
  });

  test('in its seized era answers every address with one seizure notice', async () => {
    const seized = await startTestWeb({ sites: [seedSite({ era: 'seized' })] });
    try {
      const pages = await Promise.all(
        [seedArticleUrl, 'https://www.deepdotweb.com/', 'https://www.deepdotweb.com/qzxkvwpjlm'].map(
          async (u) => {
            const response = await seized.fetch(u);
            return [response.status, await response.text()] as const;
          },
        ),
      );
      expect(new Set(pages.map(([status]) => status))).toEqual(new Set([200]));
      expect(new Set(pages.map(([, body]) => body)).size).toBe(1);
      expect(pages[0]?.[1]).toContain('This website has been seized');
    } finally {
      await seized.close();
    }
  });
});

describe("the seed's sources as they fared", () => {
  test('thelocal.de still serves the article', async () => {
    const response = await web.fetch(thelocalUrl);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Police stage nationwide raids against child porn suspects');
  });

  test('wickedlocal.com sends the old article address to its home page', async () => {
    const first = await web.fetch(wickedlocalUrl, { redirect: 'manual' });
    expect(first.status).toBe(301);
    const second = await web.fetch(first.headers.get('location') as string, { redirect: 'manual' });
    expect(second.status).toBe(301);
    expect(second.headers.get('location')).toBe('/');
    expect((await web.fetch(wickedlocalUrl)).url).toBe('https://www.wickedlocal.com/');
  });

  test('newburyportnews.com answers 404 for the cited article', async () => {
    const response = await web.fetch(newburyportnewsUrl);
    expect(response.status).toBe(404);
    expect(response.url).toBe(newburyportnewsUrl.replace('http:', 'https:'));
  });
});

describe.skipIf(!corpusHere)('the corpus site (needs ../shared/corpus)', () => {
  test('serves every page listed in original-urls.json at its original address, byte for byte', async () => {
    const served = servedCorpusPages();
    // Every address of the list is served (two folders share one address: the first listed is served there).
    expect(new Set(served.map((p) => p.url))).toEqual(new Set(corpusPages().map((p) => p.url)));
    for (const page of served) {
      const response = await web.fetch(page.url);
      expect(response.status, page.name).toBe(200);
      expect(Buffer.from(await response.arrayBuffer()).equals(await readFile(page.file)), page.name).toBe(
        true,
      );
    }
  });

  test('serves the pictures a page lazy-loads from a CDN, and 404s elsewhere', async () => {
    const lazy = corpusPages().find((p) => p.name === 'lazy-image-1');
    expect(lazy).toBeDefined();
    const image = await web.fetch('https://miro.medium.com/max/126/1*_LkVyEmY2-W1rlZD2__W5g.jpeg');
    expect(image.headers.get('content-type')).toBe('image/png');
    expect((await web.fetch(new URL('/qzxkvwpjlm', lazy?.url))).status).toBe(404);
  });
});
