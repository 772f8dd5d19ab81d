/** The lowest element containing all `elements`; null for fewer than two (no article to bound). */
export function commonAncestor(elements: readonly Element[]): Element | null {
  const [first, ...rest] = elements;
  if (!first || rest.length === 0) return null;
  const chain: Element[] = [];
  const depth = new Map<Element, number>();
  for (let el: Element | null = first; el; el = el.parentElement) {
    depth.set(el, chain.length);
    chain.push(el);
  }
  let lowest = 0;
  for (const element of rest) {
    let el: Element | null = element;
    while (el && !depth.has(el)) el = el.parentElement;
    if (!el) return null;
    lowest = Math.max(lowest, depth.get(el) ?? 0);
  }
  return chain[lowest] ?? null;
}
