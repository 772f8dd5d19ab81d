import { placeholderPng } from '../../generated';
import { escapeHtml, html, redirect, send } from '../../respond';
import type { Site } from '../../site';
import { loginPage, notFoundPage } from '../../templates';
import { demoArticlePage, demoArticleTitle, demoByline } from './article';
import { demoArticleUrl, demoEarlierReportUrl, demoOutletHost, demoOutletName } from './fates';
import { demoSvgs } from './images';
import { outletPage } from './outlet-page';

const ferryUrl = `https://${demoOutletHost}/2026/02/27/ferry-timetable-changes-from-april/`;

interface Story {
  url: string;
  title: string;
  date: string;
  dek: string;
  body?: string[];
}

const stories: Story[] = [
  {
    url: demoArticleUrl,
    title: demoArticleTitle,
    date: 'March 12, 2026',
    dek: 'No bacteria samples were taken at the harbour beaches between July 1 and August 18.',
  },
  {
    url: ferryUrl,
    title: 'Ferry timetable changes from April',
    date: 'February 27, 2026',
    dek: 'The first crossing moves to 6.40 and Sunday evening sailings return.',
    body: [
      'The harbour ferry will leave Port Ellery at 6.40 on weekdays from April 1, twenty minutes earlier than now, the operator said on Friday.',
      'Sunday evening sailings, cut in 2024, return for the summer season. Fares are unchanged.',
    ],
  },
  {
    url: demoEarlierReportUrl,
    title: 'Council asks why beach tests stopped',
    date: 'September 3, 2025',
    dek: 'Councillors want a report on the lapsed lab contract by October.',
    body: [
      'Port Ellery councillors on Tuesday asked city staff to explain why no water samples were taken at the harbour beaches for much of the summer.',
      '“Families swam at those beaches every day in July,” Councillor Amal Haddad said. Staff are to report back at the first meeting in October.',
    ],
  },
];

/** www.harbourgazette.example: the demo outlet (home page, the article, its other stories, listings, images). */
export function demoOutletSite(): Site {
  return {
    hosts: [demoOutletHost, demoOutletHost.replace(/^www\./, '')],
    handle(_req, res, url) {
      if (url.protocol === 'http:' || url.hostname !== demoOutletHost) {
        return redirect(res, 301, `https://${demoOutletHost}${url.pathname}${url.search}`);
      }
      const path = url.pathname;
      const svg = demoSvgs[path];
      if (svg) return send(res, 200, svg, { 'content-type': 'image/svg+xml' });
      if (path === '/images/2026/03/lab-bench.png') {
        return send(res, 200, placeholderPng(640, 360, path), { 'content-type': 'image/png' });
      }
      if (path === new URL(demoArticleUrl).pathname) return html(res, 200, demoArticlePage());
      const story = stories.find((s) => new URL(s.url).pathname === path);
      if (story?.body) return html(res, 200, storyPage(story));
      if (path === '/') return html(res, 200, listingPage(demoOutletName, 'Latest news'));
      const listing = /^\/(author|category|tag)\/([\w-]+)\/$/.exec(path);
      if (listing?.[2]) {
        const label = listing[1] === 'author' ? demoByline : listing[2].replace(/-/g, ' ');
        return html(res, 200, listingPage(`${label} | ${demoOutletName}`, label));
      }
      if (path === '/login' || path === '/subscribe') return html(res, 200, loginPage(demoOutletName));
      return html(res, 404, notFoundPage(demoOutletName));
    },
  };
}

/** A front or section page: a list of stories, not an article. */
function listingPage(title: string, heading: string): string {
  return outletPage({
    title,
    main: `<h1>${escapeHtml(heading)}</h1>
<ul class="story-list">${stories
      .map(
        (s) =>
          `<li><h2><a href="${s.url}">${escapeHtml(s.title)}</a></h2><p>${escapeHtml(s.dek)}</p><time>${s.date}</time></li>`,
      )
      .join('\n')}</ul>`,
  });
}

function storyPage(story: Story): string {
  return outletPage({
    title: `${story.title} | ${demoOutletName}`,
    head: [`<link rel="canonical" href="${story.url}">`, '<meta property="og:type" content="article">'],
    main: `<article class="story"><h1>${escapeHtml(story.title)}</h1>
<p class="byline">By <a rel="author" href="/author/maren-okafor/">${demoByline}</a> · <time>${story.date}</time></p>
${(story.body ?? []).map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}</article>`,
  });
}
