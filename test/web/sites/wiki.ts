import { escapeHtml, html, pathOf } from '../respond';
import type { Site } from '../site';
import { articlePage, notFoundPage, page } from '../templates';
import type { ArchivedCopy } from './archived-copy';
import { doiTargetUrl } from './demo/source-pages';

/**
 * Harbourpedia, a MediaWiki of this project's own (issue 11): one article in MediaWiki's real markup (the generator
 * tag, `mw-parser-output`, `sup.reference` markers, `ol.references` with CS1 `cite.citation` and COinS spans,
 * "Archived from the original", a dead original, `/wiki/` links, an External links section) and the sites its
 * references cite. The text is fictional and written for the project.
 */

export const WIKI_HOST = 'en.harbourpedia.example';
export const wikiArticleUrl = `https://${WIKI_HOST}/wiki/Westcombe_harbour_wall`;

const GAZETTE = 'www.westcombe-gazette.example';
const COUNCIL = 'www.westcombe.example.gov';
const COASTWATCH = 'coastwatch.example.org';

/** The sources the article's references and External links give, as a reader would list them. */
export const wikiSources = {
  /** Cited three times in the text (one note, three markers); live, with an archived copy. */
  gazette: `https://${GAZETTE}/news/2024/03/harbour-wall-gives-way`,
  gazetteCopy: `https://web.archive.org/web/20240305101500/https://${GAZETTE}/news/2024/03/harbour-wall-gives-way`,
  /** Dead, and the reference says so: its title leads to the archived copy. */
  survey: `https://${COUNCIL}/coast/wall-survey-2019.html`,
  surveyCopy: `https://web.archive.org/web/20200115093000/https://${COUNCIL}/coast/wall-survey-2019.html`,
  coastwatch: `https://${COASTWATCH}/2022/westcombe-cuts`,
  /** A journal article: its page, and its DOI's resolver link (the demo web's doi.org redirects it there). */
  study: doiTargetUrl,
  doi: 'https://doi.org/10.5555/hwq.2024.0173',
  isbn: '978-0-00-000000-2',
  /**
   * A report whose reference prints its DOI and PMID without links, as wikis without the resolver links do: Cited
   * checks their resolver links. The DOI is not registered (doi.org answers 404); PubMed has the PMID.
   */
  bathing: `https://${COASTWATCH}/2023/bathing-water-report`,
  bathingDoi: 'https://doi.org/10.5555/cw.2023.0042',
  bathingPmid: 'https://pubmed.ncbi.nlm.nih.gov/31415926/',
  /** Under External links. */
  official: `https://${COUNCIL}/harbour/`,
} as const;

/** The wiki's own articles the text links, in reading order: navigation, never to be checked. */
export const wikiOwnPages = [
  'Sea_wall',
  'Westcombe',
  'Storm_Ciara',
  'Westcombe_Borough_Council',
  'Breakwater',
].map((title) => `https://${WIKI_HOST}/wiki/${title}`);

const wiki = (title: string, text: string) =>
  `<a href="/wiki/${title}" title="${escapeHtml(title.replace(/_/g, ' '))}">${text}</a>`;

/** A marker in the text: `ref` is the note's name, `use` which of its markers this is (a, b, c). */
function marker(note: number, name: string, use: number): string {
  return `<sup id="cite_ref-${name}_${note}-${use}" class="reference"><a href="#cite_note-${name}-${note}"><span class="cite-bracket">[</span>${note}<span class="cite-bracket">]</span></a></sup>`;
}

function coins(fields: Record<string, string>): string {
  const kev = new URLSearchParams({ ctx_ver: 'Z39.88-2004', ...fields }).toString();
  return `<span title="${escapeHtml(kev)}" class="Z3988"></span>`;
}

function backlinks(note: number, name: string, uses: number): string {
  if (uses === 1)
    return `<span class="mw-cite-backlink"><b><a href="#cite_ref-${name}_${note}-0">^</a></b></span>`;
  const letters = 'abc'
    .slice(0, uses)
    .split('')
    .map(
      (letter, use) => `<a href="#cite_ref-${name}_${note}-${use}"><sup><i><b>${letter}</b></i></sup></a>`,
    );
  return `<span class="mw-cite-backlink">^ ${letters.join(' ')}</span>`;
}

const REFERENCES = [
  `<li id="cite_note-gazette-1">${backlinks(1, 'gazette', 3)} <span class="reference-text"><cite id="CITEREFPrice2024" class="citation news cs1">Price, Alys (3 March 2024). <a rel="nofollow" class="external text" href="${wikiSources.gazette}">"Harbour wall gives way after night of storms"</a>. <i>The Westcombe Gazette</i>. Gazette Media. <a rel="nofollow" class="external text" href="${wikiSources.gazetteCopy}">Archived</a> from the original on 5 March 2024<span class="reference-accessdate">. Retrieved <span class="nowrap">12 April 2024</span></span>.</cite>${coins({ 'rft.genre': 'article', 'rft.atitle': 'Harbour wall gives way after night of storms', 'rft.jtitle': 'The Westcombe Gazette', 'rft.pub': 'Gazette Media', 'rft.date': '2024-03-03', rft_id: wikiSources.gazette })}</span></li>`,
  `<li id="cite_note-survey-2">${backlinks(2, 'survey', 1)} <span class="reference-text"><cite class="citation web cs1"><a rel="nofollow" class="external text" href="${wikiSources.surveyCopy}">"Harbour wall condition survey 2019"</a>. Westcombe Borough Council. Archived from <a rel="nofollow" class="external text" href="${wikiSources.survey}">the original</a> on 15 January 2020<span class="reference-accessdate">. Retrieved <span class="nowrap">1 February 2021</span></span>.</cite>${coins({ 'rft.genre': 'unknown', 'rft.btitle': 'Harbour wall condition survey 2019', 'rft.pub': 'Westcombe Borough Council', rft_id: wikiSources.survey })} <span class="cs1-maint citation-comment">CS1 maint: url-status (<a href="/wiki/Category:CS1_maint:_url-status" title="Category:CS1 maint: url-status">link</a>)</span></span></li>`,
  `<li id="cite_note-coastwatch-3">${backlinks(3, 'coastwatch', 1)} <span class="reference-text"><cite class="citation web cs1">Okafor, Dele (9 September 2022). <a rel="nofollow" class="external text" href="${wikiSources.coastwatch}">"Westcombe cuts its sea-defence budget again"</a>. <i>Coastwatch</i><span class="reference-accessdate">. Retrieved <span class="nowrap">2 October 2022</span></span>.</cite>${coins({ 'rft.genre': 'unknown', 'rft.jtitle': 'Coastwatch', 'rft.atitle': 'Westcombe cuts its sea-defence budget again', 'rft.date': '2022-09-09', rft_id: wikiSources.coastwatch })}</span></li>`,
  `<li id="cite_note-hwq-4">${backlinks(4, 'hwq', 1)} <span class="reference-text"><cite class="citation conference cs1">Moreau, A.; Tanaka, K.; Osei, S. (2024). <a rel="nofollow" class="external text" href="${wikiSources.study}">"Rainfall-driven spikes in enterococci at small-harbour beaches"</a>. <i>Proceedings of the Harbour Water Quality Meeting</i>. pp. 41–52. <a href="/wiki/Doi_(identifier)" title="Doi (identifier)">doi</a>:<a rel="nofollow" class="external text" href="${wikiSources.doi}">10.5555/hwq.2024.0173</a>. <a href="/wiki/ISBN_(identifier)" title="ISBN (identifier)">ISBN</a>&nbsp;<a href="/wiki/Special:BookSources/${wikiSources.isbn}" title="Special:BookSources/${wikiSources.isbn}"><bdi>${wikiSources.isbn}</bdi></a>.</cite>${coins({ 'rft.genre': 'conference', 'rft.atitle': 'Rainfall-driven spikes in enterococci at small-harbour beaches', 'rft.btitle': 'Proceedings of the Harbour Water Quality Meeting', 'rft.date': '2024', rft_id: 'info:doi/10.5555/hwq.2024.0173', 'rft.isbn': wikiSources.isbn })}</span></li>`,
  `<li id="cite_note-bathing-5">${backlinks(5, 'bathing', 1)} <span class="reference-text"><cite class="citation journal cs1">Hale, Rhian (2023). <a rel="nofollow" class="external text" href="${wikiSources.bathing}">"Bathing water at Westcombe harbour beach, 2023"</a>. <i>Coastwatch Reports</i>. <b>7</b>: 12–19. doi:10.5555/cw.2023.0042. PMID&nbsp;31415926.</cite>${coins({ 'rft.genre': 'article', 'rft.atitle': 'Bathing water at Westcombe harbour beach, 2023', 'rft.jtitle': 'Coastwatch Reports', 'rft.date': '2023', rft_id: wikiSources.bathing })}</span></li>`,
];

function wikiArticle(): string {
  const text = `
<p>The <b>Westcombe harbour wall</b> is a stone ${wiki('Sea_wall', 'sea wall')} that shelters the inner harbour of ${wiki('Westcombe', 'Westcombe')}. Built in 1894, it failed along forty metres during ${wiki('Storm_Ciara', 'a storm')} in March 2024.${marker(1, 'gazette', 0)}</p>
<div class="mw-heading mw-heading2"><h2 id="History">History</h2></div>
<p>A council survey in 2019 found the wall's core washed out in three places.${marker(2, 'survey', 0)} Repairs were scheduled for 2021 and then postponed, as ${wiki('Westcombe_Borough_Council', 'the borough council')} cut its sea-defence budget twice.${marker(3, 'coastwatch', 0)}</p>
<p>When the wall failed, the harbour master closed the inner harbour for six weeks.${marker(1, 'gazette', 1)} Fishing boats moved to the ${wiki('Breakwater', 'outer breakwater')} until temporary repairs were finished in June 2024.${marker(1, 'gazette', 2)}</p>
<p>Bacteria counts at the harbour beach rose after every heavy rain that summer.${marker(4, 'hwq', 0)} The beach's bathing-water grade fell a step for 2023.${marker(5, 'bathing', 0)}</p>
<div class="mw-heading mw-heading2"><h2 id="References">References</h2></div>
<div class="reflist"><div class="mw-references-wrap"><ol class="references">
${REFERENCES.join('\n')}
</ol></div></div>
<div class="mw-heading mw-heading2"><h2 id="External_links">External links</h2></div>
<ul><li><a rel="nofollow" class="external text" href="${wikiSources.official}">Westcombe harbour</a> at Westcombe Borough Council</li></ul>`;
  return `<!doctype html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<title>Westcombe harbour wall - Harbourpedia</title>
<meta name="generator" content="MediaWiki 1.43.0">
<link rel="canonical" href="${wikiArticleUrl}">
</head>
<body class="mediawiki ltr sitedir-ltr ns-0 ns-subject page-Westcombe_harbour_wall skin-vector action-view">
<div id="mw-navigation"><a href="/wiki/Main_Page" title="Main Page">Main page</a> <a href="/wiki/Special:Random">Random article</a></div>
<main id="content" class="mw-body">
<h1 id="firstHeading" class="firstHeading mw-first-heading"><span class="mw-page-title-main">Westcombe harbour wall</span></h1>
<div id="bodyContent" class="vector-body">
<div id="siteSub">From Harbourpedia, the free encyclopedia</div>
<div id="mw-content-text" class="mw-body-content"><div class="mw-content-ltr mw-parser-output" lang="en" dir="ltr">
${text}
</div></div>
<div id="catlinks" class="catlinks"><a href="/wiki/Special:Categories">Categories</a>: <a href="/wiki/Category:Harbours">Harbours</a></div>
</div>
</main>
<footer id="footer"><a href="/wiki/Harbourpedia:About">About Harbourpedia</a></footer>
</body>
</html>
`;
}

function sourcePage(title: string, siteName: string, url: string, published: string, text: string): string {
  return articlePage({ siteName, title, url, published, paragraphs: [text] });
}

const gazetteArticle = () =>
  sourcePage(
    'Harbour wall gives way after night of storms',
    'The Westcombe Gazette',
    wikiSources.gazette,
    '2024-03-03',
    'Forty metres of the harbour wall fell into the inner harbour overnight, the harbour master said.',
  );

/** The archived copies the references give, in the local Wayback. */
export const wikiArchivedCopies: ArchivedCopy[] = [
  {
    url: wikiSources.gazette,
    timestamp: '20240305101500',
    status: 200,
    html: gazetteArticle,
  },
  {
    url: wikiSources.survey,
    timestamp: '20200115093000',
    status: 200,
    html: () =>
      page({
        title: 'Harbour wall condition survey 2019 | Westcombe Borough Council',
        body: '<main><article><h1>Harbour wall condition survey 2019</h1><p>The survey found the core of the harbour wall washed out in three places and recommends repairs within two years.</p></article></main>',
      }),
  },
  {
    // Captured again after the editor read it: not the copy "before it was retrieved".
    url: wikiSources.survey,
    timestamp: '20210620120000',
    status: 200,
    html: () =>
      page({
        title: 'Harbour wall condition survey 2019 | Westcombe Borough Council',
        body: '<main><article><h1>Harbour wall condition survey 2019 (revised)</h1><p>Revised in June 2021: repairs postponed.</p></article></main>',
      }),
  },
];

/** A source's site: its pages at their addresses, anything else (the council's 2019 survey included) a 404. */
function sourceSite(host: string, siteName: string, pages: Record<string, () => string>): Site {
  return {
    hosts: [host],
    handle(_req, res, url) {
      const answer = pages[url.href];
      if (answer) return html(res, 200, answer());
      return html(res, 404, notFoundPage(siteName));
    },
  };
}

export function wikiSites(): Site[] {
  const encyclopedia: Site = {
    hosts: [WIKI_HOST],
    handle(_req, res, url) {
      if (pathOf(url) === new URL(wikiArticleUrl).pathname) return html(res, 200, wikiArticle());
      // Every other article of the wiki exists too: a test that sees a request for one knows it was asked.
      if (url.pathname.startsWith('/wiki/'))
        return html(res, 200, page({ title: 'Harbourpedia', body: '<h1>An article of Harbourpedia</h1>' }));
      return html(res, 404, notFoundPage('Harbourpedia'));
    },
  };
  const official = () =>
    sourcePage(
      'Westcombe harbour',
      'Westcombe Borough Council',
      wikiSources.official,
      '2025-01-10',
      'Berths, fees and the harbour master’s notices for the inner and outer harbour.',
    );
  const coastwatch = () =>
    sourcePage(
      'Westcombe cuts its sea-defence budget again',
      'Coastwatch',
      wikiSources.coastwatch,
      '2022-09-09',
      'For the second year running the borough has moved money out of sea defences.',
    );
  const bathing = () =>
    sourcePage(
      'Bathing water at Westcombe harbour beach, 2023',
      'Coastwatch',
      wikiSources.bathing,
      '2023-11-02',
      'Samples taken after heavy rain pulled the harbour beach down one grade for the season.',
    );
  const pubmedEntry = () =>
    sourcePage(
      'Bathing water at Westcombe harbour beach, 2023 - PubMed',
      'PubMed',
      wikiSources.bathingPmid,
      '2023-11-20',
      'Hale R. Bathing water at Westcombe harbour beach, 2023. Coastwatch Reports. 2023;7:12-19.',
    );
  return [
    encyclopedia,
    sourceSite(GAZETTE, 'The Westcombe Gazette', { [wikiSources.gazette]: gazetteArticle }),
    // The 2019 survey was taken down when the council's site was rebuilt.
    sourceSite(COUNCIL, 'Westcombe Borough Council', { [wikiSources.official]: official }),
    sourceSite(COASTWATCH, 'Coastwatch', {
      [wikiSources.coastwatch]: coastwatch,
      [wikiSources.bathing]: bathing,
    }),
    sourceSite('pubmed.ncbi.nlm.nih.gov', 'PubMed', { [wikiSources.bathingPmid]: pubmedEntry }),
  ];
}
