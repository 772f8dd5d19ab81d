import { joinNames, type MetadataCandidate } from './candidate';

/**
 * `<meta>` tags: Open Graph, article:*, Dublin Core, Parse.ly, Sailthru, Highwire (citation_*) and
 * plain HTML names. For each field the keys are listed best first.
 */

const TITLE = ['og:title', 'twitter:title', 'parsely-title', 'dc.title', 'dcterms.title', 'sailthru.title'];
const AUTHOR = [
  'author',
  'article:author',
  'parsely-author',
  'dc.creator',
  'dcterms.creator',
  'sailthru.author',
  'byl',
];
const SITE_NAME = ['og:site_name', 'application-name', 'dc.publisher', 'dcterms.publisher'];
const PUBLISHED = [
  'article:published_time',
  'og:article:published_time',
  'article:published',
  'parsely-pub-date',
  'dcterms.issued',
  'dc.date.issued',
  'dcterms.created',
  'dc.date.created',
  'dcterms.date',
  'dc.date',
  'datepublished',
  'publish-date',
  'publish_date',
  'publishdate',
  'pubdate',
  'sailthru.date',
  'citation_publication_date',
  'citation_date',
  'ptime',
  'pdate',
  'date',
];
const MODIFIED = [
  'article:modified_time',
  'og:updated_time',
  'article:modified',
  'dcterms.modified',
  'dc.date.modified',
  'datemodified',
  'last-modified',
  'utime',
];
const LANG = ['og:locale', 'dc.language', 'dcterms.language', 'content-language', 'language'];
const EXCERPT = [
  'og:description',
  'description',
  'twitter:description',
  'dc.description',
  'dcterms.description',
];

type MetaMap = Map<string, string[]>;

function readMetaMap(doc: Document): MetaMap {
  const map: MetaMap = new Map();
  // These tags belong in <head>; searching only there spares a walk over a large body.
  for (const meta of (doc.head ?? doc).querySelectorAll('meta[content]')) {
    const content = meta.getAttribute('content')?.trim();
    if (!content) continue;
    const keys = [meta.getAttribute('property'), meta.getAttribute('name'), meta.getAttribute('http-equiv')];
    for (const key of keys) {
      if (!key) continue;
      // `property` may hold several space-separated names (RDFa).
      for (const name of key.toLowerCase().split(/\s+/)) {
        if (!name) continue;
        const values = map.get(name);
        if (values) values.push(content);
        else map.set(name, [content]);
      }
    }
  }
  return map;
}

function first(map: MetaMap, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = map.get(key)?.[0];
    if (value) return value;
  }
  return null;
}

/** article:author is often a profile URL; citation_author comes once per author. */
function author(map: MetaMap): string | null {
  for (const key of AUTHOR) {
    const names = (map.get(key) ?? []).filter((value) => !/^https?:\/\//i.test(value));
    if (names.length > 0) return joinNames(names);
  }
  return joinNames(map.get('citation_author') ?? []);
}

/** Older Parse.ly pages put everything in one JSON blob. */
function parselyPage(map: MetaMap): MetadataCandidate {
  const raw = map.get('parsely-page')?.[0];
  if (!raw) return {};
  try {
    const data = JSON.parse(raw) as Record<string, unknown>;
    const str = (value: unknown) => (typeof value === 'string' ? value : null);
    return { title: str(data.title), publishedTime: str(data.pub_date), byline: str(data.author) };
  } catch {
    return {};
  }
}

export function readMetaTags(doc: Document): MetadataCandidate {
  const map = readMetaMap(doc);
  const parsely = parselyPage(map);
  return {
    title: first(map, TITLE) ?? parsely.title,
    byline: author(map) ?? parsely.byline,
    siteName: first(map, SITE_NAME),
    publishedTime: first(map, PUBLISHED) ?? parsely.publishedTime,
    modifiedTime: first(map, MODIFIED),
    lang: first(map, LANG),
    excerpt: first(map, EXCERPT),
    canonicalUrl: first(map, ['og:url']),
  };
}
