import type { MetadataCandidate } from './candidate';

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Last resort for the publication date: CMSs put it in the address (/2017/08/04/ on WordPress,
 * /2019/jan/03/ on the Guardian). Only full year/month/day paths count; a bare year says too little.
 */
export function readUrlDate(pageUrl: string): MetadataCandidate {
  let path: string;
  try {
    path = new URL(pageUrl).pathname;
  } catch {
    return {};
  }
  const match = path.match(/\/((?:19|20)\d{2})\/(\d{1,2}|[a-z]{3})\/(\d{1,2})(?:\/|$)/i);
  if (!match) return {};
  const [, year, rawMonth = '', day = ''] = match;
  const month = /^\d+$/.test(rawMonth) ? Number(rawMonth) : MONTH_NAMES.indexOf(rawMonth.toLowerCase()) + 1;
  if (month < 1) return {};
  return { publishedTime: `${year}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}` };
}
