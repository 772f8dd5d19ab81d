import type { CssNode } from './css/parse';
import { simplifySelector, splitSelectorList } from './css/selectors';
import { elementsOf } from './dom';

/**
 * Where the page's CSS makes whitespace content (`white-space: pre | pre-wrap | pre-line | break-spaces`,
 * `white-space-collapse: preserve…`), so the serialiser keeps it there. Read from the snapshot's own CSS, not
 * from the live page, so a page built without a browser's layout (a source, a test document) is treated the same.
 * Whenever the answer is not certain the element is kept as it is; when it cannot be told at all, nothing
 * is collapsed.
 */

const PRESERVING_DECLARATION =
  /(?:^|[;{\s])white-space(?:-collapse)?\s*:\s*[^;}]*\b(?:pre|pre-wrap|pre-line|break-spaces|preserve|preserve-breaks|preserve-spaces)\b/i;

/** The selectors of style rules that preserve whitespace, or null when some such rule cannot be read. */
export function spacePreservingSelectors(nodes: readonly CssNode[]): string[] | null {
  const selectors: string[] = [];
  const walk = (list: readonly CssNode[]): boolean => {
    for (const node of list) {
      if (node.type === 'style') {
        if (PRESERVING_DECLARATION.test(node.body)) selectors.push(node.prelude);
      } else if (node.children) {
        if (!walk(node.children)) return false;
      } else if (node.body !== null && PRESERVING_DECLARATION.test(node.body)) {
        // A rule inside an at-rule this engine keeps as raw text (@scope, @keyframes): not resolvable here.
        return false;
      }
    }
    return true;
  };
  return walk(nodes) ? selectors : null;
}

/**
 * The elements whose whitespace must stay: those the given selectors match (interaction states and
 * pseudo-elements stripped, so a rule that could ever apply counts) and those whose `style` attribute preserves
 * it. Null when a selector cannot be evaluated: then no whitespace is touched.
 */
export function spacePreservingElements(
  doc: Document,
  selectors: readonly string[] | null,
): Set<Element> | null {
  if (selectors === null) return null;
  const keep = new Set<Element>();
  for (const list of selectors) {
    for (const selector of splitSelectorList(list)) {
      const simplified = simplifySelector(selector);
      if (simplified === null) return null;
      try {
        for (const el of Array.from(doc.querySelectorAll(simplified))) keep.add(el);
      } catch {
        return null;
      }
    }
  }
  for (const el of elementsOf(doc)) {
    const style = el.getAttribute('style');
    if (style && PRESERVING_DECLARATION.test(style)) keep.add(el);
  }
  return keep;
}
