import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { lookupArchivedCopies } from '../../../core/archive/wayback';
import { checkSourceQuotes, type QuoteSourceDeps } from '../../../core/quote-check';
import { imageOnlyPdf, textPdf } from '../../web/generated';
import { html, send } from '../../web/respond';
import { startTestWeb, type TestWeb } from '../../web/server';
import type { Site } from '../../web/site';
import {
  newburyportnewsUrl,
  seedSourceSites,
  thelocalUrl,
  wickedlocalUrl,
} from '../../web/sites/seed-sources';
import { waybackSite } from '../../web/sites/wayback';
import { page } from '../../web/templates';
import { sourceReadDeps } from '../support/source-reads';

// The seed article's quotations, as its capture reads them, against the test web's versions of its sources.
const wickedlocalQuote =
  'the National Center for Missing and Exploited Children (NCMEC) was advised of two incidents of child pornography on Chatstep.com.';
const newburyportQuote =
  'the report had been filed […] by electronic service provider Chatstep.com [and] the complaint identified the internet protocol address, or IP, used to upload an image of child pornography.';

const article = `<p>Chatstep may be in the middle of an internal operation, according to the operator of the service.</p>
<p>The operator said it “removed every account that shared such images within hours” and reported them.</p>`;

// Sources that cannot be read, each in its own way.
const unreadable: Site[] = [
  {
    hosts: ['press.quotes.test'],
    handle(_req, res, url) {
      if (url.pathname === '/statement.txt') {
        return send(
          res,
          200,
          'The operator said it removed every account that shared such images within hours.',
          {
            'content-type': 'text/plain; charset=utf-8',
          },
        );
      }
      if (url.pathname === '/story')
        return html(res, 200, page({ title: 'Chatstep statement', body: article }));
      if (url.pathname === '/report.pdf') {
        return send(res, 200, '%PDF-1.7 ...', { 'content-type': 'application/pdf' });
      }
      if (url.pathname === '/statement.pdf' || url.pathname === '/download') {
        // The statement on its second page, the quotation across a line break; once as a PDF, once as bytes.
        const pdf = textPdf([
          ['Statement of the operator', 'Page one says nothing of the accounts.'],
          ['The operator said it removed every account that', 'shared such images within hours.'],
        ]);
        const type = url.pathname === '/download' ? 'application/octet-stream' : 'application/pdf';
        return send(res, 200, pdf, { 'content-type': type });
      }
      if (url.pathname === '/scan.pdf')
        return send(res, 200, imageOnlyPdf(), { 'content-type': 'application/pdf' });
      if (url.pathname === '/locked.pdf') {
        return send(res, 200, textPdf([[article]], { lockedWithPassword: true }), {
          'content-type': 'application/pdf',
        });
      }
      if (url.pathname === '/app') {
        return html(
          res,
          200,
          '<!doctype html><html><head><script src="/app.js"></script></head><body><div id="root"></div></body></html>',
        );
      }
      if (url.pathname === '/big')
        return html(res, 200, page({ title: 'Big', body: `<p>${'word '.repeat(4000)}</p>` }));
      return html(res, 404, page({ title: 'Not found', body: 'Not found' }));
    },
  },
  { hosts: ['wall.quotes.test'], handle: (_req, res) => send(res, 403, 'Forbidden') },
  {
    hosts: ['challenge.quotes.test'],
    handle: (_req, res) =>
      html(res, 403, page({ title: 'Just a moment...', body: 'Checking your browser' }), {
        'cf-mitigated': 'challenge',
      }),
  },
  {
    hosts: ['paid.quotes.test'],
    handle: (_req, res) => html(res, 402, page({ title: 'Subscribe', body: 'Subscribe to read' })),
  },
];

let web: TestWeb;
beforeAll(async () => {
  web = await startTestWeb({ sites: [...seedSourceSites(), waybackSite(), ...unreadable] });
});
afterAll(async () => {
  await web.close();
});
beforeEach(() => web.resetLog());

function deps(overrides: Partial<QuoteSourceDeps> = {}): QuoteSourceDeps {
  return sourceReadDeps(web, { ...overrides });
}

describe('the seed article’s quoted sources, as the test web plays them', () => {
  it('Newburyport: the live page is gone (404) and the archived copy before publication has the quote', async () => {
    const archive = await lookupArchivedCopies(newburyportnewsUrl, {
      fetch: web.fetch,
      thirdPartyAllowed: true,
      publishedAt: '2017-08-04',
    });
    const check = await checkSourceQuotes(
      newburyportnewsUrl,
      [newburyportQuote],
      deps({ thirdParty: true }),
      archive,
    );
    expect(check.httpStatus).toBe(404);
    expect(check.note).toMatch(/404/);
    const [verdict] = check.verdicts;
    expect(verdict?.status).toBe('archived-only');
    if (verdict?.status !== 'archived-only') return;
    expect(verdict.archivedUrl).toMatch(/^https?:\/\/web\.archive\.org\/web\/2017\d+\/.*newburyportnews/);
    expect(verdict.archived.status).toBe('found');
    expect(verdict.archived.passage.text).toContain(
      'filed with the national center by electronic service provider',
    );
    expect(verdict.archived.showInSource).toMatch(/#:~:text=/);
    // The copy was read in its original bytes, not the archive's rewritten replay.
    expect(web.requests.some((request) => /\/web\/\d+id_\//.test(request.url))).toBe(true);
  });

  it('Newburyport without third-party lookups: not found, and the archive is never asked', async () => {
    const check = await checkSourceQuotes(
      newburyportnewsUrl,
      [newburyportQuote],
      deps({ thirdParty: false }),
    );
    expect(check.verdicts.map((verdict) => verdict.status)).toEqual(['not-found']);
    expect(web.requests.filter((request) => request.host.endsWith('archive.org'))).toEqual([]);
  });

  it('Wareham: the old address leads to the home page, which does not have the quote', async () => {
    const check = await checkSourceQuotes(wickedlocalUrl, [wickedlocalQuote], deps());
    expect(check.verdicts.map((verdict) => verdict.status)).toEqual(['not-found']);
    expect(check.finalUrl).toBe('https://www.wickedlocal.com/');
    expect(check.note).toMatch(/home page/);
  });

  it('The Local: a quote it prints is found with a link to the passage; a changed count differs', async () => {
    const check = await checkSourceQuotes(
      thelocalUrl,
      [
        'searched homes across the country and arrested 67 people',
        'searched homes across the country and arrested 76 people',
      ],
      deps(),
    );
    expect(check.textOrigin).toBe('article');
    const [found, differs] = check.verdicts;
    expect(found).toMatchObject({ status: 'found' });
    if (found?.status === 'found') {
      expect(found.showInSource).toBe(
        `${thelocalUrl}#:~:text=searched%20homes%20across%20the%20country%20and%20arrested%2067%20people`,
      );
    }
    expect(differs).toMatchObject({ status: 'differs', changes: [{ quoted: '76', source: '67' }] });
  });

  it('asks the archive only for a source whose live page lacks a quotation', async () => {
    const lookups: string[] = [];
    const lookup = async (url: string) => {
      lookups.push(url);
      return lookupArchivedCopies(url, {
        fetch: web.fetch,
        thirdPartyAllowed: true,
        publishedAt: '2017-08-04',
      });
    };
    const found = await checkSourceQuotes(
      thelocalUrl,
      ['searched homes across the country and arrested 67 people'],
      deps({ thirdParty: true }),
      () => lookup(thelocalUrl),
    );
    expect(found.verdicts.map((verdict) => verdict.status)).toEqual(['found']);
    expect(lookups).toEqual([]);
    const gone = await checkSourceQuotes(
      newburyportnewsUrl,
      [newburyportQuote],
      deps({ thirdParty: true }),
      () => lookup(newburyportnewsUrl),
    );
    expect(lookups).toEqual([newburyportnewsUrl]);
    expect(gone.verdicts.map((verdict) => verdict.status)).toEqual(['archived-only']);
  });

  it('asks as a stranger: no cookies, at most 2 requests at once per host', async () => {
    await checkSourceQuotes(thelocalUrl, ['arrested 67 people suspected of sharing images'], deps());
    expect(web.requests.filter((request) => request.headers.cookie || request.headers.authorization)).toEqual(
      [],
    );
    expect(web.maxConcurrent('www.thelocal.de')).toBeLessThanOrEqual(2);
  });
});

describe('sources Cited can and cannot read', () => {
  const quote = 'removed every account that shared such images within hours';

  it('reads plain text as it is, and HTML through Readability', async () => {
    const text = await checkSourceQuotes('https://press.quotes.test/statement.txt', [quote], deps());
    expect(text).toMatchObject({ textOrigin: 'plain-text', verdicts: [{ status: 'found' }] });
    const story = await checkSourceQuotes('https://press.quotes.test/story', [quote], deps());
    expect(story.verdicts.map((verdict) => verdict.status)).toEqual(['found']);
  });

  it.each([
    ['https://wall.quotes.test/page', 'bot-wall', /403/],
    ['https://challenge.quotes.test/page', 'bot-wall', /bot check/],
    ['https://paid.quotes.test/page', 'paywall', /payment/],
    ['https://press.quotes.test/report.pdf', 'broken', /not a readable PDF/],
    ['https://press.quotes.test/scan.pdf', 'scanned', /no text in this PDF: probably a scan/],
    ['https://press.quotes.test/locked.pdf', 'encrypted', /password/],
    ['https://press.quotes.test/app', 'script-only', /scripts/],
    ['https://gone.quotes.test/page', 'no-answer', /does not resolve|no longer exists/],
  ])('%s: not checkable (%s), saying why', async (url, reason, detail) => {
    const check = await checkSourceQuotes(url, [quote], deps());
    const [verdict] = check.verdicts;
    if (reason === 'no-answer') {
      // A name that no longer resolves is a page that is gone: the quote is not there.
      expect(verdict?.status).toBe('not-found');
      expect(check.note).toMatch(detail);
      return;
    }
    expect(verdict).toMatchObject({ status: 'not-checkable', reason });
    if (verdict?.status === 'not-checkable') expect(verdict.detail).toMatch(detail);
  });

  it('reads a PDF’s text and says on which page the quotation is, with a link that opens the PDF there', async () => {
    for (const url of ['https://press.quotes.test/statement.pdf', 'https://press.quotes.test/download']) {
      const check = await checkSourceQuotes(url, [quote, 'removed no account at all'], deps());
      expect(check.textOrigin).toBe('pdf');
      const [found, missing] = check.verdicts;
      expect(found).toMatchObject({
        status: 'found',
        passage: { page: 2, text: 'removed every account that shared such images within hours' },
        showInSource: `${url}#page=2`,
      });
      expect(missing?.status).toBe('not-found');
    }
  });

  it('without a PDF reader, a PDF is not checkable', async () => {
    const check = await checkSourceQuotes(
      'https://press.quotes.test/statement.pdf',
      [quote],
      deps({ readPdfText: undefined }),
    );
    expect(check.verdicts).toMatchObject([{ status: 'not-checkable', reason: 'not-text' }]);
  });

  it('stops reading a source past the size cap', async () => {
    const check = await checkSourceQuotes('https://press.quotes.test/big', [quote], deps({ maxBytes: 4096 }));
    expect(check.verdicts).toMatchObject([{ status: 'not-checkable', reason: 'too-large' }]);
    const pdf = await checkSourceQuotes(
      'https://press.quotes.test/statement.pdf',
      [quote],
      deps({ maxBytes: 512 }),
    );
    expect(pdf.verdicts).toMatchObject([{ status: 'not-checkable', reason: 'too-large' }]);
  });
});
