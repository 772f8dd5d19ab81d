import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { lookupArchivedCopies } from '../../../core/archive/wayback';
import type { Citation } from '../../../core/citations/types';
import { LinkChecker } from '../../../core/linkcheck/checker';
import type { QuoteSourceDeps } from '../../../core/quote-check';
import { checkArticleChanges, checkSourceChange } from '../../../core/source-change';
import { html, redirect, send } from '../../web/respond';
import { startTestWeb, type TestWeb } from '../../web/server';
import type { Site } from '../../web/site';
import { waybackSite } from '../../web/sites/wayback';
import type { ArchivedCopy } from '../../web/sites/wayback-copies';
import { type ArticleContent, articlePage, notFoundPage, page } from '../../web/templates';
import { sourceReadDeps } from '../support/source-reads';

// A fictional site whose pages the local Wayback captured on 2026-02-20, before an article of 2026-03-01 cited them;
// the site has since edited one, kept one, moved one home, put another story at one address and lost one.
const origin = 'https://www.changes.test';
const published = '2026-03-01T09:00:00Z';
const story = (path: string, paragraphs: string[]): ArticleContent => ({
  siteName: 'Harbour Changes',
  title: `Story at ${path}`,
  url: `${origin}${path}`,
  published: '2026-02-18',
  paragraphs,
});
const beachReport = [
  'Volunteers collected 41 samples at North Beach and Quarry Cove between July 2 and August 20, the group said in its summer report.',
  'Twelve of them were above the state limit for enterococci, and the council is expected to vote on a new laboratory contract in October.',
];
const statement = [
  'The harbour office said the beach would stay open while the laboratory contract is renewed.',
  'Swimmers are asked to check the status page before going into the water after heavy rain.',
];
const festival = [
  'The harbour festival returns to the waterfront in August after a year away, with stalls and a regatta.',
  'Tickets go on sale in June and the races will close the harbour mouth for two afternoons.',
];

const then: Record<string, string[]> = {
  '/edited': beachReport,
  '/same': statement,
  '/home': statement,
  '/other': beachReport,
  '/gone': statement,
  '/walled': statement,
};
const now: Record<string, string[]> = {
  '/edited': [beachReport[0]?.replace('41 samples', '14 samples') ?? '', beachReport[1] ?? ''],
  '/same': statement,
  '/other': festival,
};

const copies: ArchivedCopy[] = Object.entries(then).map(([path, paragraphs]) => ({
  url: `${origin}${path}`,
  timestamp: '20260220101500',
  status: 200,
  html: () => articlePage(story(path, paragraphs)),
}));

const sites: Site[] = [
  {
    hosts: ['www.changes.test'],
    handle(_req, res, url) {
      const live = now[url.pathname];
      if (live) return html(res, 200, articlePage(story(url.pathname, live)));
      if (url.pathname === '/')
        return html(res, 200, page({ title: 'Harbour Changes', body: '<h1>Home</h1>' }));
      if (url.pathname === '/home') return redirect(res, 301, '/');
      if (url.pathname === '/walled') return send(res, 403, 'Forbidden');
      return html(res, 404, notFoundPage('Harbour Changes'));
    },
  },
  waybackSite(copies),
];

let web: TestWeb;
beforeAll(async () => {
  web = await startTestWeb({ sites });
});
afterAll(async () => {
  await web.close();
});
beforeEach(() => web.resetLog());

function deps(overrides: Partial<QuoteSourceDeps> = {}): QuoteSourceDeps {
  return sourceReadDeps(web, { thirdParty: true, ...overrides });
}

async function changeOf(path: string, overrides: Partial<QuoteSourceDeps> = {}) {
  const url = `${origin}${path}`;
  const lookup = await lookupArchivedCopies(url, {
    fetch: web.fetch,
    thirdPartyAllowed: true,
    publishedAt: published,
  });
  if (!lookup.beforePublication) throw new Error(`the local Wayback has no copy of ${url}`);
  return checkSourceChange(
    { url, copy: lookup.beforePublication, citedAt: published, citedAtIs: 'publication' },
    deps(overrides),
  );
}

describe('changed since cited, against the archived copy from before publication', () => {
  it('edited: says how much changed and shows the changed words in their sentence', async () => {
    const change = await changeOf('/edited');
    expect(change?.status).toBe('edited');
    expect(change?.passages).toEqual([
      { before: '41', after: '14', marked: 'Volunteers collected [-41-]{+14+} samples at North Beach…' },
    ]);
    expect(change?.summary).toMatch(
      /^The page was edited since the archived copy of 2026-02-20: \d+% of its words changed, in 1 passage\.$/,
    );
    expect(change?.copy).toMatchObject({ date: '2026-02-20T10:15:00Z', citedAtIs: 'publication' });
    // The copy was read in its original bytes: the archive's banner is not a change of the page.
    expect(web.requests.some((request) => /\/web\/20260220101500id_\//.test(request.url))).toBe(true);
  });

  it('unchanged: the same words, whatever the archive adds around its copies', async () => {
    const change = await changeOf('/same');
    expect(change?.status).toBe('unchanged');
    expect(change?.summary).toBe('The page says what the archived copy of 2026-02-20 says: no word changed.');
  });

  it('replaced: the address now leads to the home page', async () => {
    const change = await changeOf('/home');
    expect(change?.status).toBe('replaced');
    expect(change?.summary).toContain(`the site's home page (${origin}/)`);
  });

  it('replaced: another story at the same address', async () => {
    const change = await changeOf('/other');
    expect(change?.status).toBe('replaced');
    expect(change?.summary).toMatch(
      /different text: (none|only \d+%) of what the archived copy of 2026-02-20 says/,
    );
  });

  it('gone: nothing answers there, the archived copy is what remains', async () => {
    const change = await changeOf('/gone');
    expect(change?.status).toBe('gone');
    expect(change?.summary).toMatch(
      /^No page answers at this address any more \(.*404.*\); the archived copy of 2026-02-20 is what remains\.$/,
    );
  });

  it('says nothing about a page it could not read: a bot wall is not a change', async () => {
    expect(await changeOf('/walled')).toBeNull();
  });

  it('never reads an archived copy without third-party lookups', async () => {
    expect(await changeOf('/edited', { thirdParty: false })).toBeNull();
    expect(web.requests.some((request) => /\/web\//.test(request.url))).toBe(false);
  });
});

describe('an article’s sources', () => {
  const citation = (path: string, extra: Partial<Citation> = {}): Citation => ({
    url: `${origin}${path}`,
    domain: 'changes.test',
    registrableDomain: 'changes.test',
    relation: 'external',
    kind: 'news',
    occurrences: [],
    quotes: [],
    ...extra,
  });

  it('compares quoted sources and broken ones, with the link check’s verdict, each page read once', async () => {
    const citations = [
      citation('/edited', { quotes: ['collected 41 samples'] }),
      citation('/gone'),
      citation('/same'),
    ];
    const checker = new LinkChecker({ fetch: web.fetch, redirectMode: 'manual' });
    const results = await Promise.all(citations.map((c) => checker.check(c.url)));
    const archives = [
      await lookupArchivedCopies(`${origin}/gone`, {
        fetch: web.fetch,
        thirdPartyAllowed: true,
        publishedAt: published,
      }),
    ];
    web.resetLog();
    const reads = new Map();
    const changes = await checkArticleChanges(
      { citations, publishedTime: published, results, archives },
      {
        ...deps({ reads }),
        lookupArchive: (url, publishedAt) =>
          lookupArchivedCopies(url, { fetch: web.fetch, thirdPartyAllowed: true, publishedAt }),
      },
    );
    expect(changes.map((change) => [change.url, change.status])).toEqual([
      [`${origin}/edited`, 'edited'],
      [`${origin}/gone`, 'gone'],
    ]);
    // The dead page is not requested again: its link verdict says it is gone.
    expect(web.requests.filter((request) => request.url === `${origin}/gone`)).toHaveLength(0);
    expect(web.requests.filter((request) => request.url === `${origin}/edited`)).toHaveLength(1);
  });

  it('compares with the copy before the reference’s access date when the reference gives one', async () => {
    const changes = await checkArticleChanges(
      {
        citations: [citation('/same', { quotes: ['stay open'], reference: { accessDate: '2026-01-05' } })],
        publishedTime: published,
        results: [],
        archives: [],
      },
      {
        ...deps(),
        lookupArchive: (url, publishedAt) =>
          lookupArchivedCopies(url, { fetch: web.fetch, thirdPartyAllowed: true, publishedAt }),
      },
    );
    // The only copy is of 2026-02-20, after the editor read the page: there is nothing to compare with.
    expect(changes).toEqual([]);
    expect(web.requests.some((request) => request.url.includes('timestamp=20260105'))).toBe(true);
  });
});
