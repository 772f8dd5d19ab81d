import { delay, escapeHtml, html, pathOf } from '../respond';
import type { Site } from '../site';
import { articlePage, notFoundPage, page } from '../templates';
import { networkFailures, networkFailureUrl } from './network-failures';

/**
 * An outlet of long pieces (issues 10 and 17): articles with as many citations as a test or benchmark asks for,
 * their sources spread over many hosts of mixed speed, a paragraph with thousands of links, and a short report
 * citing the servers that fail below HTTP. Texts are generated; every page and source is this project's own.
 */

export const LONGREAD_HOST = 'www.longread.example';
const ORIGIN = `https://${LONGREAD_HOST}`;
const SITE_NAME = 'The Long Read';

/** How many hosts the sources live on, and how long each answers: fast, middling, slow. */
export const SOURCE_HOSTS = 60;
const HOST_DELAYS_MS = [0, 0, 30, 120, 400];
/** One citation in five is to the outlet's own earlier reports: the same host, so one per-host limit. */
const OWN_SITE_EVERY = 5;

export function longArticleUrl(citations: number): string {
  return `${ORIGIN}/long/${citations}`;
}

export function oneParagraphUrl(links: number): string {
  return `${ORIGIN}/one-paragraph/${links}`;
}

export const networkFailuresArticleUrl = `${ORIGIN}/reports/servers-that-fail`;

function sourceHost(index: number): string {
  return `src-${String(index % SOURCE_HOSTS).padStart(2, '0')}.longread-sources.example`;
}

/** The address of the article's `index`-th citation (0-based), in reading order. */
export function longCitationUrl(index: number): string {
  if (index % OWN_SITE_EVERY === OWN_SITE_EVERY - 1) return `${ORIGIN}/archive/${index}.html`;
  return `https://${sourceHost(index)}/story/${index}.html`;
}

function citingSentence(index: number): string {
  return `Finding ${index + 1} rests on <a href="${longCitationUrl(index)}">report number ${index + 1}</a>, which the desk checked again this week.`;
}

function longArticle(citations: number): string {
  const paragraphs: string[] = [];
  for (let start = 0; start < citations; start += 10) {
    const sentences: string[] = [];
    for (let index = start; index < Math.min(citations, start + 10); index++)
      sentences.push(citingSentence(index));
    paragraphs.push(sentences.join(' '));
  }
  return articlePage({
    siteName: SITE_NAME,
    title: `What ${citations} reports tell us`,
    url: longArticleUrl(citations),
    byline: 'Data desk',
    published: '2026-11-02',
    paragraphs: [
      `This piece walks through ${citations} published reports, one finding at a time, and links each one.`,
      ...paragraphs,
    ],
  });
}

function oneParagraph(links: number): string {
  const parts: string[] = [];
  for (let index = 0; index < links; index++)
    parts.push(`<a href="${longCitationUrl(index)}">source ${index + 1}</a>`);
  return articlePage({
    siteName: SITE_NAME,
    title: `A list of ${links} sources in one paragraph`,
    url: oneParagraphUrl(links),
    published: '2026-11-03',
    paragraphs: [
      'Some pages put every source in one run-on paragraph, a bibliography without line breaks.',
      `The sources are ${parts.join(', ')}.`,
    ],
  });
}

function networkFailuresArticle(): string {
  return articlePage({
    siteName: SITE_NAME,
    title: 'Servers that answer badly',
    url: networkFailuresArticleUrl,
    published: '2026-11-04',
    paragraphs: networkFailures.map(
      (failure) =>
        `One source <a href="${networkFailureUrl(failure)}">${escapeHtml(failure.what)}</a>, and a careful checker must say so plainly.`,
    ),
  });
}

function sourcePage(url: URL, index: number): string {
  return page({
    title: `Report ${index + 1} | ${url.hostname}`,
    body: `<main><article><h1>Report ${index + 1}</h1><p>Report ${index + 1} of ${url.hostname} sets out finding ${index + 1} in detail, with figures ${index * 7} and ${index * 13}.</p></article></main>`,
  });
}

export function longArticleSites(): Site[] {
  const outlet: Site = {
    hosts: [LONGREAD_HOST, 'longread.example'],
    handle(_req, res, url) {
      const path = pathOf(url);
      const long = /^\/long\/(\d{1,5})$/.exec(path);
      if (long) return html(res, 200, longArticle(Number(long[1])));
      const paragraph = /^\/one-paragraph\/(\d{1,5})$/.exec(path);
      if (paragraph) return html(res, 200, oneParagraph(Number(paragraph[1])));
      if (path === new URL(networkFailuresArticleUrl).pathname)
        return html(res, 200, networkFailuresArticle());
      const own = /^\/archive\/(\d+)\.html$/.exec(path);
      if (own) return html(res, 200, sourcePage(url, Number(own[1])));
      return html(res, 404, notFoundPage(SITE_NAME));
    },
  };
  const hosts = Array.from({ length: SOURCE_HOSTS }, (_, index) => sourceHost(index));
  const sources: Site = {
    hosts,
    async handle(_req, res, url) {
      const index = hosts.indexOf(url.hostname);
      await delay(HOST_DELAYS_MS[index % HOST_DELAYS_MS.length] ?? 0);
      const story = /^\/story\/(\d+)\.html$/.exec(url.pathname);
      if (story) return html(res, 200, sourcePage(url, Number(story[1])));
      return html(res, 404, notFoundPage(url.hostname));
    },
  };
  return [outlet, sources];
}
