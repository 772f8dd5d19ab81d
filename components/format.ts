import type { CitationKind, CitationReference, CitationSection } from '../core/citations/types';

/** Words a reader reads in a minute: the usual figure for screen reading of news prose. */
const WORDS_PER_MINUTE = 230;

export interface FormattedDate {
  /** For `<time datetime>`: the page's own value. */
  datetime: string;
  /** In the reader's language, e.g. "4 Aug 2017". */
  text: string;
}

/**
 * Formats an ISO date or timestamp for the reader's locale. A bare `YYYY-MM-DD` is a calendar date and is
 * shown as that date whatever the reader's time zone.
 */
export function formatPublished(iso: string | null, locale?: string): FormattedDate | null {
  if (!iso) return null;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const date = new Date(dateOnly ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return null;
  return { datetime: iso, text: dateFormat(locale, dateOnly).format(date) };
}

/** One formatter per locale and kind of date, as for numbers (below). */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: string | undefined, dateOnly: boolean): Intl.DateTimeFormat {
  const key = `${locale ?? ''} ${dateOnly}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      ...(dateOnly ? { timeZone: 'UTC' } : {}),
    });
    dateFormats.set(key, format);
  }
  return format;
}

/**
 * Makes the formatters the panel's first render uses: a page's first use of Intl loads the browser's locale data
 * (about 15 ms of CPU in Chromium), which a page can pay while it waits for something rather than in the render of
 * a long list. Each step is one call, so a caller can give each its own idle moment.
 */
export const FORMAT_STEPS: readonly ((locale?: string) => void)[] = [
  (locale) => formatNumber(0, locale),
  (locale) => dateFormat(locale, false),
  (locale) => dateFormat(locale, true),
];

export function readingMinutes(wordCount: number): number {
  return Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE));
}

/**
 * One formatter per locale: making an Intl.NumberFormat costs far more than using one, and the panel formats a dozen
 * counts on every frame while a long article's checks run (issue 10).
 */
const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatNumber(value: number, locale?: string): string {
  const key = locale ?? '';
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale);
    numberFormats.set(key, format);
  }
  return format.format(value);
}

export function plural(count: number, one: string, many: string, locale?: string): string {
  return `${formatNumber(count, locale)} ${count === 1 ? one : many}`;
}

const KIND_LABELS: Record<CitationKind, string> = {
  news: 'News',
  government: 'Government',
  academic: 'Academic',
  social: 'Social media',
  archive: 'Archived copy',
  document: 'Document',
  other: 'Web page',
};

export function kindLabel(kind: CitationKind): string {
  return KIND_LABELS[kind];
}

const SECTION_LABELS: Record<CitationSection, string> = {
  notes: 'Reference',
  'external-links': 'External links',
  'further-reading': 'Further reading',
};

/** Where the page gives a source, when not in its running text. */
export function sectionLabel(section: CitationSection): string {
  return SECTION_LABELS[section];
}

/** A reference's own words for its source: “Title” — Work · Publisher; null when it says neither. */
export function referenceLine(reference: CitationReference | undefined): string | null {
  if (!reference) return null;
  const where = [reference.work, reference.publisher].filter(Boolean).join(' · ');
  const title = reference.title ? `“${reference.title}”` : '';
  const line = [title, where].filter(Boolean).join(' — ');
  return line === '' ? null : line;
}

export interface SentenceParts {
  before: string;
  anchor: string;
  after: string;
}

/**
 * Splits the sentence around the link's anchor text so the panel can emphasise it. Null when the anchor text
 * is not in the sentence (an image link, or a sentence the capture had to cut).
 */
export function splitAroundAnchor(sentence: string, anchorText: string): SentenceParts | null {
  const anchor = anchorText.replace(/\s+/g, ' ').trim();
  if (anchor === '') return null;
  let at = sentence.indexOf(anchor);
  if (at < 0) at = sentence.toLowerCase().indexOf(anchor.toLowerCase());
  if (at < 0) return null;
  return {
    before: sentence.slice(0, at),
    anchor: sentence.slice(at, at + anchor.length),
    after: sentence.slice(at + anchor.length),
  };
}

/** Only http(s) addresses become clickable in the panel; anything else stays text. */
export function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * The end of a long lead-in to the anchor, cut at a word, so the emphasised anchor stays in the rows' few
 * visible lines.
 */
export function leadIn(text: string, max = 90): string {
  if (text.length <= max) return text;
  const tail = text.slice(-max);
  const space = tail.indexOf(' ');
  return `…${space >= 0 && space < max / 2 ? tail.slice(space + 1) : tail}`;
}
