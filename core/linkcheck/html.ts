/**
 * Just enough HTML reading for link checking, without a DOM: an MV3 service worker has no DOMParser, and the
 * checker only needs a page's title, its canonical address and its words (to compare it with the soft-404
 * probe). Pages are read from a capped prefix, so everything here tolerates cut-off markup.
 */

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  laquo: '«',
  raquo: '»',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  middot: '·',
  bull: '•',
  copy: '©',
  reg: '®',
  auml: 'ä',
  ouml: 'ö',
  uuml: 'ü',
  Auml: 'Ä',
  Ouml: 'Ö',
  Uuml: 'Ü',
  szlig: 'ß',
  eacute: 'é',
  egrave: 'è',
  agrave: 'à',
  ccedil: 'ç',
  ntilde: 'ñ',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (match, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
    }
    return NAMED_ENTITIES[name] ?? NAMED_ENTITIES[name.toLowerCase()] ?? match;
  });
}

function normaliseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The page title: `<title>`, else `og:title`. */
export function extractTitle(html: string): string | undefined {
  const title = html.match(/<title\b[^>]*>([\s\S]*?)<\/title\s*>/i)?.[1];
  if (title !== undefined) {
    const text = normaliseSpace(decodeEntities(title.replace(/<[^>]*>/g, '')));
    if (text !== '') return text;
  }
  const og = metaContent(html, 'og:title');
  return og === undefined ? undefined : normaliseSpace(og);
}

function attribute(tag: string, name: string): string | undefined {
  const match = tag.match(new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i'));
  if (!match) return undefined;
  return decodeEntities(match[1] ?? match[2] ?? match[3] ?? '');
}

function metaContent(html: string, property: string): string | undefined {
  for (const tag of html.match(/<meta\b[^>]*>/gi) ?? []) {
    const key = attribute(tag, 'property') ?? attribute(tag, 'name');
    if (key?.toLowerCase() === property) return attribute(tag, 'content');
  }
  return undefined;
}

/** `<link rel=canonical href>` resolved against the page address. */
export function extractCanonical(html: string, pageUrl: string): string | undefined {
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    const rel = attribute(tag, 'rel');
    if (!rel?.toLowerCase().split(/\s+/).includes('canonical')) continue;
    const href = attribute(tag, 'href');
    if (!href) continue;
    try {
      return new URL(href.trim(), pageUrl).href;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Visible words of the page: scripts, styles, comments and tags removed, entities decoded. */
export function extractText(html: string): string {
  const withoutInvisible = html
    .replace(/<!--[\s\S]*?(-->|$)/g, ' ')
    .replace(/<(script|style|noscript|template|svg)\b[\s\S]*?(<\/\1\s*>|$)/gi, ' ')
    .replace(/<[^>]*>/g, ' ');
  return normaliseSpace(decodeEntities(withoutInvisible));
}

/** Whitespace-split tokens of the page text, as in Bar-Yossef et al. */
export function textTokens(html: string, maxChars = 64 * 1024): string[] {
  const text = extractText(html.slice(0, maxChars));
  return text === '' ? [] : text.split(' ');
}

/** Charset from Content-Type, else from an early `<meta charset>`; UTF-8 by default. */
export function decodeBody(bytes: Uint8Array, contentType: string | undefined): string {
  const fromHeader = contentType?.match(/charset\s*=\s*"?([\w.:-]+)/i)?.[1];
  let label = fromHeader;
  if (!label) {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
    label =
      head.match(/<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i)?.[1] ??
      head.match(/<meta[^>]+content\s*=\s*["'][^"']*charset=([\w.:-]+)/i)?.[1];
  }
  try {
    return new TextDecoder(label ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

export function isHtmlLike(contentType: string | undefined): boolean {
  if (!contentType) return true;
  return /text\/html|application\/xhtml\+xml|text\/plain|text\/xml|application\/xml/i.test(contentType);
}
