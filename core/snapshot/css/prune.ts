import type { CssNode } from './parse';
import type { SelectorMatcher } from './selectors';

/** At-rules whose (possibly empty) presence matters: `@layer` blocks fix the cascade order of layers. */
const KEEP_WHEN_EMPTY = new Set(['layer']);

export interface PruneResult {
  nodes: CssNode[];
  removed: number;
}

/** Drops style rules no element matches, and grouping rules left empty by that. */
export function pruneUnusedRules(nodes: CssNode[], matcher: SelectorMatcher): PruneResult {
  let removed = 0;
  const walk = (list: CssNode[]): CssNode[] => {
    const out: CssNode[] = [];
    for (const node of list) {
      if (node.type === 'style') {
        if (matcher.matches(node.prelude)) out.push(node);
        else removed++;
        continue;
      }
      if (node.children) {
        const children = walk(node.children);
        if (children.length > 0 || KEEP_WHEN_EMPTY.has(node.name)) out.push({ ...node, children });
        continue;
      }
      out.push(node);
    }
    return out;
  };
  return { nodes: walk(nodes), removed };
}
