import type { CitationSection } from './types';

/** Headings of the lists a page gives apart from its text (Wikipedia's and most sites' words for them). */
const SECTION_HEADINGS: ReadonlyArray<[RegExp, CitationSection]> = [
  [
    /^(?:external\s+links?|weblinks|liens\s+externes|enlaces\s+externos|collegamenti\s+esterni|liga[çc][õo]es\s+externas|externe\s+links)$/i,
    'external-links',
  ],
  [
    /^(?:further\s+reading|additional\s+reading|suggested\s+reading|weiterf[üu]hrende\s+literatur)$/i,
    'further-reading',
  ],
];

interface SectionRange {
  section: CitationSection;
  heading: Element;
  /** The next heading of the same or a higher level, where the section ends. */
  end: Element | null;
}

const HEADING = /^h[1-6]$/;
// Node's constants, spelled out: core runs where no DOM globals exist (the document is passed in).
const PRECEDING = 2;
const FOLLOWING = 4;

/**
 * "External links" and "Further reading" sections: from their heading to the next heading of the same
 * or a higher level. Most pages have none, and then a link costs nothing to place.
 */
export class PageSections {
  private readonly ranges: SectionRange[] = [];

  constructor(root: Document | Element) {
    const headings = headingsIn(root);
    headings.forEach((heading, index) => {
      const section = sectionNamed(headingText(heading));
      if (!section) return;
      const level = levelOf(heading);
      const end = headings.slice(index + 1).find((next) => levelOf(next) <= level) ?? null;
      this.ranges.push({ section, heading, end });
    });
  }

  /** The section a link is listed in, or undefined for the article's text. */
  of(link: Element): CitationSection | undefined {
    for (const { section, heading, end } of this.ranges) {
      const after = heading.compareDocumentPosition(link) & FOLLOWING;
      const before = !end || end.compareDocumentPosition(link) & PRECEDING;
      if (after && before) return section;
    }
    return undefined;
  }
}

/**
 * The headings under `root`, in document order: one walk over the elements, as a selector query over a
 * large page costs several times more in jsdom, and this runs on every page captured.
 */
function headingsIn(root: Document | Element): Element[] {
  const found: Element[] = [];
  const walk = (el: Element) => {
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
      if (HEADING.test(child.localName)) found.push(child);
      else walk(child);
    }
  };
  const start = 'documentElement' in root ? root.documentElement : root;
  if (start) walk(start);
  return found;
}

function sectionNamed(text: string): CitationSection | undefined {
  return SECTION_HEADINGS.find(([pattern]) => pattern.test(text))?.[1];
}

/** The heading's own words: MediaWiki puts "[edit]" links inside its headings. */
function headingText(heading: Element): string {
  const headline = heading.querySelector('.mw-headline') ?? heading;
  return (headline.textContent ?? '')
    .replace(/\[\s*edit\s*\]/gi, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function levelOf(heading: Element): number {
  return Number(heading.localName.slice(1));
}
