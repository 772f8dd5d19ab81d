import { listLinks } from '../citations/link-index';

/**
 * Which live links ended up in Readability's article, as positions in the live page's link list.
 *
 * Readability moves the clone's elements into the article, so a Map from each clone link to its
 * position answers exactly, with no attribute writes on the clone. But when its first attempt keeps
 * too little text, Readability restores the page from an HTML string and tries again: every element
 * is then new. For those pages the links are matched back by address (Readability has made it
 * absolute) and text, taking the first unused live link with both in common, in document order.
 */
export class ArticleLinkMap {
  private readonly positions = new Map<Element, number>();

  constructor(
    clone: Document,
    private readonly liveLinks: readonly Element[],
    private readonly baseUrl: string,
  ) {
    listLinks(clone).forEach((link, index) => {
      this.positions.set(link, index);
    });
  }

  indexesOf(article: Element): number[] {
    const links = listLinks(article);
    const indexes: number[] = [];
    for (const link of links) {
      const index = this.positions.get(link);
      if (index === undefined) return this.matchByContent(links);
      indexes.push(index);
    }
    return indexes;
  }

  private matchByContent(articleLinks: readonly Element[]): number[] {
    const byAddress = new Map<string, number[]>();
    this.liveLinks.forEach((link, index) => {
      const key = this.address(link);
      const list = byAddress.get(key);
      if (list) list.push(index);
      else byAddress.set(key, [index]);
    });
    const used = new Set<number>();
    const indexes: number[] = [];
    for (const link of articleLinks) {
      const candidates = byAddress.get(this.address(link))?.filter((index) => !used.has(index));
      if (!candidates || candidates.length === 0) continue;
      const text = textOf(link);
      const index =
        candidates.find((candidate) => {
          const live = this.liveLinks[candidate];
          return live !== undefined && textOf(live) === text;
        }) ?? candidates[0];
      if (index === undefined) continue;
      used.add(index);
      indexes.push(index);
    }
    return indexes;
  }

  private address(link: Element): string {
    const href = link.getAttribute('href') ?? '';
    try {
      return new URL(href, this.baseUrl).href;
    } catch {
      return href;
    }
  }
}

function textOf(link: Element): string {
  return (link.textContent ?? '').replace(/\s+/g, ' ').trim();
}
