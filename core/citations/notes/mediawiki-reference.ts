import { normalizeWhitespace } from '../../capture/text';
import { resolveHttpUrl, withoutFragment } from '../../url/web-address';
import { isArchiveUrl } from '../kind';
import type { CitationReference, ReferenceIdentifier } from '../types';

/**
 * What a MediaWiki citation says about its source, read from the HTML its cite templates (CS1) render:
 * `<cite class="citation …">` followed by a COinS span (`span.Z3988`, an OpenURL in its title) that
 * carries the fields without their punctuation. The HTML adds what COinS lacks: the access date
 * ("Retrieved …"), the archived copy ("Archived from the original on …") and whether the original
 * is marked dead (the title then leads to the archived copy and "the original" to the dead address).
 */
export interface ParsedReference {
  reference: CitationReference;
  /** The address the reference is about: its original, whatever the title links to. */
  primaryUrl: string | null;
  /**
   * The links it gives beside its source (its archived copy, its DOI / PMID resolver links), without fragment,
   * when the source has a link of its own here: they are checked for the source's row, not listed as sources.
   * Empty when the source is not linked, so a reference never disappears from the list.
   */
  besideUrls: ReadonlySet<string>;
}

/** Where a link is among the live page's links (-1: not one of them). */
export type LinkPosition = (link: Element) => number;

export function parseMediaWikiCitation(
  cite: Element,
  baseUrl: string,
  positionOf?: LinkPosition,
): ParsedReference {
  const coins = readCoins(cite);
  const links = externalLinks(cite, baseUrl);
  const placed = (link: Element | undefined) => {
    const linkIndex = link && positionOf ? positionOf(link) : -1;
    return linkIndex >= 0 ? { linkIndex } : {};
  };
  const reference: CitationReference = {};

  const titleLink = links[0];
  const title = coins.title ?? (titleLink ? stripQuotes(textOf(titleLink.link)) : undefined);
  if (title) reference.title = title;
  const work = coins.work ?? italicText(cite);
  if (work) reference.work = work;
  if (coins.publisher) reference.publisher = coins.publisher;
  if (coins.date) reference.date = coins.date;
  const retrieved = cite.querySelector('.reference-accessdate');
  const accessDate = retrieved ? isoDate(textOf(retrieved)) : undefined;
  if (accessDate) reference.accessDate = accessDate;

  let original: string | undefined;
  const archived = /Archived\s+from\s+the\s+original\s+on\s+([^.]*?\d{4}(?:-\d{2}-\d{2})?)/i.exec(
    textOf(cite),
  );
  if (archived) {
    const originalLink = links.find(({ link }) => /^the original$/i.test(textOf(link)));
    const archiveLink = links.find(({ link }) => /^archived$/i.test(textOf(link)));
    // url-status=dead (and unfit): the title leads to the copy; live: "Archived" does.
    const copy = archiveLink ?? links.find(({ url }) => isArchiveUrl(url));
    if (copy) {
      const date = isoDate(archived[1] ?? '');
      reference.archive = { url: copy.url.href, ...(date ? { date } : {}), ...placed(copy.link) };
      reference.originalDead = archiveLink === undefined;
    }
    if (originalLink) original = originalLink.url.href;
  }
  // COinS keeps the original as the editor typed it; "the original" link, when there is one, is what the page links.
  original ??= coins.url;

  const identifiers = identifiersOf(cite, links, coins).map((id) => {
    const link = id.url ? links.find(({ url }) => withoutFragment(url) === id.url)?.link : undefined;
    return { ...id, ...placed(link) };
  });
  if (identifiers.length > 0) reference.identifiers = identifiers;

  const primary =
    original ??
    links.find(({ url }) => !isArchiveUrl(url) && !identifiers.some((id) => id.url === url.href))?.url.href ??
    titleLink?.url.href ??
    null;
  return { reference, primaryUrl: primary, besideUrls: besideUrls(reference, primary, links) };
}

function besideUrls(
  reference: CitationReference,
  primary: string | null,
  links: readonly CiteLink[],
): Set<string> {
  const source = primary ? withoutFragment(primary) : null;
  if (!source || !links.some(({ url }) => withoutFragment(url) === source)) return new Set();
  const beside = [
    reference.archive?.url,
    ...(reference.identifiers ?? []).filter((id) => id.scheme !== 'isbn').map((id) => id.url),
  ];
  return new Set(
    beside.flatMap((url) => (url && withoutFragment(url) !== source ? [withoutFragment(url)] : [])),
  );
}

interface Coins {
  title?: string;
  work?: string;
  publisher?: string;
  date?: string;
  url?: string;
  doi?: string;
  pmid?: string;
  isbn?: string;
}

/** The COinS span right after the cite: `rft.atitle=…&rft.jtitle=…&rft_id=…`. */
function readCoins(cite: Element): Coins {
  const span = cite.nextElementSibling;
  const kev = span?.classList.contains('Z3988') ? span.getAttribute('title') : null;
  if (!kev) return {};
  const params = new URLSearchParams(kev);
  const coins: Coins = {};
  const set = (key: keyof Coins, value: string | null) => {
    const text = value ? normalizeWhitespace(value) : '';
    if (text && coins[key] === undefined) coins[key] = text;
  };
  set('title', params.get('rft.atitle') ?? params.get('rft.btitle') ?? params.get('rft.title'));
  set('work', params.get('rft.jtitle'));
  set('publisher', params.get('rft.pub'));
  set('date', params.get('rft.date'));
  set('isbn', params.get('rft.isbn'));
  for (const id of params.getAll('rft_id')) {
    if (/^https?:\/\//i.test(id)) set('url', id);
    else if (id.startsWith('info:doi/')) set('doi', id.slice('info:doi/'.length));
    else if (id.startsWith('info:pmid/')) set('pmid', id.slice('info:pmid/'.length));
  }
  return coins;
}

interface CiteLink {
  link: Element;
  url: URL;
}

function externalLinks(cite: Element, baseUrl: string): CiteLink[] {
  const found: CiteLink[] = [];
  for (const link of cite.querySelectorAll('a[href]')) {
    const url = resolveHttpUrl(link.getAttribute('href'), baseUrl);
    if (url && !link.getAttribute('href')?.startsWith('#')) found.push({ link, url });
  }
  return found;
}

const DOI_HOSTS = new Set(['doi.org', 'dx.doi.org', 'www.doi.org']);

function identifiersOf(cite: Element, links: readonly CiteLink[], coins: Coins): ReferenceIdentifier[] {
  const found: ReferenceIdentifier[] = [];
  const add = (scheme: ReferenceIdentifier['scheme'], id: string, url: string | null) => {
    if (!found.some((known) => known.scheme === scheme && known.id === id)) found.push({ scheme, id, url });
  };
  for (const { url } of links) {
    if (DOI_HOSTS.has(url.hostname)) add('doi', decodeSafely(url.pathname.slice(1)), url.href);
    const pmid = /^\/(?:pubmed\/)?(\d+)\/?$/.exec(url.pathname);
    if (pmid?.[1] && /(?:^|\.)pubmed\.ncbi\.nlm\.nih\.gov$|^www\.ncbi\.nlm\.nih\.gov$/.test(url.hostname)) {
      add('pmid', pmid[1], url.href);
    }
    const isbn = /\/Special:BookSources\/([\dXx-]+)$/.exec(url.pathname);
    if (isbn?.[1]) add('isbn', isbn[1], url.href);
  }
  if (coins.doi) add('doi', coins.doi, doiUrl(coins.doi));
  if (coins.pmid) add('pmid', coins.pmid, pmidUrl(coins.pmid));
  if (coins.isbn && !found.some((id) => id.scheme === 'isbn')) add('isbn', coins.isbn, null);
  // Wikis without the resolver links still print "ISBN 0-521-53927-7", "doi:10.5555/x", "PMID 12345". A printed
  // DOI or PMID is part of the citation as much as a linked one, so its resolver link is checked with the source:
  // that keeps to the rule that Cited checks only what the article cites, not every address it could make up.
  const text = textOf(cite);
  const has = (scheme: ReferenceIdentifier['scheme']) => found.some((id) => id.scheme === scheme);
  if (!has('isbn')) {
    const printed = /\bISBN[\s\u00a0]+([\dXx][\dXx-]{8,16})/.exec(text);
    if (printed?.[1]) add('isbn', printed[1], null);
  }
  if (!has('doi')) {
    const doi = PRINTED_DOI.exec(text)?.[1]?.replace(/[.,;:)\]]+$/, '');
    if (doi) add('doi', doi, doiUrl(doi));
  }
  if (!has('pmid')) {
    const pmid = /\bPMID:?[\s\u00a0]*(\d{1,9})\b/.exec(text)?.[1];
    if (pmid) add('pmid', pmid, pmidUrl(pmid));
  }
  return found.map((id) => (id.url ? { ...id, url: withoutFragment(id.url) } : id));
}

/** "doi:10.5555/x" or "DOI 10.5555/x": a DOI is "10.", a registrant code, "/" and a suffix without spaces. */
const PRINTED_DOI = /\bdoi:?[\s\u00a0]*(10\.\d{4,9}\/\S+)/i;

/** The doi.org address of a DOI; the characters a URL would read otherwise ("#", "?", "%") encoded. */
function doiUrl(doi: string): string {
  return `https://doi.org/${encodeURI(doi).replace(/[?#]/g, encodeURIComponent)}`;
}

function pmidUrl(pmid: string): string {
  return `https://pubmed.ncbi.nlm.nih.gov/${pmid}/`;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * The dates CS1 prints ("2012-08-18", "1 May 2016", "May 1, 2016"), as YYYY-MM-DD; undefined for
 * anything vaguer ("May 2016", "2016"), which cannot pick an archived copy to the day.
 */
export function isoDate(text: string): string | undefined {
  const iso = /(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const dayFirst = /(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})/.exec(text);
  if (dayFirst) return build(dayFirst[3], dayFirst[2], dayFirst[1]);
  const monthFirst = /([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})/.exec(text);
  if (monthFirst) return build(monthFirst[3], monthFirst[1], monthFirst[2]);
  return undefined;
}

function build(year = '', monthName = '', day = ''): string | undefined {
  const month = MONTHS.indexOf(monthName.slice(0, 3).toLowerCase()) + 1;
  const dayNumber = Number(day);
  if (month === 0 || dayNumber < 1 || dayNumber > 31) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(dayNumber).padStart(2, '0')}`;
}

function italicText(cite: Element): string | undefined {
  for (const italic of cite.querySelectorAll('i')) {
    // An italic title inside the title link is the title, not the work.
    if (italic.closest('a')) continue;
    const text = textOf(italic);
    if (text) return text;
  }
  return undefined;
}

function stripQuotes(text: string): string {
  return text.replace(/^["“'‘]+|["”'’]+$/g, '').trim();
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function textOf(el: Element): string {
  return normalizeWhitespace(el.textContent ?? '');
}

/** Each citation of a wiki page read once, however many of its links are sources. */
export class WikiReferences {
  private readonly parsed = new Map<Element, ParsedReference>();

  constructor(
    private readonly baseUrl: string,
    private readonly positionOf?: LinkPosition,
  ) {}

  /** What the reference around `link` says, when `url` is the source it is about. */
  about(link: Element, url: URL): CitationReference | undefined {
    const parsed = this.around(link);
    if (!parsed?.primaryUrl || withoutFragment(parsed.primaryUrl) !== withoutFragment(url)) return undefined;
    return parsed.reference;
  }

  /**
   * Whether `link` is one its reference gives beside the source (its archived copy, a DOI / PMID link): part of
   * the source's citation, so the list counts the reference once and its row says what those links gave.
   */
  givesBeside(link: Element, url: URL): boolean {
    return this.around(link)?.besideUrls.has(withoutFragment(url)) ?? false;
  }

  private around(link: Element): ParsedReference | undefined {
    const cite = link.closest('cite');
    if (!cite) return undefined;
    let parsed = this.parsed.get(cite);
    if (!parsed) {
      parsed = parseMediaWikiCitation(cite, this.baseUrl, this.positionOf);
      this.parsed.set(cite, parsed);
    }
    return parsed;
  }
}
