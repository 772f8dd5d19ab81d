import { normalizeWhitespace } from '../text';
import { normalizeDate } from './dates';

/** Values as they come from JSON (not HTML-decoded by the parser) may still hold entities. */
function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos|nbsp));/gi, (match, dec, hex, name) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(Number.parseInt(hex, 16));
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
    return named[String(name).toLowerCase()] ?? match;
  });
}

export function cleanText(raw: string | null | undefined): string | null {
  if (!raw) return null;
  return normalizeWhitespace(decodeEntities(raw)) || null;
}

/**
 * "By Jane Doe", "Posted by: Jane Doe" → "Jane Doe". URLs, paragraphs, and text with digits are not
 * bylines: names have no digits, while in-page guesses catch dates and counters ("Lucas Nolan22 Dec
 * 2016651", "Last Updated: January 7, 2025") or buttons ("Follow Author").
 */
export function cleanByline(raw: string | null | undefined): string | null {
  const text = cleanText(raw)?.replace(/^(?:(?:posted|written|words|text)\s+)?by\s*:?\s+/i, '');
  if (!text || text.length > 150 || !/\p{L}/u.test(text) || /\p{N}/u.test(text)) return null;
  if (/^https?:\/\//i.test(text) || /^(?:follow|subscribe|share|updated|last updated)\b/i.test(text))
    return null;
  return text;
}

/** Some sites give their address as their name ("http://www.tmz.com"): show it as a host name. */
export function cleanSiteName(raw: string | null | undefined): string | null {
  const text = cleanText(raw);
  if (!text || !/^https?:\/\//i.test(text)) return text;
  try {
    return new URL(text).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

export function cleanDate(raw: string | null | undefined): string | null {
  return normalizeDate(cleanText(raw));
}

/** BCP 47, canonical case: "en_US" → "en-US". */
export function cleanLang(raw: string | null | undefined): string | null {
  const text = cleanText(raw)?.replace(/_/g, '-');
  if (!text) return null;
  try {
    return Intl.getCanonicalLocales(text)[0] ?? null;
  } catch {
    return null;
  }
}

export function cleanDir(raw: string | null | undefined): 'ltr' | 'rtl' | null {
  const dir = raw?.trim().toLowerCase();
  return dir === 'ltr' || dir === 'rtl' ? dir : null;
}

export function cleanUrl(raw: string | null | undefined, baseUrl: string): string | null {
  const text = raw?.trim();
  if (!text) return null;
  try {
    const url = new URL(text, baseUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
