import { isWebUrl } from '../../components/format';
import { statusMeta, statusPaletteCss } from '../../components/status-meta';
import { markerSignature } from '../../core/citation-status/summary';
import type { MarkerItem } from '../../core/citation-status/types';
import { findCitedLink, pageLinks } from './highlight';

/**
 * A small status marker right after each cited link on the page: icon and colour, words for screen readers, the
 * reason as a tooltip, and for a dead or soft-404 source its archived copy.
 *
 * A marker takes no room in the text: its host is a zero-size box with size and layout containment, and what it
 * shows is drawn out of flow, raised over the end of the link's line. Placing or updating thousands of markers on a
 * long article therefore never moves the text after them: the browser lays out only the link's own line again,
 * not the rest of the page (which each marker's inline box used to push down, frame after frame).
 *
 * Each marker is an element with a CLOSED shadow root: the page's CSS cannot reach inside, and Cited's CSS cannot
 * leak out. Its link to the archived copy lives in the shadow tree, so `document.querySelectorAll('a[href]')` (what
 * capture and link indexes use) never sees it, and Readability's clone of the page contains only an empty element.
 * Plain DOM code: runs in the content script and in jsdom tests.
 */
export const MARKER_TAG = 'cited-status-marker';

/** The closed shadow roots Cited made, which nothing else can reach. */
const shadows = new WeakMap<Element, ShadowRoot>();
/** What each marker shows now (status, reason, archived copy), so an unchanged one is not drawn again. */
const rendered = new WeakMap<Element, string>();

/**
 * The host box, kept out of the page's reach by `:host` rules marked !important in its own shadow tree: in the
 * cascade an important rule from inside a shadow tree beats an important one from the page, even the page's inline
 * style. Not an inline style attribute: thousands of those made every clone and serialisation of the page (Readability's
 * capture, a snapshot) write out and parse again their sixteen properties each, five times the work on a long article.
 */
const HOST_STYLE: [string, string][] = [
  ['all', 'initial'],
  ['display', 'inline-block'],
  ['width', '0'],
  ['height', '0'],
  // Size and layout containment: the box is exactly 0 by 0 whatever is inside, and a change inside lays out nothing
  // outside. Not paint containment, which would clip the marker to that empty box.
  ['contain', 'size layout style'],
  ['font-size', 'inherit'],
  ['line-height', '1'],
  ['margin', '0'],
  ['padding', '0'],
  ['vertical-align', 'baseline'],
  ['position', 'relative'],
  ['float', 'none'],
  ['visibility', 'visible'],
  ['opacity', '1'],
];

const SHADOW_CSS = `:host{${HOST_STYLE.map(([property, value]) => `${property}:${value}!important`).join(';')}}
${statusPaletteCss(':host')}
.marker{position:absolute;left:.1em;bottom:.3em;display:inline-flex;align-items:center;gap:.3em;padding:.12em .35em;border-radius:1em;
font:600 .72em/1.15 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;letter-spacing:0;white-space:nowrap;
color:var(--c);background:color-mix(in srgb,var(--c) 13%,Canvas);border:1px solid color-mix(in srgb,var(--c) 50%,transparent);
cursor:help}
.marker--quiet{background:none;border-color:transparent;padding:0 .1em}
svg{width:1.15em;height:1.15em;flex:none}
path{fill:none;stroke:currentColor;stroke-width:1.6;stroke-linecap:round;stroke-linejoin:round}
/* Drawn over the text after the link, a broken link's marker shows its archived copy only when pointed at or
   focused (the link stays in the accessibility tree and in the tab order all the time). */
.marker:not(:hover):not(:focus-within) .more,.vh{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
a{color:inherit;font:inherit;text-decoration:underline;text-underline-offset:2px;cursor:pointer}
a:focus-visible{outline:2px solid var(--c);outline-offset:1px;border-radius:2px}
@media (forced-colors:active){.marker{border-color:CanvasText;color:CanvasText;background:Canvas}}`;

const SVG_NS = 'http://www.w3.org/2000/svg';

/** What a marker says, for screen readers and the tooltip. */
export function markerText(item: MarkerItem): string {
  const meta = statusMeta(item.status);
  return item.reason ? `${meta.markerLabel}. ${item.reason}` : `${meta.markerLabel}.`;
}

/**
 * Puts (or updates) the markers of one citation, one after each of its links, and says how many it had to insert
 * (what costs the page a layout of the link's paragraph; an update is laid out inside its marker). `links` is the
 * page's link list, listed once by the caller for many citations; a marker in `claimed` was already placed for
 * another citation in the same pass and is left as that one drew it.
 */
export function placeMarker(
  doc: Document,
  item: MarkerItem,
  links: readonly HTMLElement[],
  claimed: Set<Element> = new Set(),
): { inserted: number } {
  let inserted = 0;
  for (const linkIndex of item.linkIndexes) {
    const link = findCitedLink(doc, linkIndex, item.url, links);
    // An image map's area has no place in the text to mark.
    if (!link || link.localName === 'area') continue;
    let marker = markerAfter(link);
    if (!marker) {
      marker = insertMarker(link);
      inserted++;
    }
    if (claimed.has(marker)) continue;
    // A marker that already says this is left alone: updates touch only what changed.
    const said = markerSignature(item);
    if (rendered.get(marker) !== said) {
      render(marker, item);
      rendered.set(marker, said);
    }
    claimed.add(marker);
  }
  return { inserted };
}

/**
 * Puts (or updates) the markers for exactly these citations at once; markers of citations not listed are removed.
 * The content script places a long article's markers frame by frame instead (see marker-frames.ts).
 */
export function showMarkers(doc: Document, items: MarkerItem[]): { shown: number } {
  const kept = new Set<Element>();
  // Listed once for all items: a long article's thousands of markers must not each walk the whole page.
  const links = pageLinks(doc);
  for (const item of items) placeMarker(doc, item, links, kept);
  for (const marker of Array.from(doc.querySelectorAll(MARKER_TAG))) {
    if (!kept.has(marker)) marker.remove();
  }
  return { shown: kept.size };
}

export function clearMarkers(doc: Document): { cleared: number } {
  const markers = Array.from(doc.querySelectorAll(MARKER_TAG));
  for (const marker of markers) marker.remove();
  return { cleared: markers.length };
}

/** The marker Cited put after `link`, if it is still there. */
function markerAfter(link: Element): Element | null {
  const next = link.nextElementSibling;
  return next?.localName === MARKER_TAG && shadows.has(next) ? next : null;
}

function insertMarker(link: Element): Element {
  const doc = link.ownerDocument;
  // Not a registered custom element (content scripts have no customElements registry): a valid custom-element
  // name may host a shadow root all the same, and stays an inert inline element otherwise.
  const host = doc.createElement(MARKER_TAG);
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = SHADOW_CSS;
  shadow.append(style);
  shadows.set(host, shadow);
  link.after(host);
  return host;
}

function render(host: Element, item: MarkerItem): void {
  const shadow = shadows.get(host);
  if (!shadow) return;
  const doc = host.ownerDocument;
  const meta = statusMeta(item.status);
  const text = markerText(item);
  host.setAttribute('data-cited-status', item.status);
  host.setAttribute('data-cited-url', item.url);

  // The marker's box is kept and its insides replaced: a new absolutely placed box would have the page lay out
  // from its root to place it, where a change inside the kept one is laid out inside the marker alone (a trace of
  // a 2,000-link article: 5 to 12 ms of layout a frame, against under 1 ms).
  const marker = markerBox(shadow);
  marker.className = `marker${item.status === 'alive' ? ' marker--quiet' : ''}`;
  marker.style.setProperty('--c', `var(${meta.colourVar})`);
  marker.title = text;

  const svg = doc.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('aria-hidden', 'true');
  const path = doc.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', meta.icon);
  svg.append(path);

  const label = doc.createElement('span');
  label.className = 'vh';
  label.textContent = text;
  const insides: Element[] = [svg, label];

  if (meta.broken && item.archivedUrl && isWebUrl(item.archivedUrl)) {
    const archived = doc.createElement('a');
    archived.href = item.archivedUrl;
    archived.target = '_blank';
    archived.rel = 'noopener noreferrer';
    archived.className = 'more';
    archived.textContent = 'archived copy';
    archived.title = 'Open the archived copy of this source in a new tab';
    insides.push(archived);
  }
  marker.replaceChildren(...insides);
}

function markerBox(shadow: ShadowRoot): HTMLElement {
  const kept = shadow.querySelector<HTMLElement>('span.marker');
  if (kept) return kept;
  const marker = shadow.ownerDocument.createElement('span');
  shadow.append(marker);
  return marker;
}

/** For tests: the closed shadow root of a marker Cited made (the page can never get it). */
export function markerShadowForTests(host: Element): ShadowRoot | undefined {
  return shadows.get(host);
}
