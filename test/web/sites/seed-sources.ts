import type { CitationFate } from '../fates';
import { html, redirect } from '../respond';
import type { Site } from '../site';
import { type ArticleContent, articlePage, notFoundPage, page } from '../templates';
import { seedEarlierReportUrl } from './seed';

/**
 * The hosts the seed article cites, as they fared after 2017 (see ../shared/fixtures/seed/README.md): thelocal.de
 * still serves the article; wickedlocal.com sends old article addresses to its home page; newburyportnews.com
 * answers 404 (the local Wayback keeps a copy). Page texts are this project's own summaries, not the originals.
 */

export const thelocalUrl =
  'https://www.thelocal.de/20170720/police-stage-nationwide-raids-against-child-porn-suspects';
export const wickedlocalUrl =
  'http://www.wickedlocal.com/news/20170623/wareham-man-arraigned-on-child-pornography-charges';
export const newburyportnewsUrl =
  'http://www.newburyportnews.com/news/local_news/newburyport-man-faces-child-porn-charge/article_a3ecb38a-3be3-5686-bdcb-0d408824b1f8.html';

/** Expected verdicts for the seed's citations; deepdotweb's own pages depend on the era the seed site plays. */
export function seedCitationFates(era: '2017' | 'seized'): CitationFate[] {
  const ownSite =
    era === 'seized'
      ? { status: 'soft-404' as const, why: 'the whole site answers one seizure notice' }
      : { status: 'alive' as const, why: 'the outlet serves its own page' };
  return [
    { url: seedEarlierReportUrl, ...ownSite, archivedCopy: false },
    { url: 'https://www.deepdotweb.com/tag/bka/', ...ownSite, archivedCopy: false },
    { url: thelocalUrl, status: 'alive', why: 'still serves the article', archivedCopy: false },
    {
      url: wickedlocalUrl,
      status: 'soft-404',
      why: 'http→https, then the old article address redirects (301) to the home page',
      archivedCopy: false,
    },
    {
      url: newburyportnewsUrl,
      status: 'dead',
      why: 'http→https, then 404; the Wayback has a copy from June 2017',
      archivedCopy: true,
    },
  ];
}

const thelocalArticle: ArticleContent = {
  siteName: 'The Local Germany',
  title: 'Police stage nationwide raids against child porn suspects',
  url: thelocalUrl,
  published: '2017-07-20',
  paragraphs: [
    "Germany's Federal Criminal Police Office (BKA) said on Thursday that officers had searched homes across the country and arrested 67 people suspected of sharing images and videos of child abuse through an online chat service.",
    'The suspects, aged between 18 and 80, were identified with the help of the US-based operator of the service, investigators said. Eight further suspects were identified but not arrested.',
    'Police seized computers, phones and storage media during the searches, which took place between July 5th and July 20th.',
  ],
};

/** What newburyportnews.com printed in June 2017, as the local Wayback replays it. */
export const newburyportnewsArchivedArticle: ArticleContent = {
  siteName: 'Newburyport Daily News',
  title: 'Newburyport man faces child porn charge',
  url: newburyportnewsUrl,
  byline: 'Staff writer',
  published: '2017-06-24',
  paragraphs: [
    'A Newburyport man was arraigned this week on a charge of possessing child pornography after a months-long investigation that began with a tip from a national clearinghouse, according to court records.',
    'According to the police report, the report had been filed with the national center by electronic service provider Chatstep.com, and the complaint identified the internet protocol address, or IP, used to upload an image of child pornography.',
    'Investigators traced the address to a home in the city and executed a search warrant there in May. The man was released on bail and is due back in court next month.',
  ],
};

export function thelocalSite(): Site {
  const path = new URL(thelocalUrl).pathname;
  return {
    hosts: ['www.thelocal.de', 'thelocal.de'],
    handle(_req, res, url) {
      if (url.protocol === 'http:' || url.hostname === 'thelocal.de') {
        return redirect(res, 301, `https://www.thelocal.de${url.pathname}${url.search}`);
      }
      if (url.pathname === path) return html(res, 200, articlePage(thelocalArticle));
      if (url.pathname === '/')
        return html(res, 200, homePage('The Local Germany', [[thelocalArticle.title, path]]));
      return html(res, 404, notFoundPage('The Local Germany'));
    },
  };
}

export function wickedlocalSite(): Site {
  return {
    hosts: ['www.wickedlocal.com', 'wickedlocal.com'],
    handle(_req, res, url) {
      if (url.protocol === 'http:' || url.hostname === 'wickedlocal.com') {
        return redirect(res, 301, `https://www.wickedlocal.com${url.pathname}${url.search}`);
      }
      // The URL scheme changed: every old-style article address goes to the home page.
      if (/^\/(news|article)\/\d{8}\//.test(url.pathname)) return redirect(res, 301, '/');
      if (url.pathname === '/')
        return html(res, 200, homePage('Wicked Local', [['Town meeting approves budget', '/']]));
      return html(res, 404, notFoundPage('Wicked Local'));
    },
  };
}

export function newburyportnewsSite(): Site {
  return {
    hosts: ['www.newburyportnews.com', 'newburyportnews.com'],
    handle(_req, res, url) {
      if (url.protocol === 'http:' || url.hostname === 'newburyportnews.com') {
        return redirect(res, 301, `https://www.newburyportnews.com${url.pathname}${url.search}`);
      }
      if (url.pathname === '/') {
        return html(
          res,
          200,
          homePage('Newburyport Daily News', [['City council sets hearing on harbor plan', '/']]),
        );
      }
      return html(res, 404, notFoundPage('Newburyport Daily News'));
    },
  };
}

export function seedSourceSites(): Site[] {
  return [thelocalSite(), wickedlocalSite(), newburyportnewsSite()];
}

function homePage(siteName: string, stories: [string, string][]): string {
  return page({
    title: `${siteName} | Local news`,
    head: [`<meta property="og:site_name" content="${siteName}">`],
    body: `<header class="masthead"><a href="/">${siteName}</a></header>
<main><h1>Latest news</h1><ul>${stories.map(([title, href]) => `<li><a href="${href}">${title}</a></li>`).join('')}</ul></main>`,
  });
}
