import type { ServerResponse } from 'node:http';
import { simplePdf } from '../../generated';
import { delay, html, redirect, send } from '../../respond';
import type { Site } from '../../site';
import {
  type ArticleContent,
  articlePage,
  challengePage,
  loginPage,
  notFoundPage,
  page,
  parkedPage,
  seizureNotice,
} from '../../templates';
import { demoCitation } from './fates';
import * as pages from './source-pages';

/**
 * The hosts the demo article cites, each playing the fate the table in fates.ts gives it. Hosts answer their
 * other addresses the way such sites do (honest 404s, the same page everywhere, a redirect home ...), because
 * a careful checker probes a random address next to the cited one.
 */

type Answer = (res: ServerResponse, url: URL) => void | Promise<void>;

/** A host; http:// addresses redirect to https:// as almost every site now does. */
function host(name: string, answer: Answer, options: Partial<Site> = {}): Site {
  return {
    hosts: [name],
    ...options,
    handle(_req, res, url) {
      if (url.protocol === 'http:') return redirect(res, 301, url.href.replace(/^http:/, 'https:'));
      return answer(res, url);
    },
  };
}

const pathOf = (id: string) => new URL(demoCitation(id).url).pathname;

/** Serves articles at their own paths and a plain front page at /; anything else is an honest 404. */
function articles(siteName: string, list: ArticleContent[], otherwise?: Answer): Answer {
  return (res, url) => {
    const found = list.find((a) => new URL(a.url).pathname === url.pathname);
    if (found) return html(res, 200, articlePage(found));
    if (url.pathname === '/') return html(res, 200, frontPage(siteName, list));
    if (otherwise) return otherwise(res, url);
    return html(res, 404, notFoundPage(siteName));
  };
}

function frontPage(siteName: string, list: ArticleContent[]): string {
  return page({
    title: `${siteName} | Home`,
    head: [`<meta property="og:site_name" content="${siteName}">`],
    body: `<header class="masthead"><a href="/">${siteName}</a></header><main><h1>${siteName}</h1><ul>${list
      .map((a) => `<li><a href="${new URL(a.url).pathname}">${a.title}</a></li>`)
      .join('')}</ul></main>`,
  });
}

export function demoSourceSites(): Site[] {
  const slow = demoCitation('observer-analysis').delayMs ?? 0;
  return [
    host('www.portellery.example', (res, url) => {
      if (url.pathname === pathOf('council-minutes-pdf')) {
        const { title, lines } = pages.councilMinutes;
        return send(res, 200, simplePdf(title, lines), { 'content-type': 'application/pdf' });
      }
      // The beach status page was replaced; only the Wayback has it now.
      return articles('City of Port Ellery', [])(res, url);
    }),
    host(
      'www.tidewaterherald.example',
      articles('Tidewater Herald', [pages.heraldClosures], (res, url) => {
        if (url.pathname === '/news/')
          return html(res, 200, frontPage('Tidewater Herald: News', [pages.heraldClosures]));
        // Old story addresses that no longer exist land on the news section front.
        if (/^\/\d{4}\/\d{2}\/\d{2}\//.test(url.pathname)) return redirect(res, 301, '/news/');
        return html(res, 404, notFoundPage('Tidewater Herald'));
      }),
    ),
    host('dph.ellery.gov', articles('Ellery Department of Public Health', [pages.stateGuidance])),
    host('doi.org', (res, url) => {
      if (url.pathname === pathOf('doi-study')) return redirect(res, 302, pages.doiTargetUrl);
      return html(res, 404, notFoundPage('DOI'));
    }),
    host('journals.coastalscience.example', articles('Harbour Water Quality', [pages.doiStudy])),
    host(
      'www.ellerylabs.example',
      articles('Ellery Analytical Laboratories', [pages.labStatement], (res, url) => {
        if (url.pathname === pathOf('lab-statement-moved'))
          return redirect(res, 301, pages.labStatementNewUrl);
        return html(res, 404, notFoundPage('Ellery Analytical Laboratories'));
      }),
    ),
    host('mastodon.social', articles('Mastodon', [pages.harbourmasterPost])),
    host('www.bayswimclub.example', articles('Bay Swim Club', [pages.swimClubNotice])),
    host('www.coastlinedaily.example', articles('Coastline Daily', [])),
    host('blog.harbourkeepers.example', (res, url) => {
      if (url.pathname === pathOf('keepers-sampling')) {
        return html(
          res,
          410,
          page({ title: 'Gone', body: '<h1>Gone</h1><p>This post has been removed.</p>' }),
        );
      }
      return articles('Harbour Keepers', [])(res, url);
    }),
    host(
      'www.countyweekly.example',
      articles('The County Weekly', [], (res, url) => {
        if (url.pathname.startsWith('/stories/')) return redirect(res, 301, '/');
        return html(res, 404, notFoundPage('The County Weekly'));
      }),
    ),
    host(
      'www.maritimejournal.example',
      articles('Maritime Journal', [], (res) => html(res, 200, notFoundPage('Maritime Journal'))),
    ),
    host('www.ellerynewswire.example', (res) =>
      html(res, 200, frontPage('Ellery Newswire', [pages.heraldClosures, pages.maritimeTowns])),
    ),
    host('www.harbourleaks.example', (res) => html(res, 200, seizureNotice('harbourleaks.example'))),
    host('www.portellerynow.example', (res) => html(res, 200, parkedPage('portellerynow.example'))),
    host('www.regionalrecord.example', (res) =>
      html(res, 403, challengePage(), { 'cf-mitigated': 'challenge', 'cache-control': 'no-store' }),
    ),
    host(
      'www.businesscoast.example',
      articles('Business Coast', [], (res, url) => {
        if (url.pathname.startsWith('/premium/')) return html(res, 401, loginPage('Business Coast'));
        return html(res, 404, notFoundPage('Business Coast'));
      }),
    ),
    host(
      'www.statehousereport.example',
      articles('Statehouse Report', [], (res, url) => {
        if (url.pathname === '/login') return html(res, 200, loginPage('Statehouse Report'));
        if (/^\/\d{4}\//.test(url.pathname)) {
          return redirect(res, 302, `/login?next=${encodeURIComponent(url.pathname)}`);
        }
        return html(res, 404, notFoundPage('Statehouse Report'));
      }),
    ),
    host('data.opencoast.example', (res) =>
      html(
        res,
        429,
        page({ title: 'Too many requests', body: '<h1>Too many requests</h1><p>Slow down.</p>' }),
        {
          'retry-after': 1,
        },
      ),
    ),
    host('www.ellerytimes.example', (res) =>
      html(res, 503, page({ title: 'Down for maintenance', body: '<h1>We’ll be back soon</h1>' })),
    ),
    host('www.slowtideobserver.example', async (res, url) => {
      await delay(slow);
      return articles('The Slow Tide Observer', [pages.observerAnalysis])(res, url);
    }),
    host('sensors.harbourbuoy.example', () => {}, { connection: 'refused' }),
    host('www.ellerywaterwatch.example', () => {}, { connection: 'dns-failure' }),
    host('secure.ellerypermits.example', () => {}, { connection: 'tls-failure' }),
  ];
}
