import {
  GenerateFragmentStatus,
  generateFragmentFromRange,
  setTimeout as setGenerationTimeout,
  type TextFragment,
} from 'text-fragments-polyfill/dist/fragment-generation-utils.js';
import { FOOTNOTE_MARKS, normalizeText, withoutMarks } from './normalize';

export type { TextFragment };

/**
 * "Show in source": a link that opens the cited page scrolled to the quoted passage and highlights it, a text
 * fragment (`#:~:text=`) made by Chrome's own generator (`text-fragments-polyfill`), which adds the words around
 * the passage until the fragment matches it and nothing else on the page.
 */

/** The generator gives up after this long (its default, 500 ms, is short for a big page on a busy machine). */
export const GENERATION_TIMEOUT_MS = 5000;

/**
 * The generator reads the page through the globals `document`, `window`, `Node`... of the page it runs in. In
 * Node (the CLI, tests) the page is a jsdom window: its globals are lent for the synchronous call and restored.
 */
const PAGE_GLOBALS = ['window', 'document', 'Node', 'NodeFilter', 'HTMLElement', 'Range', 'Event'] as const;

export function withPageGlobals<T>(win: Window, run: () => T): T | null {
  const global = globalThis as Record<string, unknown>;
  if (global.document === win.document) return run();
  const saved = PAGE_GLOBALS.map((name) => Object.getOwnPropertyDescriptor(globalThis, name));
  const lent = Object.create(win, { getComputedStyle: { value: ownHiddenState } }) as Window;
  try {
    for (const name of PAGE_GLOBALS) {
      const value = name === 'window' ? lent : (win as unknown as Record<string, unknown>)[name];
      Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
    }
    return run();
  } catch {
    // A browser window's own globals cannot be lent: the caller runs this in the page's window instead.
    return null;
  } finally {
    PAGE_GLOBALS.forEach((name, index) => {
      const descriptor = saved[index];
      if (descriptor) Object.defineProperty(globalThis, name, descriptor);
      else delete global[name];
    });
  }
}

const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/**
 * The style the generator asks of each element it walks, to skip what is not shown. jsdom computes it by matching
 * every rule of every stylesheet (some 15 ms an element on a large page, and the generator asks thousands of
 * times), and without layout it knows no sizes anyway: an element's own hidden state is what it can tell, cheaply.
 */
function ownHiddenState(element: Element): Partial<CSSStyleDeclaration> {
  const style = (element as HTMLElement).style;
  const hidden = (element as HTMLElement).hidden || SKIPPED.has(element.tagName) || style?.display === 'none';
  return {
    display: hidden ? 'none' : style?.display || 'block',
    visibility: style?.visibility || 'visible',
    height: '',
    width: '',
    opacity: style?.opacity || '1',
    overflowX: 'visible',
    overflowY: 'visible',
  };
}

/**
 * The page's range holding `passage` (text as Readability or the reader gave it): looked for in the body's text
 * with the quote check's normalisation, ignoring spaces, which the page's markup and Readability's text place
 * differently between blocks.
 */
export function findPassageRange(doc: Document, passage: string): Range | null {
  if (!doc.body) return null;
  const nodes: Text[] = [];
  const nodeStarts: number[] = [];
  let full = '';
  const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (SKIPPED.has(node.parentElement?.tagName ?? '')) continue;
    nodes.push(node as Text);
    nodeStarts.push(full.length);
    full += (node as Text).data;
  }
  const page = withoutSpaces(withoutMarks(normalizeText(full), FOOTNOTE_MARKS));
  const needle = withoutSpaces(withoutMarks(normalizeText(passage), FOOTNOTE_MARKS)).text;
  const at = needle === '' ? -1 : page.text.indexOf(needle);
  if (at < 0) return null;
  const start = page.starts[at] ?? 0;
  const end = page.ends[at + needle.length - 1] ?? start;
  const range = doc.createRange();
  const [startNode, startOffset] = locate(nodes, nodeStarts, start);
  const [endNode, endOffset] = locate(nodes, nodeStarts, end);
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  return range;
}

function withoutSpaces(text: { text: string; starts: number[]; ends: number[] }) {
  const kept = { text: '', starts: [] as number[], ends: [] as number[] };
  for (let at = 0; at < text.text.length; at++) {
    if (text.text.charAt(at) === ' ') continue;
    kept.text += text.text.charAt(at);
    kept.starts.push(text.starts[at] ?? 0);
    kept.ends.push(text.ends[at] ?? 0);
  }
  return kept;
}

/** The text node and offset of a position in the concatenated text of `nodes`. */
function locate(nodes: readonly Text[], starts: readonly number[], position: number): [Text, number] {
  let low = 0;
  let high = nodes.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((starts[middle] ?? 0) <= position) low = middle;
    else high = middle - 1;
  }
  const node = nodes[low] as Text;
  return [node, Math.min(position - (starts[low] ?? 0), node.data.length)];
}

/**
 * jsdom compares tree positions by walking the tree, so the generator's range work grows with the square of the
 * page: a second on a short page, minutes on a long news page. In Node, pages beyond this many elements get no link.
 */
export const MAX_LENT_PAGE_ELEMENTS = 800;

/** Whether the page in `win` is one whose links are not attempted here (a jsdom page past the cap). */
export function tooLargeToLend(win: Window): boolean {
  const lent = (globalThis as Record<string, unknown>).document !== win.document;
  return lent && win.document.getElementsByTagName('*').length > MAX_LENT_PAGE_ELEMENTS;
}

/**
 * A text fragment that matches `passage` on the page in `win` and nothing else there; null when none can be made
 * within `timeoutMs` (the generator stops there, so a huge page costs at most that long).
 */
export function textFragmentFor(
  win: Window,
  passage: string,
  timeoutMs = GENERATION_TIMEOUT_MS,
): TextFragment | null {
  if (tooLargeToLend(win)) return null;
  const range = findPassageRange(win.document, passage);
  if (!range) return null;
  setGenerationTimeout(timeoutMs);
  const result = withPageGlobals(win, () => generateFragmentFromRange(range));
  return result?.status === GenerateFragmentStatus.SUCCESS && result.fragment ? result.fragment : null;
}

/** Percent-encodes a fragment term: `-`, `,` and `&` are the directive's own syntax. */
function encodeTerm(term: string): string {
  return encodeURIComponent(term).replace(/-/g, '%2D');
}

/**
 * The address that opens `url` at the fragment: `url#:~:text=[prefix-,]textStart[,textEnd][,-suffix]`, after the
 * address's own fragment when it has one (`#section:~:text=`).
 */
export function textFragmentUrl(url: string, fragment: TextFragment): string {
  const terms = [
    fragment.prefix ? `${encodeTerm(fragment.prefix)}-` : null,
    encodeTerm(fragment.textStart),
    fragment.textEnd ? encodeTerm(fragment.textEnd) : null,
    fragment.suffix ? `-${encodeTerm(fragment.suffix)}` : null,
  ].filter((term) => term !== null);
  return `${url}${url.includes('#') ? '' : '#'}:~:text=${terms.join(',')}`;
}
