import { registrableDomain } from '../url/registrable-domain';
import type { CitationKind } from './types';

/**
 * Every rule that gives a citation its kind hint lives here. The first matching family wins, in this
 * order, because the more specific answer is the more useful one to a reader:
 * archive (a Wayback copy of a .gov page is still an archived copy) → academic (an arXiv PDF is a
 * paper, and ncbi.nlm.nih.gov is a literature database despite .gov) → document (file by extension)
 * → social → government → news → other.
 *
 * Journal publishers (nature.com, science.org, sciencedirect.com ...) count as academic, their news
 * pages included: the hint says what kind of source a reader should expect there, and a checker of
 * quotes treats them as scholarly sources.
 */

export interface KindContext {
  /** Registrable domain of the article's own page. */
  pageRegistrableDomain: string;
  /** The article's own site publishes news, so its same-site links point at news too. */
  pageIsNews: boolean;
}

/** Domain lists become sets, looked up once per label suffix of a host (a.b.example.com → …). */
type DomainSet = ReadonlySet<string>;

function matchesDomain(hostname: string, domains: DomainSet): boolean {
  let host = hostname;
  while (true) {
    if (domains.has(host)) return true;
    const dot = host.indexOf('.');
    if (dot === -1) return false;
    host = host.slice(dot + 1);
  }
}

const ARCHIVE_DOMAINS: DomainSet = new Set([
  'web.archive.org',
  'wayback.archive.org',
  'archive.org',
  'archive.today',
  'archive.ph',
  'archive.is',
  'archive.li',
  'archive.vn',
  'archive.fo',
  'archive.md',
  'perma.cc',
  'webcitation.org',
  'ghostarchive.org',
  'archive-it.org',
  'arquivo.pt',
  'webarchive.org.uk',
  'webarchive.nationalarchives.gov.uk',
  'timetravel.mementoweb.org',
]);

const ACADEMIC_DOMAINS: DomainSet = new Set([
  'doi.org',
  'arxiv.org',
  'biorxiv.org',
  'medrxiv.org',
  'ssrn.com',
  'jstor.org',
  'ncbi.nlm.nih.gov',
  'europepmc.org',
  'semanticscholar.org',
  'researchgate.net',
  'academia.edu',
  'philpapers.org',
  'hal.science',
  'hal.archives-ouvertes.fr',
  'zenodo.org',
  'osf.io',
  'nature.com',
  'science.org',
  'sciencemag.org',
  'sciencedirect.com',
  'springer.com',
  'wiley.com',
  'tandfonline.com',
  'sagepub.com',
  'cell.com',
  'thelancet.com',
  'nejm.org',
  'bmj.com',
  'jamanetwork.com',
  'plos.org',
  'pnas.org',
  'frontiersin.org',
  'mdpi.com',
  'ieeexplore.ieee.org',
  'dl.acm.org',
  'academic.oup.com',
  'iopscience.iop.org',
  'aps.org',
]);

const DOCUMENT_EXTENSIONS = /\.(?:pdf|docx?|xlsx?|pptx?|odt|ods|odp|rtf|csv)$/i;

const SOCIAL_DOMAINS: DomainSet = new Set([
  'twitter.com',
  'x.com',
  't.co',
  'facebook.com',
  'fb.com',
  'fb.watch',
  'instagram.com',
  'tiktok.com',
  'youtube.com',
  'youtu.be',
  'reddit.com',
  'redd.it',
  'linkedin.com',
  'threads.net',
  'threads.com',
  'bsky.app',
  'mastodon.social',
  'mstdn.social',
  'tumblr.com',
  'pinterest.com',
  'vk.com',
  'weibo.com',
  't.me',
  'telegram.me',
  'snapchat.com',
  'twitch.tv',
  'vimeo.com',
  'quora.com',
  'truthsocial.com',
  'plus.google.com',
]);

const GOVERNMENT_DOMAINS: DomainSet = new Set([
  'europa.eu',
  'canada.ca',
  'gc.ca',
  'bund.de',
  'bundestag.de',
  'bundesregierung.de',
  'admin.ch',
  'gv.at',
  'overheid.nl',
  'rijksoverheid.nl',
  'government.nl',
  'un.org',
  'service-public.fr',
  'parliament.uk',
]);

/** Government second-level zones: example.gov, x.gov.uk, x.gouv.fr, x.gob.mx, x.go.jp, x.mil ... */
const GOVERNMENT_HOST =
  /(?:^|\.)(?:gov|mil|int)$|\.(?:gov|gouv|gob|govt|mil|go|nic)\.[a-z]{2}$|\.state\.[a-z]{2}\.us$/;

const ACADEMIC_HOST = /(?:^|\.)edu$|\.(?:edu|ac)\.[a-z]{2}$/;

const NEWS_DOMAINS: DomainSet = new Set([
  'nytimes.com',
  'washingtonpost.com',
  'wsj.com',
  'usatoday.com',
  'latimes.com',
  'bostonglobe.com',
  'chicagotribune.com',
  'sfchronicle.com',
  'nypost.com',
  'nydailynews.com',
  'miamiherald.com',
  'seattletimes.com',
  'dallasnews.com',
  'denverpost.com',
  'apnews.com',
  'reuters.com',
  'afp.com',
  'bloomberg.com',
  'cnn.com',
  'foxnews.com',
  'nbcnews.com',
  'cbsnews.com',
  'abcnews.go.com',
  'npr.org',
  'pbs.org',
  'politico.com',
  'politico.eu',
  'axios.com',
  'thehill.com',
  'theatlantic.com',
  'newyorker.com',
  'time.com',
  'newsweek.com',
  'huffpost.com',
  'huffingtonpost.com',
  'buzzfeed.com',
  'buzzfeednews.com',
  'vox.com',
  'slate.com',
  'salon.com',
  'motherjones.com',
  'propublica.org',
  'theintercept.com',
  'vice.com',
  'qz.com',
  'fortune.com',
  'forbes.com',
  'cnbc.com',
  'marketwatch.com',
  'businessinsider.com',
  'breitbart.com',
  'theverge.com',
  'wired.com',
  'arstechnica.com',
  'techcrunch.com',
  'engadget.com',
  'cnet.com',
  'zdnet.com',
  'theguardian.com',
  'bbc.co.uk',
  'bbc.com',
  'independent.co.uk',
  'telegraph.co.uk',
  'thetimes.co.uk',
  'ft.com',
  'economist.com',
  'dailymail.co.uk',
  'mirror.co.uk',
  'sky.com',
  'itv.com',
  'irishtimes.com',
  'rte.ie',
  'lemonde.fr',
  'liberation.fr',
  'lefigaro.fr',
  'france24.com',
  'rfi.fr',
  'euronews.com',
  'spiegel.de',
  'zeit.de',
  'faz.net',
  'sueddeutsche.de',
  'welt.de',
  'tagesschau.de',
  'dw.com',
  'thelocal.de',
  'thelocal.fr',
  'thelocal.se',
  'thelocal.it',
  'thelocal.es',
  'thelocal.ch',
  'thelocal.at',
  'thelocal.dk',
  'thelocal.no',
  'elpais.com',
  'elmundo.es',
  'corriere.it',
  'repubblica.it',
  'lanacion.com.ar',
  'clarin.com',
  'folha.uol.com.br',
  'globo.com',
  'aktualne.cz',
  'idnes.cz',
  'aljazeera.com',
  'scmp.com',
  'japantimes.co.jp',
  'asahi.com',
  'nikkei.com',
  'abc.net.au',
  'smh.com.au',
  'theage.com.au',
  'news.com.au',
  'heraldsun.com.au',
  'stuff.co.nz',
  'nzherald.co.nz',
  'rnz.co.nz',
  'radionz.co.nz',
  'cbc.ca',
  'theglobeandmail.com',
  'ctvnews.ca',
  'thestar.com',
  'timesofindia.indiatimes.com',
  'hindustantimes.com',
  'thehindu.com',
]);

const CAMBRIDGE: DomainSet = new Set(['cambridge.org']);

/** Name parts that newspapers use: newburyportnews.com, seattletimes.com, heraldsun.com.au ... */
const NEWS_NAME = /news|times|herald|tribune|gazette|chronicle/;

/** Whether a site is a news outlet by its address alone (curated list, `news.` host, newspaper-like name). */
export function isNewsHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (matchesDomain(host, NEWS_DOMAINS) || host.startsWith('news.')) return true;
  const site = registrableDomain(host);
  const name = site.split('.')[0] ?? '';
  return NEWS_NAME.test(name);
}

export function isArchiveUrl(url: URL): boolean {
  return matchesDomain(url.hostname, ARCHIVE_DOMAINS);
}

function isAcademic(url: URL): boolean {
  const host = url.hostname;
  return (
    matchesDomain(host, ACADEMIC_DOMAINS) ||
    ACADEMIC_HOST.test(host) ||
    /^scholar\.google\./.test(host) ||
    (matchesDomain(host, CAMBRIDGE) && url.pathname.startsWith('/core/'))
  );
}

function isDocument(url: URL): boolean {
  return DOCUMENT_EXTENSIONS.test(url.pathname);
}

function isSocial(url: URL): boolean {
  const host = url.hostname;
  // Fediverse instances have no common domain; their names usually say what they are.
  return matchesDomain(host, SOCIAL_DOMAINS) || /(?:^|\.)(?:mastodon|mstdn)\./.test(host);
}

function isGovernment(url: URL): boolean {
  return GOVERNMENT_HOST.test(url.hostname) || matchesDomain(url.hostname, GOVERNMENT_DOMAINS);
}

function isNews(url: URL, context: KindContext): boolean {
  if (isNewsHost(url.hostname)) return true;
  if (/(?:^|\/)news(?:\/|$)/i.test(url.pathname)) return true;
  return context.pageIsNews && registrableDomain(url.hostname) === context.pageRegistrableDomain;
}

export function citationKind(url: URL, context: KindContext): CitationKind {
  if (isArchiveUrl(url)) return 'archive';
  if (isAcademic(url)) return 'academic';
  if (isDocument(url)) return 'document';
  if (isSocial(url)) return 'social';
  if (isGovernment(url)) return 'government';
  if (isNews(url, context)) return 'news';
  return 'other';
}
