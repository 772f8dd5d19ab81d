/**
 * The paragraph a link sits in: the run of inline content around it, bounded by block elements and
 * line breaks. Pages often put phrasing content straight into a <div> next to real paragraphs (the
 * seed's byline spans, its trailing tag links), so "the nearest block ancestor" would be the whole
 * article; the run between block siblings is what a reader sees as one paragraph. A single <br> is a
 * line break inside a sentence ("expected to adhere to<br>the CORS protocol"); two in a row are the
 * old way of separating paragraphs.
 */

/** Elements that start a new line of text. */
const BOUNDARY = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

/** Text a reader never sees as part of the paragraph. */
const INVISIBLE = new Set(['script', 'style', 'noscript', 'template', 'annotation']);

export interface LinkSpan {
  start: number;
  end: number;
}

export interface Paragraph {
  /** Raw text of the run (not whitespace-normalised, so link offsets stay exact). */
  readonly text: string;
  /** Where each link of the run sits in `text`. */
  readonly links: Map<Element, LinkSpan>;
  /** Characters of `text` inside links: lists of links have little else. */
  readonly linkedChars: number;
}

function isBr(node: Node | null): boolean {
  return node !== null && node.nodeType === 1 && (node as Element).localName === 'br';
}

function isBlank(node: Node): boolean {
  return node.nodeType === 3 && (node as Text).data.trim() === '';
}

/** A <br> next to another <br> (blank text between them aside). */
function isParagraphBreak(br: Node): boolean {
  let before = br.previousSibling;
  while (before && isBlank(before)) before = before.previousSibling;
  let after = br.nextSibling;
  while (after && isBlank(after)) after = after.nextSibling;
  return isBr(before) || isBr(after);
}

function isBoundary(node: Node): boolean {
  if (node.nodeType !== 1) return false;
  const name = (node as Element).localName;
  return BOUNDARY.has(name) || (name === 'br' && isParagraphBreak(node));
}

function isLink(el: Element): boolean {
  const name = el.localName;
  return (name === 'a' || name === 'area') && el.hasAttribute('href');
}

class RunBuilder {
  text = '';
  linkedChars = 0;
  readonly links = new Map<Element, LinkSpan>();

  add(node: Node): void {
    if (node.nodeType === 3) {
      this.text += (node as Text).data;
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const name = el.localName;
    if (INVISIBLE.has(name)) return;
    // A block nested in inline content (rare) still separates words.
    const boundary = BOUNDARY.has(name) || name === 'br';
    if (boundary) this.text += ' ';
    const start = this.text.length;
    if (name === 'area') this.text += el.getAttribute('alt') ?? '';
    for (let child = el.firstChild; child; child = child.nextSibling) this.add(child);
    if (isLink(el)) {
      this.links.set(el, { start, end: this.text.length });
      this.linkedChars += this.text.length - start;
    }
    if (boundary) this.text += ' ';
  }
}

/**
 * In preformatted text (an RFC in a <pre>) line breaks are real and a blank line ends a paragraph;
 * elsewhere the source's line breaks are just spaces.
 */
function splitPreformatted(run: Paragraph): Paragraph[] {
  const pieces: Paragraph[] = [];
  const breaks = /\n[ \t]*\n\s*/g;
  let start = 0;
  const cut = (end: number) => {
    const links = new Map<Element, LinkSpan>();
    let linkedChars = 0;
    for (const [link, span] of run.links) {
      if (span.start < start || span.start >= end) continue;
      const clipped = { start: span.start - start, end: Math.min(span.end, end) - start };
      links.set(link, clipped);
      linkedChars += clipped.end - clipped.start;
    }
    pieces.push({ text: run.text.slice(start, end), links, linkedChars });
  };
  for (const match of run.text.matchAll(breaks)) {
    cut(match.index);
    start = match.index + match[0].length;
  }
  cut(run.text.length);
  return pieces;
}

function isPreformatted(node: Node | null): boolean {
  for (let el = node?.nodeType === 1 ? (node as Element) : node?.parentElement; el; el = el.parentElement) {
    if (el.localName === 'pre') return true;
    if (BOUNDARY.has(el.localName) && el.localName !== 'pre') return false;
  }
  return false;
}

/** Builds each paragraph once, however many links it holds. */
export class ParagraphIndex {
  private readonly byLink = new Map<Element, Paragraph>();
  private readonly byFirstNode = new Map<Node, Paragraph>();

  of(link: Element): Paragraph {
    const known = this.byLink.get(link);
    if (known) return known;

    let child: Node = link;
    let parent = link.parentNode;
    while (parent && parent.nodeType === 1 && !BOUNDARY.has((parent as Element).localName)) {
      child = parent;
      parent = parent.parentNode;
    }
    let first = child;
    while (first.previousSibling && !isBoundary(first.previousSibling)) first = first.previousSibling;
    // A link the run's text walk never reached (inside <noscript> ...) gets the run, without a span.
    const built = this.byFirstNode.get(first);
    if (built) return built;

    const builder = new RunBuilder();
    for (let node: Node | null = first; node; node = node.nextSibling) {
      if (node !== first && isBoundary(node)) break;
      builder.add(node);
    }
    const run: Paragraph = { text: builder.text, links: builder.links, linkedChars: builder.linkedChars };
    this.byFirstNode.set(first, run);
    const pieces = isPreformatted(parent) ? splitPreformatted(run) : [run];
    for (const piece of pieces) for (const member of piece.links.keys()) this.byLink.set(member, piece);
    return this.byLink.get(link) ?? run;
  }
}
