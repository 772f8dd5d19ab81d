/**
 * Whether a class or id names a furniture container ("post-tags", "author-box", "jp-relatedposts"),
 * read as a whole name rather than word by word, so that "tag-bka" (a value WordPress prints on the
 * article itself) or "social-embed" (an embedded post, a real source) are not mistaken for it.
 */

/** Class or id words that name a furniture container on their own, whatever surrounds them. */
const STRONG_WORDS = new Set([
  'related',
  'relatedposts',
  'recommended',
  'recommendations',
  'morestories',
  'readnext',
  'sharing',
  'share',
  'sharebar',
  'sharetools',
  'sharedaddy',
  'addthis',
  'addtoany',
  'a2a',
  'shareaholic',
  'byline',
  'bylines',
  'breadcrumb',
  'breadcrumbs',
  'outbrain',
  'taboola',
  'disqus',
  'tagcloud',
  'taglist',
  'yarpp',
  'editsection',
  // Print stylesheets hide the page's own controls: the reader's tools, not the text's sources.
  'noprint',
]);

/**
 * Words that name furniture only when the whole class is made of them ("post-tags", "author-box",
 * "entry-meta"). WordPress prints values in classes too ("tag-bka", "category-news", "author-jane"
 * on the article itself), and those must not turn the whole article into furniture.
 */
const ROLE_WORDS = new Set([
  'author',
  'authors',
  'tag',
  'tags',
  'category',
  'categories',
  'cat',
  'comment',
  'comments',
  'respond',
  'social',
  'meta',
]);

/** Multi-word names of recommendation blocks, matched on the whole dash-joined class. */
const STRONG_PHRASE =
  /(?:^|-)(?:more-stories|read-next|up-next|you-may-(?:also-)?like|also-read|most-(?:popular|read)|trending-stories)(?:-|$)/;

const STRUCTURE_WORDS = new Set([
  'post',
  'entry',
  'article',
  'story',
  'page',
  'jp',
  'the',
  'links',
  'link',
  'list',
  'box',
  'block',
  'bar',
  'wrap',
  'wrapper',
  'container',
  'section',
  'area',
  'widget',
  'module',
  'buttons',
  'button',
  'icons',
  'info',
  'name',
  'bio',
  'count',
  'cloud',
  'inner',
  'title',
  'items',
  'item',
  'footer',
  'header',
  'top',
  'bottom',
  'media',
  'follow',
  'tools',
  'by',
  'data',
  'holder',
  'content',
  'details',
  'line',
]);

function splitWords(name: string): string[] {
  return name
    .replace(/([a-z])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .split(/[-_\s]+/)
    .filter((word) => word !== '');
}

const nameVerdicts = new Map<string, boolean>();

/** Class and id names repeat across a page (and pages): each is judged once. */
export function isFurnitureName(name: string): boolean {
  let verdict = nameVerdicts.get(name);
  if (verdict === undefined) {
    verdict = judgeName(name);
    if (nameVerdicts.size > 5000) nameVerdicts.clear();
    nameVerdicts.set(name, verdict);
  }
  return verdict;
}

/** WordPress-style value classes: "tag-related" says the post is tagged "related", nothing more. */
const VALUE_CLASS = /^(?:tag|category|author|format|status|type)-/i;

function judgeName(name: string): boolean {
  const words = splitWords(name);
  if (words.length === 0) return false;
  const strong = STRONG_PHRASE.test(words.join('-')) || words.some((word) => STRONG_WORDS.has(word));
  if (strong && !VALUE_CLASS.test(name)) return true;
  let role = false;
  for (const word of words) {
    if (ROLE_WORDS.has(word)) role = true;
    else if (!STRUCTURE_WORDS.has(word)) return false;
  }
  return role;
}
