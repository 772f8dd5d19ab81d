import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestWeb, type TestWeb } from '../../web/server';
import { demoArticleTitle, demoByline } from '../../web/sites/demo/article';
import {
  demoArticleUrl,
  demoCitation,
  demoCitations,
  demoHomeUrl,
  demoOutletName,
  demoPublished,
} from '../../web/sites/demo/fates';
import { demoOutletSite } from '../../web/sites/demo/outlet';
import { demoSourceSites } from '../../web/sites/demo/sources';
import { waybackSite } from '../../web/sites/wayback';

let web: TestWeb;
let article: Document;

beforeAll(async () => {
  web = await startTestWeb({ sites: [demoOutletSite(), ...demoSourceSites(), waybackSite()] });
  article = new JSDOM(await (await web.fetch(demoArticleUrl)).text(), { url: demoArticleUrl }).window
    .document;
});
afterAll(() => web.close());

describe('the demo article', () => {
  test('cites exactly the URLs of the fates table, in its body', () => {
    const bodyLinks = [...article.querySelectorAll<HTMLAnchorElement>('.story-body a')].map((a) => a.href);
    expect(new Set(bodyLinks)).toEqual(new Set(demoCitations.map((c) => new URL(c.url).href)));
    expect(bodyLinks).toHaveLength(demoCitations.length);
  });

  test('carries the metadata a reader expects: title, byline, date in JSON-LD, site name', () => {
    expect(article.querySelector('h1')?.textContent).toBe(demoArticleTitle);
    expect(article.querySelector('.byline a[rel=author]')?.textContent).toBe(demoByline);
    expect(article.querySelector('meta[property="og:site_name"]')?.getAttribute('content')).toBe(
      demoOutletName,
    );
    const jsonLd = JSON.parse(
      article.querySelector('script[type="application/ld+json"]')?.textContent ?? '{}',
    );
    expect(jsonLd).toMatchObject({ '@type': 'NewsArticle', datePublished: demoPublished });
    expect(article.querySelector('.story-body')?.textContent).toMatch(
      /“We were told the beaches were being tested/,
    );
  });

  test('has page furniture outside the body: author, tags, share buttons, related posts', () => {
    const outside = [...article.querySelectorAll<HTMLAnchorElement>('a')].filter(
      (a) => !a.closest('.story-body'),
    );
    const hrefs = outside.map((a) => a.href);
    expect(hrefs).toContain('https://www.harbourgazette.example/author/maren-okafor/');
    expect(hrefs).toContain('https://www.harbourgazette.example/tag/water-quality/');
    expect(hrefs.some((h) => h.startsWith('https://www.facebook.com/sharer/'))).toBe(true);
    expect(article.querySelector('.related-posts a')).not.toBeNull();
  });

  test('its pictures are real images', async () => {
    for (const img of article.querySelectorAll<HTMLImageElement>('img')) {
      const response = await web.fetch(img.src);
      expect(response.status, img.src).toBe(200);
      expect(response.headers.get('content-type'), img.src).toMatch(/^image\/(svg\+xml|png)$/);
    }
  });

  test('the outlet also has a home page that lists stories rather than being one', async () => {
    const home = new JSDOM(await (await web.fetch(demoHomeUrl)).text()).window.document;
    expect(home.querySelector('article')).toBeNull();
    expect(home.querySelectorAll('.story-list li').length).toBeGreaterThanOrEqual(3);
  });
});

describe('every cited host plays the fate the table gives it', () => {
  test.each(demoCitations.map((c) => [c.id, c] as const))('%s', async (_id, citation) => {
    const { firstResponse } = citation;
    const attempt = web.fetch(citation.url, { redirect: 'manual' });
    if (typeof firstResponse === 'string') {
      await expect(attempt).rejects.toThrow();
      expect(
        web.requests.some(
          (r) => r.url.startsWith(new URL(citation.url).origin) && r.connection === firstResponse,
        ),
      ).toBe(true);
    } else {
      expect((await attempt).status).toBe(firstResponse);
    }
  });

  test('alive and redirected sources end, redirects followed, on a real 200 page', async () => {
    const live = demoCitations.filter((c) => c.status === 'alive' || c.status === 'redirected');
    const statuses = await Promise.all(live.map(async (c) => [c.id, (await web.fetch(c.url)).status]));
    expect(statuses).toEqual(live.map((c) => [c.id, 200]));
  });

  test('soft 404s by redirect land on the site root or a section front', async () => {
    for (const id of ['herald-contract-2024', 'county-weekly-towns']) {
      const response = await web.fetch(demoCitation(id).url);
      expect(response.status).toBe(200);
      expect(new URL(response.url).pathname, id).toMatch(/^\/(news\/)?$/);
    }
  });

  test('whole-site soft 404s answer a random address exactly as they answer the cited one', async () => {
    for (const id of ['newswire-timeline', 'leaked-emails', 'community-timeline', 'maritime-towns']) {
      const cited = await (await web.fetch(demoCitation(id).url)).text();
      const random = await web.fetch(new URL('/qzxkvwpjlmrtbhnydfgcs', demoCitation(id).url));
      expect(random.status, id).toBe(200);
      expect(await random.text(), id).toBe(cited);
    }
  });

  test('live sources answer a random address beside them differently from the cited page', async () => {
    // The herald sends unknown story addresses to its news front; the others answer an honest 404.
    const expected = { 'herald-closures': 301, 'state-guidance': 404, 'harbourmaster-post': 404 };
    for (const [id, status] of Object.entries(expected)) {
      const probe = new URL('qzxkvwpjlmrtbhnydfgcs', demoCitation(id).url);
      expect((await web.fetch(probe, { redirect: 'manual' })).status, id).toBe(status);
    }
  });

  test('the bot wall, rate limit and PDF carry the headers checkers look at', async () => {
    const wall = await web.fetch(demoCitation('record-investigation').url);
    expect(wall.headers.get('cf-mitigated')).toBe('challenge');
    const limited = await web.fetch(demoCitation('open-data-results').url);
    expect(limited.headers.get('retry-after')).toBe('1');
    const pdf = await web.fetch(demoCitation('council-minutes-pdf').url);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });
});
