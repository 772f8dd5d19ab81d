/**
 * Full-text search over the library without reading every snapshot on each keystroke: each snapshot's
 * unique tokens are stored in a multi-entry index, and a query is a few index range scans (one per query
 * word, matched as a prefix so that results come while typing), intersected.
 *
 * Tokens are lower-case, accents removed, letters and digits only, at least 2 characters (or one digit). Scripts written
 * without spaces (Chinese, Japanese, Thai ...) are indexed as overlapping character pairs.
 */

const MAX_TOKENS = 20_000;
const MAX_TOKEN_LENGTH = 40;
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

function wordsOf(text: string): string[] {
  return normalizeForSearch(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

function pieces(word: string, into: (token: string) => void): void {
  if (UNSPACED.test(word)) {
    const chars = Array.from(word);
    if (chars.length === 1) into(word);
    for (let i = 0; i + 1 < chars.length; i++) into(`${chars[i]}${chars[i + 1]}`);
    return;
  }
  // Single letters are noise; single digits are not ("Article 7", "G7").
  if (word.length >= 2 || /^\d$/.test(word)) into(word.slice(0, MAX_TOKEN_LENGTH));
}

/** The unique tokens of a text, in first-seen order, capped. */
export function tokenize(text: string): string[] {
  const seen = new Set<string>();
  for (const word of wordsOf(text)) {
    pieces(word, (token) => {
      if (seen.size < MAX_TOKENS) seen.add(token);
    });
    if (seen.size >= MAX_TOKENS) break;
  }
  return Array.from(seen);
}

/** The tokens of a query, each to be matched as a prefix. */
export function queryTokens(query: string): string[] {
  const out: string[] = [];
  for (const word of wordsOf(query)) {
    if (UNSPACED.test(word)) pieces(word, (t) => out.push(t));
    else if (word.length >= 1) out.push(word.slice(0, MAX_TOKEN_LENGTH));
  }
  return Array.from(new Set(out));
}

/** The text a snapshot is found by: title, address (split into words), site and body text. */
export function searchableText(parts: {
  title: string;
  url: string;
  siteName: string;
  text: string;
}): string {
  let urlWords = parts.url;
  try {
    const u = new URL(parts.url);
    urlWords = `${u.hostname} ${decodeURIComponent(u.pathname)} ${u.search}`;
  } catch {
    // Keep the address as written.
  }
  return `${parts.title}\n${urlWords}\n${parts.siteName}\n${parts.text}`;
}
