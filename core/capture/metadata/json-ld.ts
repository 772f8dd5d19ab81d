import { joinNames, type MetadataCandidate } from './candidate';

/**
 * schema.org JSON-LD: the most deliberate metadata a publisher gives (Google requires it for news),
 * so it comes first for most fields. Handles arrays, `@graph`, `@id` references, full-URL types
 * ("http://schema.org/NewsArticle") and authors as a string, an object or a list of either.
 */

type JsonObject = Record<string, unknown>;

const ARTICLE_TYPES = new Set([
  'Article',
  'NewsArticle',
  'AnalysisNewsArticle',
  'AskPublicNewsArticle',
  'BackgroundNewsArticle',
  'OpinionNewsArticle',
  'ReportageNewsArticle',
  'ReviewNewsArticle',
  'BlogPosting',
  'LiveBlogPosting',
  'SocialMediaPosting',
  'DiscussionForumPosting',
  'TechArticle',
  'ScholarlyArticle',
  'Report',
  'SatiricalArticle',
]);

const NEWS_TYPES = new Set([
  'NewsArticle',
  'AnalysisNewsArticle',
  'AskPublicNewsArticle',
  'BackgroundNewsArticle',
  'OpinionNewsArticle',
  'ReportageNewsArticle',
  'ReviewNewsArticle',
  'LiveBlogPosting',
]);

const PAGE_TYPES = new Set(['WebPage', 'ItemPage', 'CollectionPage', 'AboutPage', 'ProfilePage']);

export interface JsonLdFacts {
  candidate: MetadataCandidate;
  /** The page declares itself a news article. */
  isNewsArticle: boolean;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typesOf(node: JsonObject): string[] {
  const raw = node['@type'];
  const list = Array.isArray(raw) ? raw : [raw];
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^.*[/#:]/, ''));
}

function parseScript(text: string): unknown {
  const cleaned = text
    .replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '')
    .replace(/^\s*<!--|-->\s*$/g, '')
    .trim();
  if (cleaned === '') return null;
  try {
    return JSON.parse(cleaned);
  } catch {
    return null;
  }
}

/** Every object of every JSON-LD block, flattening arrays and @graph. */
function collectNodes(doc: Document): JsonObject[] {
  const nodes: JsonObject[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
    } else if (isObject(value)) {
      nodes.push(value);
      if (value['@graph'] !== undefined) visit(value['@graph']);
    }
  };
  for (const script of doc.querySelectorAll('script[type]')) {
    const type = script.getAttribute('type')?.trim().toLowerCase();
    if (type === 'application/ld+json') visit(parseScript(script.textContent ?? ''));
  }
  return nodes;
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) return text(value[0]);
  if (isObject(value) && typeof value['@value'] === 'string') return text(value['@value']);
  return null;
}

class Graph {
  private readonly byId = new Map<string, JsonObject>();

  constructor(nodes: readonly JsonObject[]) {
    for (const node of nodes) {
      if (typeof node['@id'] === 'string' && typesOf(node).length > 0) this.byId.set(node['@id'], node);
    }
  }

  /** Follows `{ "@id": … }` references to the full node when the graph has it. */
  resolve(value: unknown): unknown {
    if (isObject(value) && typeof value['@id'] === 'string' && Object.keys(value).length === 1) {
      return this.byId.get(value['@id']) ?? value;
    }
    return value;
  }

  names(value: unknown): string[] {
    const list = Array.isArray(value) ? value : [value];
    const names: string[] = [];
    for (const item of list) {
      const resolved = this.resolve(item);
      const name = typeof resolved === 'string' ? resolved : isObject(resolved) ? text(resolved.name) : null;
      // Some sites put the author's profile URL where the name belongs.
      if (name && !/^https?:\/\//i.test(name)) names.push(name);
    }
    return names;
  }
}

function pickArticle(nodes: readonly JsonObject[]): JsonObject | null {
  return (
    nodes.find((node) => typesOf(node).some((t) => ARTICLE_TYPES.has(t))) ??
    nodes.find((node) => typesOf(node).some((t) => PAGE_TYPES.has(t))) ??
    null
  );
}

function language(value: unknown): string | null {
  if (isObject(value)) return text(value.alternateName) ?? text(value.name);
  return text(value);
}

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Share of `candidate`'s words that the page's <title> also has. */
function titleOverlap(candidate: string, pageTitle: string): number {
  const titleWords = new Set(words(pageTitle));
  const candidateWords = words(candidate);
  if (candidateWords.length === 0) return 0;
  return candidateWords.filter((word) => titleWords.has(word)).length / candidateWords.length;
}

/**
 * `name` and `headline` usually agree. When they do not, one of them is something else: Wikipedia's
 * headline is a short description, aktualne.cz's name is the site's name. The one the page's <title>
 * agrees with wins; `name` when undecided (as Readability does).
 */
function chooseTitle(name: string | null, headline: string | null, pageTitle: string): string | null {
  if (!name || !headline || name === headline) return name ?? headline;
  return titleOverlap(headline, pageTitle) > titleOverlap(name, pageTitle) ? headline : name;
}

export function readJsonLd(doc: Document): JsonLdFacts {
  const nodes = collectNodes(doc);
  const article = pickArticle(nodes);
  if (!article) return { candidate: {}, isNewsArticle: false };
  const graph = new Graph(nodes);
  const website = nodes.find((node) => typesOf(node).includes('WebSite'));
  const publisher = graph.resolve(article.publisher);
  const candidate: MetadataCandidate = {
    title: chooseTitle(text(article.name), text(article.headline), doc.title),
    byline: joinNames(graph.names(article.author ?? article.creator)),
    siteName:
      (isObject(publisher) ? text(publisher.name) : text(publisher)) ?? (website ? text(website.name) : null),
    publishedTime: text(article.datePublished) ?? text(article.dateCreated),
    modifiedTime: text(article.dateModified),
    lang: language(article.inLanguage),
    excerpt: text(article.description),
  };
  return { candidate, isNewsArticle: typesOf(article).some((t) => NEWS_TYPES.has(t)) };
}
