/**
 * Similarity of two token sequences, as Python's `difflib.SequenceMatcher(None, a, b).ratio()` computes it
 * (Ratcliff/Obershelp "gestalt pattern matching", with difflib's auto-junk heuristic): 2·M / (|a| + |b|), M the
 * number of tokens in matching blocks. The soft-404 test of Bar-Yossef et al. compares pages this way.
 *
 * `similarityAtLeast` first tries the two cheap upper bounds difflib offers (length ratio, then multiset
 * intersection) so that clearly different pages never pay for the full match.
 */

/** Lengths-only upper bound on the ratio (difflib `real_quick_ratio`). */
export function realQuickRatio(a: readonly string[], b: readonly string[]): number {
  const total = a.length + b.length;
  return total === 0 ? 1 : (2 * Math.min(a.length, b.length)) / total;
}

/** Multiset-intersection upper bound on the ratio (difflib `quick_ratio`). */
export function quickRatio(a: readonly string[], b: readonly string[]): number {
  const total = a.length + b.length;
  if (total === 0) return 1;
  const counts = new Map<string, number>();
  for (const token of b) counts.set(token, (counts.get(token) ?? 0) + 1);
  let matches = 0;
  for (const token of a) {
    const left = counts.get(token) ?? 0;
    if (left > 0) {
      matches++;
      counts.set(token, left - 1);
    }
  }
  return (2 * matches) / total;
}

interface Match {
  i: number;
  j: number;
  size: number;
}

class Matcher {
  private readonly a: Int32Array;
  private readonly b: Int32Array;
  private readonly b2j = new Map<number, number[]>();

  constructor(a: readonly string[], b: readonly string[]) {
    const ids = new Map<string, number>();
    const encode = (tokens: readonly string[]) => {
      const out = new Int32Array(tokens.length);
      tokens.forEach((token, index) => {
        let id = ids.get(token);
        if (id === undefined) {
          id = ids.size;
          ids.set(token, id);
        }
        out[index] = id;
      });
      return out;
    };
    this.a = encode(a);
    this.b = encode(b);
    this.b.forEach((id, j) => {
      const list = this.b2j.get(id);
      if (list) list.push(j);
      else this.b2j.set(id, [j]);
    });
    // difflib's autojunk: in sequences of 200+ tokens, tokens making up more than 1% are "popular" and do not
    // seed matches (they can still extend one).
    const n = this.b.length;
    if (n >= 200) {
      const limit = Math.floor(n / 100) + 1;
      for (const [id, positions] of this.b2j) if (positions.length > limit) this.b2j.delete(id);
    }
  }

  private longestMatch(alo: number, ahi: number, blo: number, bhi: number): Match {
    const { a, b, b2j } = this;
    let besti = alo;
    let bestj = blo;
    let bestsize = 0;
    let j2len = new Map<number, number>();
    for (let i = alo; i < ahi; i++) {
      const next = new Map<number, number>();
      const positions = b2j.get(a[i] as number);
      if (positions) {
        for (const j of positions) {
          if (j < blo) continue;
          if (j >= bhi) break;
          const k = (j2len.get(j - 1) ?? 0) + 1;
          next.set(j, k);
          if (k > bestsize) {
            besti = i - k + 1;
            bestj = j - k + 1;
            bestsize = k;
          }
        }
      }
      j2len = next;
    }
    while (besti > alo && bestj > blo && a[besti - 1] === b[bestj - 1]) {
      besti--;
      bestj--;
      bestsize++;
    }
    while (besti + bestsize < ahi && bestj + bestsize < bhi && a[besti + bestsize] === b[bestj + bestsize]) {
      bestsize++;
    }
    return { i: besti, j: bestj, size: bestsize };
  }

  matchingTokens(): number {
    let total = 0;
    const stack: [number, number, number, number][] = [[0, this.a.length, 0, this.b.length]];
    while (stack.length > 0) {
      const [alo, ahi, blo, bhi] = stack.pop() as [number, number, number, number];
      const { i, j, size } = this.longestMatch(alo, ahi, blo, bhi);
      if (size === 0) continue;
      total += size;
      if (alo < i && blo < j) stack.push([alo, i, blo, j]);
      if (i + size < ahi && j + size < bhi) stack.push([i + size, ahi, j + size, bhi]);
    }
    return total;
  }
}

/** difflib `SequenceMatcher(None, a, b).ratio()`. */
export function sequenceRatio(a: readonly string[], b: readonly string[]): number {
  const total = a.length + b.length;
  if (total === 0) return 1;
  return (2 * new Matcher(a, b).matchingTokens()) / total;
}

/**
 * The ratio when it could reach `threshold`, else an upper bound below it (cheap). Use as
 * `similarityAtLeast(a, b, 0.95) >= 0.95`.
 */
export function similarityAtLeast(a: readonly string[], b: readonly string[], threshold: number): number {
  const rough = realQuickRatio(a, b);
  if (rough < threshold) return rough;
  const quick = quickRatio(a, b);
  if (quick < threshold) return quick;
  return sequenceRatio(a, b);
}
