/**
 * Hosts whose images are beacons, not content: analytics and ad measurement pixels. Matched on the host
 * and its parent domains. Kept short on purpose: a wrong entry would cost a real image; 1×1 images from
 * anywhere are caught by their size instead.
 */
const BEACON_HOSTS = new Set([
  'google-analytics.com',
  'ssl.google-analytics.com',
  'googletagmanager.com',
  'doubleclick.net',
  'googleadservices.com',
  'scorecardresearch.com',
  'quantserve.com',
  'pixel.wp.com',
  'stats.wp.com',
  'bat.bing.com',
  'analytics.twitter.com',
  'px.ads.linkedin.com',
  'ct.pinterest.com',
  'mc.yandex.ru',
  'top-fwz1.mail.ru',
  'counter.yadro.ru',
  'sp.analytics.yahoo.com',
  'ping.chartbeat.net',
  'pixel.parsely.com',
  'srv.pixel.parsely.com',
  'bam.nr-data.net',
  'imrworldwide.com',
  'omtrdc.net',
  '2o7.net',
  'demdex.net',
  'adnxs.com',
  'krxd.net',
  'pixel.adsafeprotected.com',
  'pixel.mathtag.com',
  'tr.snapchat.com',
  'b.6sc.co',
]);

/** Path-specific beacons on hosts that also serve real content. */
const BEACON_PATHS: Array<[host: string, path: RegExp]> = [
  ['facebook.com', /^\/tr\/?$/],
  ['t.co', /^\/i\/adsct/],
  ['google.com', /^\/(?:ads|pagead)\//],
];

function hostMatches(host: string, entry: string): boolean {
  return host === entry || host.endsWith(`.${entry}`);
}

export function isBeaconUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const host = parsed.hostname.toLowerCase();
  for (const entry of BEACON_HOSTS) if (hostMatches(host, entry)) return true;
  for (const [entry, path] of BEACON_PATHS)
    if (hostMatches(host, entry) && path.test(parsed.pathname)) return true;
  return false;
}

/** An `<img>` laid out at most 1×1 CSS pixel by its attributes or inline style: a pixel, not a picture. */
export function isPixelSized(el: Element): boolean {
  const w = sizeOf(el, 'width');
  const h = sizeOf(el, 'height');
  return w !== null && h !== null && w <= 1 && h <= 1;
}

function sizeOf(el: Element, dimension: 'width' | 'height'): number | null {
  const style = el.getAttribute('style') ?? '';
  const fromStyle = new RegExp(`(?:^|;)\\s*${dimension}\\s*:\\s*(\\d*\\.?\\d+)px`, 'i').exec(style);
  if (fromStyle) return Number(fromStyle[1]);
  const attr = el.getAttribute(dimension);
  if (attr !== null && /^\s*\d*\.?\d+\s*(?:px)?\s*$/i.test(attr)) return Number.parseFloat(attr);
  return null;
}

/** True when the attributes say nothing larger than a pixel (a 1×1 file may be a stretched spacer). */
export function hasNoLargeSize(el: Element): boolean {
  const w = sizeOf(el, 'width');
  const h = sizeOf(el, 'height');
  return (
    (w === null || w <= 1) &&
    (h === null || h <= 1) &&
    !/(?:^|;)\s*(?:width|height)\s*:/i.test(el.getAttribute('style') ?? '')
  );
}
