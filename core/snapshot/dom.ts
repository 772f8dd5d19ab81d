/**
 * Every element under `root` in document order. A plain walk over `firstElementChild` /
 * `nextElementSibling` is much faster than `Array.from(getElementsByTagName('*'))` in jsdom (whose live
 * collections go through proxies) and as fast in browsers.
 */
export function elementsOf(root: ParentNode): Element[] {
  const out: Element[] = [];
  let node: Element | null = root.firstElementChild;
  while (node) {
    out.push(node);
    if (node.firstElementChild) {
      node = node.firstElementChild;
      continue;
    }
    while (node && !node.nextElementSibling) {
      const parent: Element | null = node.parentElement;
      node = parent && parent !== root ? parent : null;
    }
    node = node ? node.nextElementSibling : null;
  }
  return out;
}
