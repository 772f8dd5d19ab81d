import { html, redirect } from '../respond';
import type { Site } from '../site';
import { type ArticleContent, articlePage, notFoundPage, page } from '../templates';

/**
 * A source whose fate the test sets between runs, for watching a source over time: it stands, then it is gone,
 * down for an afternoon, or sends every address home, then perhaps it comes back. Its other addresses answer an
 * honest 404 (so the soft-404 probe is satisfied while it stands).
 */
export type ChangingFate = 'alive' | 'gone' | 'down' | 'sent-home';

export interface ChangingSite {
  site: Site;
  /** The fate from the next request on. */
  setFate(fate: ChangingFate): void;
  /** What the page says from the next request on, while it stands (an edited page: the same address, new words). */
  rewrite(paragraphs: string[]): void;
  fate(): ChangingFate;
}

export function changingSite(content: ArticleContent, initial: ChangingFate = 'alive'): ChangingSite {
  const cited = new URL(content.url);
  let fate = initial;
  let current = content;
  const site: Site = {
    hosts: [cited.hostname],
    handle(_req, res, url) {
      if (fate === 'down') return html(res, 503, '<h1>Service Unavailable</h1>', { 'retry-after': '0' });
      if (fate === 'sent-home' && url.pathname !== '/') return redirect(res, 302, '/');
      if (url.pathname === '/') {
        return html(res, 200, page({ title: content.siteName, body: `<h1>${content.siteName}</h1>` }));
      }
      if (fate === 'alive' && url.pathname === cited.pathname) return html(res, 200, articlePage(current));
      return html(res, 404, notFoundPage(content.siteName));
    },
  };
  return {
    site,
    setFate: (next) => {
      fate = next;
    },
    rewrite: (paragraphs) => {
      current = { ...current, paragraphs };
    },
    fate: () => fate,
  };
}
