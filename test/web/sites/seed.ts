import { readFileSync } from 'node:fs';
import { placeholderPng, sizeFromName } from '../generated';
import { hasShared, sharedFile } from '../paths';
import { escapeHtml, html, redirect, send } from '../respond';
import type { Site } from '../site';
import { notFoundPage, page, seizureNotice } from '../templates';

export const seedArticleUrl =
  'https://www.deepdotweb.com/2017/08/04/bka-arrests-67-suspects-child-porn-bust/';
export const seedEarlierReportUrl =
  'https://www.deepdotweb.com/2017/07/20/bka-seized-a-darknet-child-abuse-forum/';

const SITE_NAME = 'Deep Dot Web';
const ARTICLE_PATH = new URL(seedArticleUrl).pathname;
const EARLIER_PATH = new URL(seedEarlierReportUrl).pathname;

// The archive pages that exist (those the article and the site's menus link to); WordPress answers others with 404.
const ARCHIVES = new Set([
  ...['67', 'arrests', 'bka', 'bust', 'child', 'porn', 'suspects'].map((tag) => `/tag/${tag}/`),
  ...['deepdot-news', 'news-updates', 'guides', 'interviews'].map((category) => `/category/${category}/`),
  '/author/caliens/',
]);

// Sizes of the pictures the article shows (from its srcset); smaller candidates carry their size in the file name.
const IMAGE_SIZES: Record<string, [number, number]> = {
  'lu2n-nemecka_policia-jpg.jpeg': [660, 300],
  'screenshot_2017-07-21_14-08-37-png.png': [760, 494],
  'screenshot_2017-07-21_14-09-03-png.png': [800, 403],
};

export interface SeedArticle {
  title: string;
  /** The `<article>` element exactly as captured. */
  articleHtml: string;
}

/** The seed, read from ../shared at each call so nothing of it is copied into the repo. */
export function readSeedArticle(): SeedArticle {
  const file = sharedFile('fixtures/seed/article-fragment.txt', 'The seed article of the test web');
  const text = readFileSync(file, 'utf8');
  const match = /^---\r?\n(.*?)\r?\n---\r?\n([\s\S]*)$/.exec(text);
  if (!match?.[1] || !match[2]) throw new Error(`${file} does not start with a --- title block ---.`);
  return { title: match[1].trim(), articleHtml: match[2] };
}

/** The article's title for the site's own lists; its other pages still work without ../shared. */
function seedTitleForLists(): string {
  return hasShared('fixtures/seed/article-fragment.txt') ? readSeedArticle().title : 'Latest post';
}

/**
 * www.deepdotweb.com. era '2017': the site as the article was published (article page, its same-site pages,
 * images). era 'seized': what the site became in 2019, one seizure notice (status 200) at every address.
 */
export function seedSite(options: { era?: '2017' | 'seized' } = {}): Site {
  const era = options.era ?? '2017';
  return {
    hosts: ['www.deepdotweb.com', 'deepdotweb.com'],
    handle(_req, res, url) {
      if (era === 'seized') return html(res, 200, seizureNotice('deepdotweb.com'));
      if (url.hostname === 'deepdotweb.com' || url.protocol === 'http:') {
        return redirect(res, 301, `https://www.deepdotweb.com${url.pathname}${url.search}`);
      }
      const path = url.pathname;
      if (path === ARTICLE_PATH) return html(res, 200, articlePage(readSeedArticle()));
      if (`${path}/` === ARTICLE_PATH || `${path}/` === EARLIER_PATH) return redirect(res, 301, `${path}/`);
      if (path === EARLIER_PATH) return html(res, 200, earlierReportPage());
      if (path === '/' || ARCHIVES.has(path)) {
        return html(res, 200, listingPage(path, seedTitleForLists()));
      }
      const image = /\/imgs\/2017\/0[78]\/([\w.-]+\.(?:png|jpe?g))$/.exec(path);
      if (image?.[1]) {
        const [w, h] = IMAGE_SIZES[image[1]] ?? sizeFromName(image[1]);
        return send(res, 200, placeholderPng(w, h, path), { 'content-type': 'image/png' });
      }
      return html(res, 404, notFoundPage(SITE_NAME));
    },
  };
}

function chrome(title: string, main: string, head: string[] = []): string {
  return page({
    title: `${title} - ${SITE_NAME}`,
    head: [`<meta property="og:site_name" content="${SITE_NAME}">`, ...head],
    body: `<header id="theme-header"><div class="logo"><a href="https://www.deepdotweb.com/">DeepDotWeb</a></div>
<nav id="main-nav"><ul><li><a href="https://www.deepdotweb.com/">Home</a></li>
<li><a href="https://www.deepdotweb.com/category/news-updates/">News Updates</a></li>
<li><a href="https://www.deepdotweb.com/category/deepdot-news/">Featured</a></li>
<li><a href="https://www.deepdotweb.com/category/guides/">Guides</a></li>
<li><a href="https://www.deepdotweb.com/category/interviews/">Interviews</a></li></ul></nav></header>
<div id="main-content" class="container">
<div class="content">
${main}
</div>
<aside id="sidebar"><div class="widget"><h4 class="widget-top">Recent Posts</h4><ul>
<li><a href="${seedArticleUrl}">${escapeHtml(seedTitleForLists())}</a></li>
<li><a href="${seedEarlierReportUrl}">BKA Seized a Darknet Child Abuse Forum</a></li></ul></div>
<div class="widget"><h4 class="widget-top">Tags</h4><a href="https://www.deepdotweb.com/tag/bka/">bka</a>
<a href="https://www.deepdotweb.com/tag/arrests/">arrests</a></div></aside>
</div>
<footer><p>&copy; 2017 DeepDotWeb. All rights reserved.</p><p><a href="https://www.deepdotweb.com/about/">About</a>
<a href="https://www.deepdotweb.com/contact/">Contact</a></p></footer>`,
  });
}

function articlePage(seed: SeedArticle): string {
  return chrome(
    seed.title,
    `<div class="post-header"><h1 class="name post-title entry-title">${escapeHtml(seed.title)}</h1></div>
${seed.articleHtml}
<section id="comments"><h3>8 Comments</h3><p>Comments are closed.</p></section>
<section id="related_posts"><h3>Related Articles</h3><ul><li><a href="${seedEarlierReportUrl}">BKA Seized a Darknet Child Abuse Forum</a></li></ul></section>`,
    [
      `<link rel="canonical" href="${seedArticleUrl}">`,
      `<meta property="og:url" content="${seedArticleUrl}">`,
    ],
  );
}

/** The outlet's own earlier report the seed cites; the text is this project's summary, not the original post. */
function earlierReportPage(): string {
  return chrome(
    'BKA Seized a Darknet Child Abuse Forum',
    `<div class="post-header"><h1 class="post-title entry-title">BKA Seized a Darknet Child Abuse Forum</h1>
<span>Posted by: <a href="https://www.deepdotweb.com/author/caliens/">C. Aliens</a></span> <span>July 20, 2017</span></div>
<article class="post-listing"><div class="entry">
<p>German federal police have taken down a hidden service forum where members traded images of child abuse.
Investigators say the forum had grown to tens of thousands of registered accounts within months of opening.</p>
<p>Officers arrested the suspected administrator and seized the servers, and prosecutors say evidence from the
servers is being shared with partner agencies abroad.</p>
</div></article>`,
  );
}

function listingPage(path: string, seedTitle: string): string {
  const label = path === '/' ? 'Latest news' : `Archive: ${path.split('/')[2] ?? ''}`;
  return chrome(
    label,
    `<h1 class="page-title">${escapeHtml(label)}</h1>
<ul class="post-list"><li><a href="${seedArticleUrl}">${escapeHtml(seedTitle)}</a> <span>August 4, 2017</span></li>
<li><a href="${seedEarlierReportUrl}">BKA Seized a Darknet Child Abuse Forum</a> <span>July 20, 2017</span></li></ul>`,
  );
}
