import { registrableDomain } from '../url/registrable-domain';
import { withoutFragment } from '../url/web-address';
import type { CitationRelation } from './types';

/** What a link is relative to the page it appears on. */
export class PageRelation {
  readonly site: string;
  private readonly selfAddresses: Set<string>;

  constructor(pageUrl: string, canonicalUrl: string | null) {
    this.site = registrableDomain(safeHostname(pageUrl));
    // A link to the page's own canonical address is the page itself too (e.g. "8 Comments").
    this.selfAddresses = new Set([withoutFragment(pageUrl)]);
    if (canonicalUrl) this.selfAddresses.add(withoutFragment(canonicalUrl));
  }

  /** Fragment-only hrefs and links back to this page (any fragment) are navigation within it. */
  isSamePage(href: string, url: URL): boolean {
    return href.trimStart().startsWith('#') || this.selfAddresses.has(withoutFragment(url));
  }

  relationOf(url: URL): CitationRelation {
    return registrableDomain(url.hostname) === this.site ? 'same-site' : 'external';
  }
}

function safeHostname(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
