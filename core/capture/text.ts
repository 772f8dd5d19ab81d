/** Collapses every run of whitespace (NBSP and line breaks included) to one space, then trims. */
export function normalizeWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
