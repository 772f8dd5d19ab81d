/**
 * How pages mark up notes, in one place. Structure first (an in-page link from the text into a list of
 * notes, a `<sup>` marker, the DPUB-ARIA roles), then the markup of the tools that write most footnoted
 * pages: MediaWiki's Cite extension, Markdown/Pandoc, WordPress's Easy Footnotes, Substack.
 */

/** Lists of notes: what a marker's target sits in. */
export const NOTE_LIST = [
  '[role~="doc-endnotes"]',
  '[role~="doc-footnotes"]',
  '[role~="doc-bibliography"]',
  'ol.references', // MediaWiki <references />
  '.mw-references-wrap',
  '.reflist',
  '.footnotes', // Pandoc, markdown-it-footnote, kramdown, Python-Markdown
  '.footnote-list',
  '.easy-footnotes-wrapper', // WordPress Easy Footnotes
].join(', ');

/** One note: the element around a marker's target that holds what the note says. */
export const NOTE = [
  '[role~="doc-footnote"]',
  '[role~="doc-endnote"]',
  '[role~="doc-biblioentry"]',
  'cite', // MediaWiki's bibliography entries (id="CITEREF…") that short notes point to
  '.footnote', // Substack: div.footnote around a.footnote-number#footnote-1
  'li',
].join(', ');

/** Markers that say what they are, wherever their target is. */
const MARKER_ROLES = /(?:^|\s)doc-(?:noteref|biblioref)(?:\s|$)/;
const MARKER_CLASSES =
  /(?:^|\s)(?:footnote-ref|footnote-reference|footnote-anchor|footnote-link|fn-ref|easy-footnote[\w-]*|modern-footnotes[\w-]*)(?:\s|$)/;

/** What a marker shows: "1", "[12]", "a", "*", "†", "Smith 2010" is not one (that takes a marked-up link). */
const MARKER_TEXT = /^\[?\s*(?:\d{1,4}|[a-z]{1,2}|[*†‡§¶]{1,3}|note\s*\d{1,4})\s*\]?$/i;

/**
 * A link that declares itself a note marker: the DPUB-ARIA role, a footnote tool's class on the link or
 * its wrapper, or a superscript around or inside it.
 */
export function looksLikeMarker(link: Element): boolean {
  const role = link.getAttribute('role');
  if (role && MARKER_ROLES.test(role)) return true;
  for (let el: Element | null = link, depth = 0; el && depth < 3; el = el.parentElement, depth++) {
    if (el.localName === 'sup') return true;
    const className = el.getAttribute('class');
    if (className && MARKER_CLASSES.test(className)) return true;
  }
  return link.firstElementChild?.localName === 'sup';
}

/** A short label like the ones note markers show, for markers with no markup of their own. */
export function hasMarkerText(link: Element): boolean {
  return MARKER_TEXT.test((link.textContent ?? '').trim());
}

/** Links inside a note that lead back to its markers, whatever they point at. */
export const BACK_LINK =
  '[role~="doc-backlink"], .mw-cite-backlink, .footnote-back, .footnote-backref, .easy-footnote-to-top, .footnote-number';

export function isBackLink(link: Element): boolean {
  return link.closest(BACK_LINK) !== null;
}
