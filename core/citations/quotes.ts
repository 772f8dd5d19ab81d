import { normalizeWhitespace } from '../capture/text';

/**
 * Quoted passages: “…”, „…“ / „…”, «…», ‹…›, "…" and ‘…’. A curly single quote only opens after a
 * non-letter and only closes before a non-letter, so apostrophes (Prosecutor’s) never end a quote.
 * Alternatives are tried left to right at each position, so a German „…“ is taken whole before “
 * could be read as an English opener.
 */
const QUOTED =
  /„([^„“”]+)[“”]|“([^“”]+)”|«([^«»]+)»|‹([^‹›]+)›|"([^"]+)"|(?<![\p{L}\p{N}])‘((?:[^‘’]|’(?=\p{L}))+)’(?!\p{L})/gu;

/** Scare quotes ("bizarre", “very good cooperation”) are emphasis, not a claim to check. */
const MIN_WORDS = 4;

function wordCount(text: string): number {
  let count = 0;
  for (const token of text.split(' ')) if (/[\p{L}\p{N}]/u.test(token)) count++;
  return count;
}

export function extractQuotes(text: string): string[] {
  const quotes: string[] = [];
  for (const match of text.matchAll(QUOTED)) {
    const inner = match.slice(1).find((group) => group !== undefined);
    if (inner === undefined) continue;
    const quote = normalizeWhitespace(inner);
    if (wordCount(quote) >= MIN_WORDS && !quotes.includes(quote)) quotes.push(quote);
  }
  return quotes;
}
