/**
 * Normalises the many ways pages write dates to ISO 8601: `YYYY-MM-DD` when only a day is known,
 * otherwise a full timestamp. An explicit offset is kept as written (2017-08-04T09:00:00+02:00)
 * rather than converted to UTC, because converting can move the date a reader sees to another day.
 */

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

function validDay(year: number, month: number, day: number): boolean {
  if (year < 1000 || year > 2999 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoDay(year: number, month: number, day: number): string | null {
  return validDay(year, month, day) ? `${year}-${pad(month)}-${pad(day)}` : null;
}

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
const COMPACT_DATE_TIME = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?$/;
const SLASHED_DATE = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;
const EPOCH = /^\d{10}(?:\d{3})?$/;
/** "August 4, 2017", "Aug. 4 2017", "Friday, August 4, 2017" */
const MONTH_DAY_YEAR = /^(?:[A-Za-z]+,?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/;
/** "4 August 2017", "04 Aug. 2017", "Fri, 4 Aug 2017" */
const DAY_MONTH_YEAR = /^(?:[A-Za-z]+,?\s+)?(\d{1,2})\.?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})$/;

function monthNumber(name: string): number | null {
  const month = MONTHS[name.slice(0, 3).toLowerCase()];
  return month ?? null;
}

interface DateTimeParts {
  y: string;
  mo: string;
  d: string;
  h: string;
  mi: string;
  s: string;
  fraction: string;
  zone: string | undefined;
}

function isoDateTime({ y, mo, d, h, mi, s, fraction, zone }: DateTimeParts): string | null {
  if (!isoDay(Number(y), Number(mo), Number(d))) return null;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 60) return null;
  const millis = fraction ? `.${fraction.slice(1, 4).padEnd(3, '0')}` : '';
  let offset = '';
  if (zone) {
    offset = zone.toUpperCase() === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  }
  return `${y}-${mo}-${d}T${h}:${mi}:${s}${millis}${offset}`;
}

export function normalizeDate(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const text = raw.trim();
  if (text === '') return null;

  let match = text.match(ISO_DATE) ?? text.match(SLASHED_DATE) ?? text.match(COMPACT_DATE);
  if (match) return isoDay(Number(match[1]), Number(match[2]), Number(match[3]));

  match = text.match(ISO_DATE_TIME) ?? text.match(COMPACT_DATE_TIME);
  if (match) {
    const [, y = '', mo = '', d = '', h = '', mi = '', s = '00', fraction = '', zone] = match;
    return isoDateTime({ y, mo, d, h, mi, s, fraction, zone });
  }

  if (EPOCH.test(text)) {
    const millis = text.length === 10 ? Number(text) * 1000 : Number(text);
    return new Date(millis).toISOString();
  }

  match = text.match(MONTH_DAY_YEAR);
  if (match) {
    const month = monthNumber(match[1] ?? '');
    if (month) return isoDay(Number(match[3]), month, Number(match[2]));
  }
  match = text.match(DAY_MONTH_YEAR);
  if (match) {
    const month = monthNumber(match[2] ?? '');
    if (month) return isoDay(Number(match[3]), month, Number(match[1]));
  }

  // RFC 2822 and other forms with a time of day: the engine's parser knows them; keep the instant.
  if (/\d{1,2}:\d{2}/.test(text)) {
    const time = Date.parse(text);
    if (!Number.isNaN(time)) return new Date(time).toISOString();
  }
  return null;
}
