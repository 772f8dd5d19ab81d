/**
 * When the page is not an article (a home page, a search page), the reader still wants to see what
 * it links to: the links of its main content, not of its site header, menus or footer.
 */

/** Always outside the main content: menus and sidebars, wherever they are. */
const ALWAYS_OUT = 'nav, aside, [role="navigation"], [role="complementary"], [role="search"]';
/** Outside too when the main content is the whole body: the site's own header and footer. */
const BODY_OUT = `${ALWAYS_OUT}, header, footer, [role="banner"], [role="contentinfo"]`;

export interface MainContent {
  root: Element;
  /** Selector of the parts of `root` that do not belong to the main content. */
  excluded: string;
}

export function findMainContent(doc: Document): MainContent | null {
  const root =
    doc.querySelector('main') ?? doc.querySelector('[role="main"]') ?? doc.getElementById('content');
  if (root) return { root, excluded: ALWAYS_OUT };
  return doc.body ? { root: doc.body, excluded: BODY_OUT } : null;
}

export function isInMainContent(el: Element, main: MainContent): boolean {
  if (!main.root.contains(el)) return false;
  const out = el.closest(main.excluded);
  return !out || !main.root.contains(out) || out === main.root;
}

const INVISIBLE = new Set(['script', 'style', 'noscript', 'template']);

/** Text of the main content, without the excluded parts, paragraphs on their own lines. */
export function mainContentText(main: MainContent): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      parts.push((node as Text).data);
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (INVISIBLE.has(el.localName)) return;
    if (el !== main.root && el.matches(main.excluded)) return;
    for (let child = el.firstChild; child; child = child.nextSibling) walk(child);
    if (/^(?:p|div|li|h[1-6]|tr|section|article|blockquote|br)$/.test(el.localName)) parts.push('\n');
  };
  walk(main.root);
  return parts
    .join('')
    .replace(/[ \t\f\r\u00a0]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
}
