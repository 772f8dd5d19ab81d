import { registrableDomain } from '../url/registrable-domain';

/**
 * Wikimedia's projects link each other as one site: an interwiki link from Wikipedia to Commons or
 * Wiktionary is the wiki's own navigation, as a link to another Wikipedia article is.
 */
const WIKIMEDIA = new Set([
  'wikipedia.org',
  'wikimedia.org',
  'wikimediafoundation.org',
  'wiktionary.org',
  'wikidata.org',
  'wikisource.org',
  'wikibooks.org',
  'wikiquote.org',
  'wikinews.org',
  'wikiversity.org',
  'wikivoyage.org',
  'wikifunctions.org',
  'mediawiki.org',
]);

/**
 * MediaWiki names itself in the generator tag; a saved page keeps at least its body class or the
 * wrapper of its article text. Read by tag, class and ancestors, never by a selector over the whole page:
 * this runs on every page captured, and such queries cost tens of milliseconds on a large page in jsdom.
 */
export function isMediaWiki(doc: Document, articleRoot: Element | null): boolean {
  for (const meta of doc.head?.getElementsByTagName('meta') ?? []) {
    if (
      meta.getAttribute('name') === 'generator' &&
      /^MediaWiki\b/i.test(meta.getAttribute('content') ?? '')
    ) {
      return true;
    }
  }
  if (doc.body?.classList.contains('mediawiki')) return true;
  for (let el = articleRoot; el; el = el.parentElement) {
    if (el.classList.contains('mw-parser-output') || el.id === 'mw-content-text') return true;
  }
  return false;
}

/**
 * A wiki's links to its own pages (articles, categories, talk and special pages): navigation, not
 * sources. Same-site links of a news article are its own earlier reports and stay citations; this
 * applies to wikis only.
 */
export class WikiSite {
  private readonly host: string;
  private readonly family: ReadonlySet<string>;

  constructor(pageUrl: string) {
    const url = new URL(pageUrl);
    this.host = url.hostname;
    const site = registrableDomain(url.hostname);
    this.family = WIKIMEDIA.has(site) ? WIKIMEDIA : new Set([site]);
  }

  isOwnPage(url: URL): boolean {
    if (url.hostname === this.host) return true;
    // Another language's edition or a sister project: its article paths, not an outside site that happens
    // to share the domain (a tool on toolforge, a blog).
    return this.family.has(registrableDomain(url.hostname)) && /^\/(?:wiki|w)\//.test(url.pathname);
  }
}
