import { normalizeWhitespace } from '../../capture/text';
import { resolveHttpUrl } from '../../url/web-address';
import type { PageRelation } from '../relation';
import { BACK_LINK, hasMarkerText, isBackLink, looksLikeMarker, NOTE, NOTE_LIST } from './markup';

/** A link a note gives as a source, and the note or bibliography entry it is written in. */
export interface NoteSource {
  link: Element;
  url: URL;
  entry: Element;
}

/** Whether a link inside a note is a source (not a share button, not the site's own navigation). */
export type SourcePredicate = (link: Element, url: URL) => boolean;

/** A note's text is a reference, not an essay: enough to recognise it in the panel. */
const MAX_NOTE_CHARS = 600;

/**
 * The page's notes as the text's markers reach them. A marker leads to its note; the note's links are
 * its sources, and so are those of the bibliography entries it points to ("Smith 2010, p. 4" linking to
 * Smith's full reference), so many short notes can share one source.
 */
export class PageNotes {
  private readonly sources = new Map<Element, NoteSource[]>();
  private readonly given = new Set<Element>();

  constructor(
    private readonly doc: Document,
    private readonly page: PageRelation,
    private readonly isSource: SourcePredicate,
  ) {}

  /** The note a same-page link marks, or null when the link is not a note marker in the text. */
  markedNote(link: Element, url: URL): Element | null {
    const target = this.targetOf(url);
    if (!target || target.contains(link) || link.closest(NOTE_LIST)) return null;
    const note = target.closest(NOTE);
    if (!note || note.contains(link)) return null;
    // A list the page marks as notes, or a note element that says so, is reached by any link from the text;
    // an ordinary numbered list only by a link that looks like a marker.
    if (note.closest(NOTE_LIST) || note.localName !== 'li') return note;
    const markerLike = looksLikeMarker(link) || hasMarkerText(link);
    return markerLike && note.parentElement?.localName === 'ol' ? note : null;
  }

  /** The sources a note gives, in the order it gives them. */
  sourcesOf(note: Element): NoteSource[] {
    const known = this.sources.get(note);
    if (known) return known;
    const found: NoteSource[] = [];
    for (const { link, url, samePage } of this.linksIn(note)) {
      if (!samePage) {
        if (this.isSource(link, url)) found.push({ link, url, entry: note });
        continue;
      }
      if (isBackLink(link)) continue;
      const entry = this.entryOf(url, note);
      if (entry) found.push(...this.ownLinks(entry));
    }
    this.sources.set(note, found);
    for (const source of found) this.given.add(source.link);
    return found;
  }

  /** A link that a marked note already gives: it is listed with the markers' sentences, not its own. */
  isGiven(link: Element): boolean {
    return this.given.has(link);
  }

  private ownLinks(entry: Element): NoteSource[] {
    const known = this.sources.get(entry);
    if (known) return known;
    const found: NoteSource[] = [];
    for (const { link, url, samePage } of this.linksIn(entry)) {
      if (!samePage && this.isSource(link, url)) found.push({ link, url, entry });
    }
    this.sources.set(entry, found);
    for (const source of found) this.given.add(source.link);
    return found;
  }

  /** The http(s) links of a note, each with whether it stays on this page. */
  private *linksIn(el: Element): Generator<{ link: Element; url: URL; samePage: boolean }> {
    for (const link of el.querySelectorAll('a[href], area[href]')) {
      const href = link.getAttribute('href');
      const url = resolveHttpUrl(href, this.doc.baseURI);
      if (url && href !== null) yield { link, url, samePage: this.page.isSamePage(href, url) };
    }
  }

  /** The bibliography entry an in-page link of a note points to; never a way back to the text. */
  private entryOf(url: URL, note: Element): Element | null {
    const target = this.targetOf(url);
    if (!target || note.contains(target)) return null;
    const entry = target.closest(NOTE);
    if (!entry || entry.contains(note)) return null;
    return entry.closest(NOTE_LIST) ||
      entry.localName === 'cite' ||
      entry.matches('[role~="doc-biblioentry"]')
      ? entry
      : null;
  }

  private targetOf(url: URL): Element | null {
    if (url.hash.length < 2) return null;
    let id: string;
    try {
      id = decodeURIComponent(url.hash.slice(1));
    } catch {
      id = url.hash.slice(1);
    }
    // Older pages name their notes with <a name="fn1">.
    return this.doc.getElementById(id) ?? this.doc.getElementsByName(id)[0] ?? null;
  }
}

/** What a note says, without its way back to the text ("^ a b c"). */
export function noteText(entry: Element): string {
  let text = '';
  const walk = (el: Element) => {
    for (let node = el.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 3) text += (node as Text).data;
      else if (node.nodeType === 1) {
        const child = node as Element;
        if (child.localName === 'script' || child.localName === 'style' || child.matches(BACK_LINK)) continue;
        walk(child);
      }
      if (text.length > MAX_NOTE_CHARS * 2) return;
    }
  };
  walk(entry);
  const normalized = normalizeWhitespace(text);
  return normalized.length > MAX_NOTE_CHARS ? `${normalized.slice(0, MAX_NOTE_CHARS - 2)} …` : normalized;
}
