import { LINK_SELECTOR } from '../../core/citations/link-index';

/**
 * Finding a cited link on the live page again and showing the reader where it is.
 * Plain DOM code, so it runs in the content script and in jsdom tests alike.
 */

const STYLE_ID = 'cited-highlight-style';
/** Set on the highlighted element while the flash lasts; tests and the page's own CSS can see it. */
export const HIGHLIGHT_ATTRIBUTE = 'data-cited-highlight';
export const HIGHLIGHT_MS = 2000;

// Outline and box-shadow draw outside the box and a background change repaints only, so highlighting never
// moves the text the reader is looking at. Two tones keep it visible on light and dark pages alike.
const HIGHLIGHT_CSS = `
[${HIGHLIGHT_ATTRIBUTE}] {
  outline: 3px solid #b45309 !important;
  outline-offset: 2px !important;
  box-shadow: 0 0 0 5px rgba(255, 255, 255, 0.85) !important;
  border-radius: 2px;
  animation: cited-highlight-pulse ${HIGHLIGHT_MS}ms ease-out 1 both !important;
}
@keyframes cited-highlight-pulse {
  0%, 35% { background-color: rgba(250, 204, 21, 0.6); }
  100% { background-color: rgba(250, 204, 21, 0); }
}
@media (prefers-reduced-motion: reduce) {
  [${HIGHLIGHT_ATTRIBUTE}] {
    animation: none !important;
    background-color: rgba(250, 204, 21, 0.45) !important;
  }
}
`;

/**
 * The link the capture saw at `linkIndex` (among `a[href], area[href]` in document order), if it still points
 * at `url`; otherwise the first link to `url`, because pages re-render and shift indexes. A note's marker is
 * a link into this page (`#cite_note-3`): there the fragment is what tells one note from another.
 */
export function findCitedLink(
  doc: Document,
  linkIndex: number,
  url: string,
  links: readonly HTMLElement[] = pageLinks(doc),
): HTMLElement | null {
  const page = comparable(doc.URL, '');
  const target = comparable(url, page);
  const atIndex = links[linkIndex];
  if (atIndex && comparable(hrefOf(atIndex), page) === target) return atIndex;
  return links.find((link) => comparable(hrefOf(link), page) === target) ?? null;
}

/** The page's links in document order, as the capture indexed them: list once, then look up many. */
export function pageLinks(doc: Document): HTMLElement[] {
  return Array.from(doc.querySelectorAll<HTMLElement>(LINK_SELECTOR));
}

function hrefOf(element: HTMLElement): string {
  return (element as HTMLAnchorElement | HTMLAreaElement).href ?? '';
}

/** URLs as the reader would call them equal: parsed and re-serialised, fragment dropped unless into `page`. */
function comparable(url: string, page: string): string {
  try {
    const parsed = new URL(url);
    const hash = parsed.hash;
    parsed.hash = '';
    return parsed.href === page ? `${parsed.href}${hash}` : parsed.href;
  } catch {
    return url;
  }
}

/** Scrolls the link into the middle of the view and flashes a highlight on it for about two seconds. */
export function highlightLink(doc: Document, data: { linkIndex: number; url: string }): { found: boolean } {
  const link = findCitedLink(doc, data.linkIndex, data.url);
  if (!link) return { found: false };
  const visible = visibleBoxOf(link);
  ensureStyle(doc);
  const view = doc.defaultView;
  const reducedMotion = view?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  visible.scrollIntoView?.({
    behavior: reducedMotion ? 'auto' : 'smooth',
    block: 'center',
    inline: 'nearest',
  });
  flash(visible);
  return { found: true };
}

/** An image map's area has no box of its own: show the image that uses the map. */
function visibleBoxOf(link: HTMLElement): HTMLElement {
  if (link.localName !== 'area') return link;
  const map = link.closest('map');
  const name = map?.getAttribute('name');
  if (!name) return link;
  const image = Array.from(
    link.ownerDocument.querySelectorAll<HTMLElement>('img[usemap], object[usemap]'),
  ).find((candidate) => candidate.getAttribute('usemap') === `#${name}`);
  return image ?? link;
}

function ensureStyle(doc: Document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = HIGHLIGHT_CSS;
  (doc.head ?? doc.documentElement).append(style);
}

const timers = new WeakMap<Element, ReturnType<typeof setTimeout>>();

function flash(element: HTMLElement): void {
  const previous = timers.get(element);
  if (previous !== undefined) clearTimeout(previous);
  // Removing the attribute and forcing a style flush restarts the animation when the same link is shown again.
  element.removeAttribute(HIGHLIGHT_ATTRIBUTE);
  void element.offsetWidth;
  element.setAttribute(HIGHLIGHT_ATTRIBUTE, '');
  timers.set(
    element,
    setTimeout(() => {
      element.removeAttribute(HIGHLIGHT_ATTRIBUTE);
      timers.delete(element);
    }, HIGHLIGHT_MS),
  );
}
