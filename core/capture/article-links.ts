import { listLinks } from '../citations/link-index';

/** A link as matching knows it: its absolute address and its text. */
export interface LinkSignature {
  address: string;
  text: string;
}

/**
 * Which live links ended up in Readability's article, as positions in the live page's link list.
 *
 * Readability moves the clone's elements into the article, so a Map from each clone link to its
 * position answers exactly, with no attribute writes on the clone. But when its first attempt keeps
 * too little text, Readability restores the page from an HTML string and tries again: every element
 * is then new. For those pages the links are matched back by address (Readability has made it
 * absolute) and text (see matchLinks).
 */
export class ArticleLinkMap {
  private readonly positions = new Map<Element, number>();

  /** `list` enumerates links as listLinks does, for DOMs without selectors (Readability's JSDOMParser). */
  constructor(
    clone: Document,
    private readonly liveLinks: readonly Element[],
    private readonly baseUrl: string,
    private readonly list: (root: Document | Element) => Element[] = listLinks,
  ) {
    this.list(clone).forEach((link, index) => {
      this.positions.set(link, index);
    });
  }

  indexesOf(article: Element): number[] {
    const links = this.list(article);
    const indexes: number[] = [];
    for (const link of links) {
      const index = this.positions.get(link);
      if (index === undefined) {
        const wanted = links.map((each) => linkSignature(each, this.baseUrl));
        return matchLinks(wanted, this.liveLinks, this.baseUrl).filter((found) => found !== null);
      }
      indexes.push(index);
    }
    return indexes;
  }
}

/**
 * The position in `liveLinks` of each wanted link, or null where none is left: the first unused live link with
 * the same address and text, else the first unused one with the same address, in document order.
 */
export function matchLinks(
  wanted: readonly LinkSignature[],
  liveLinks: readonly Element[],
  baseUrl: string,
): Array<number | null> {
  const byAddress = new Map<string, number[]>();
  liveLinks.forEach((link, index) => {
    const key = linkAddress(link, baseUrl);
    const list = byAddress.get(key);
    if (list) list.push(index);
    else byAddress.set(key, [index]);
  });
  const used = new Set<number>();
  return wanted.map(({ address, text }) => {
    const candidates = byAddress.get(address)?.filter((index) => !used.has(index));
    if (!candidates || candidates.length === 0) return null;
    const index =
      candidates.find((candidate) => {
        const live = liveLinks[candidate];
        return live !== undefined && linkText(live) === text;
      }) ?? candidates[0];
    if (index === undefined) return null;
    used.add(index);
    return index;
  });
}

export function linkSignature(link: Element, baseUrl: string): LinkSignature {
  return { address: linkAddress(link, baseUrl), text: linkText(link) };
}

/** The link's absolute address (its href as written when it does not parse). */
export function linkAddress(link: Element, baseUrl: string): string {
  const href = link.getAttribute('href') ?? '';
  try {
    return new URL(href, baseUrl).href;
  } catch {
    return href;
  }
}

function linkText(link: Element): string {
  return (link.textContent ?? '').replace(/\s+/g, ' ').trim();
}
