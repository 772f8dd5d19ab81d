import { joinNames, type MetadataCandidate } from './candidate';

/**
 * schema.org microdata (`itemprop`). Values inside an article item are preferred over the first ones
 * on the page: comment authors and related-story dates carry the same itemprops.
 */

const ARTICLE_ITEM = /schema\.org\/(?:\w*Article|BlogPosting|LiveBlogPosting|Report)\b/i;

function propertyValue(el: Element): string | null {
  const value = el.getAttribute('content') ?? el.getAttribute('datetime') ?? el.textContent;
  return value?.replace(/\s+/g, ' ').trim() || null;
}

/** An author item's name, else the author element's own text. */
function personName(el: Element): string | null {
  if (el.hasAttribute('itemscope')) {
    const name = el.querySelector('[itemprop~="name"]');
    return name ? propertyValue(name) : null;
  }
  return propertyValue(el);
}

function inArticleItem(el: Element): boolean {
  const item = el.parentElement?.closest('[itemscope][itemtype]');
  return item ? ARTICLE_ITEM.test(item.getAttribute('itemtype') ?? '') : false;
}

interface Found {
  article: string[];
  anywhere: string[];
}

export const MICRODATA_SELECTOR = '[itemprop]';

/** Collects the itemprops a byline and dates come from, one element at a time (see markup.ts). */
export class MicrodataReader {
  private readonly found = new Map<string, Found>();

  accept(el: Element): void {
    for (const prop of (el.getAttribute('itemprop') ?? '').split(/\s+/)) {
      switch (prop) {
        case 'author':
        case 'creator':
          this.add('author', personName(el), el);
          break;
        case 'headline':
        case 'datePublished':
        case 'dateModified':
        case 'dateCreated':
        case 'inLanguage':
          this.add(prop, propertyValue(el), el);
          break;
      }
    }
  }

  result(): MetadataCandidate {
    return {
      title: this.best('headline')[0] ?? null,
      byline: joinNames(this.best('author')),
      publishedTime: this.best('datePublished')[0] ?? this.best('dateCreated')[0] ?? null,
      modifiedTime: this.best('dateModified')[0] ?? null,
      lang: this.best('inLanguage')[0] ?? null,
    };
  }

  private add(prop: string, value: string | null, el: Element): void {
    if (!value) return;
    let entry = this.found.get(prop);
    if (!entry) {
      entry = { article: [], anywhere: [] };
      this.found.set(prop, entry);
    }
    entry.anywhere.push(value);
    if (inArticleItem(el)) entry.article.push(value);
  }

  /** Outside an article item only the first value is trusted: later ones are often comments. */
  private best(prop: string): string[] {
    const entry = this.found.get(prop);
    if (!entry) return [];
    return entry.article.length > 0 ? entry.article : entry.anywhere.slice(0, 1);
  }
}

export function readMicrodata(root: ParentNode): MetadataCandidate {
  const reader = new MicrodataReader();
  for (const el of root.querySelectorAll(MICRODATA_SELECTOR)) reader.accept(el);
  return reader.result();
}
