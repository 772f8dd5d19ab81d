/**
 * Page furniture: links that belong to the page's frame rather than to what the article says —
 * bylines, tag and category lists, comment counts, share buttons, "related posts" blocks.
 *
 * Context decides, not the URL alone: the seed links "the BKA" to the site's /tag/bka/ page inside a
 * sentence (a citation), and lists the same URL again among its tags (furniture). So tag, category
 * and author URLs are furniture only outside running prose, while markup that names its role
 * (rel=tag, rel=author, a share URL, a container called "related-posts") is furniture anywhere.
 */

import { isFurnitureName } from './furniture-names';

export { isFurnitureName } from './furniture-names';
export { isShareUrl } from './share-url';

const FURNITURE_RELS = new Set(['author', 'tag', 'category']);

export function hasFurnitureRel(link: Element): boolean {
  const rel = link.getAttribute('rel');
  if (!rel) return false;
  for (const token of rel.toLowerCase().split(/\s+/)) if (FURNITURE_RELS.has(token)) return true;
  return false;
}

/** Links to the comment section of a page (counts, "Leave a reply"). */
export function isCommentsLink(url: URL): boolean {
  return /^#(?:comments?|respond|reply|disqus_thread|comment-\d+|comments-section)$/i.test(url.hash);
}

/** Author, tag and category archive pages of a site. */
export function isArchivePagePath(url: URL): boolean {
  return /\/(?:author|authors|tag|tags|category|categories)\//i.test(url.pathname);
}

const FURNITURE_ELEMENTS = new Set(['nav']);
const FURNITURE_ROLES = new Set(['navigation', 'complementary']);

function isFurnitureContainer(el: Element): boolean {
  if (FURNITURE_ELEMENTS.has(el.localName)) return true;
  const role = el.getAttribute('role');
  if (role && FURNITURE_ROLES.has(role)) return true;
  const itemprop = el.getAttribute('itemprop');
  if (itemprop && /(?:^|\s)author(?:\s|$)/.test(itemprop)) return true;
  if (el.id && isFurnitureName(el.id)) return true;
  const className = el.getAttribute('class');
  if (className) {
    for (const name of className.split(/\s+/)) if (name && isFurnitureName(name)) return true;
  }
  return false;
}

/**
 * Remembers each ancestor's verdict: links of one page share most of their ancestors.
 *
 * The walk up from a link stops at `boundary`, the lowest element holding every link of the article:
 * what wraps the whole article cannot be furniture inside it, and pages hang state classes on such
 * wrappers (Medium's `is-showingReadNextSidebar` on a page-level element) that would otherwise read
 * as "read next" furniture.
 */
export class FurnitureContainers {
  private readonly verdicts = new Map<Element, boolean>();

  constructor(private readonly boundary: Element | null) {}

  /** The link itself counts: `<a class="post-tag">` names its role as well as a wrapper would. */
  contains(link: Element): boolean {
    return this.inside(link);
  }

  private inside(el: Element | null): boolean {
    if (!el || el === this.boundary || el.localName === 'body' || el.localName === 'html') return false;
    const known = this.verdicts.get(el);
    if (known !== undefined) return known;
    const verdict = isFurnitureContainer(el) || this.inside(el.parentElement);
    this.verdicts.set(el, verdict);
    return verdict;
  }
}

/** "Related: <a>…</a>", "Read more: <a>…</a>": a promotion of the outlet's own story. */
export function startsWithPromotionLabel(paragraphText: string): boolean {
  return /^\s*(?:related(?:\s+(?:articles?|stories|story|posts?|coverage|content|reading|news))?|read\s+(?:more|also|next)|also\s+read|see\s+also|more|recommended|watch|listen|more\s+on\s+this(?:\s+story)?|further\s+reading|don[’']t\s+miss)\s*[:|»›>–—-]/i.test(
    paragraphText,
  );
}
