/**
 * Share buttons point at "post this page" endpoints of social networks: never a source, even though
 * the network itself (a tweet, a post) can be one.
 */

/** Share and "post this" endpoints: host (or parent domain) → path that makes it a share button. */
const SHARE_ENDPOINTS: ReadonlyArray<readonly [string, RegExp]> = [
  ['twitter.com', /^\/(?:intent\/|share\/?$|home\/?$)/],
  ['x.com', /^\/(?:intent\/|share\/?$)/],
  ['facebook.com', /^\/(?:sharer|share\.php|dialog\/(?:share|feed|send))/],
  ['linkedin.com', /^\/(?:shareArticle|sharing\/share-offsite|cws\/share)/i],
  ['reddit.com', /^\/submit/],
  ['pinterest.com', /^\/pin\/create/],
  ['whatsapp.com', /^\/send/],
  ['wa.me', /^\/?$/],
  ['t.me', /^\/share/],
  ['telegram.me', /^\/share/],
  ['tumblr.com', /^\/(?:share|widgets\/share)/],
  ['getpocket.com', /^\/(?:save|edit)/],
  ['news.ycombinator.com', /^\/submitlink/],
  ['plus.google.com', /^\/share/],
  ['vk.com', /^\/share\.php/],
  ['flipboard.com', /^\/bookmarklet/],
  ['buffer.com', /^\/add/],
  ['bufferapp.com', /^\/add/],
  ['digg.com', /^\/submit/],
  ['addtoany.com', /^\/(?:share|add_to)/],
  ['addthis.com', /^\/bookmark/],
  ['line.me', /^\/R\/msg/],
  ['xing.com', /^\/(?:spi\/)?(?:social\/)?share/],
  ['weibo.com', /^\/share/],
];

function hostIs(hostname: string, domain: string): boolean {
  return hostname === domain || hostname.endsWith(`.${domain}`);
}

export function isShareUrl(url: URL): boolean {
  for (const [domain, path] of SHARE_ENDPOINTS) {
    if (hostIs(url.hostname, domain) && path.test(url.pathname)) return true;
  }
  // Any other "share this page" endpoint: a share path carrying the page's address as a parameter.
  return (
    /\/share|sharer|\/submit/i.test(url.pathname) && /(?:^|&)(?:u|url|link)=https?/i.test(url.search.slice(1))
  );
}
