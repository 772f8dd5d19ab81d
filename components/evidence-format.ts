import type { ProbeEvidence } from '../core/linkcheck/types';

/** Words for the evidence behind a verdict, in the reader's locale. */

export function formatDuration(ms: number, locale?: string): string {
  const number = (value: number, digits = 0) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
  if (ms < 1000) return `${number(Math.max(0, Math.round(ms)))} ms`;
  if (ms < 60_000) return `${number(ms / 1000, 1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${number(minutes)} min ${number(Math.round((ms % 60_000) / 1000))} s`;
}

/** "just now", "5 minutes ago", "yesterday", then a date: how old a verdict is matters more than its time. */
export function formatWhen(iso: string, now: number, locale?: string): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  const seconds = Math.round((at - now) / 1000);
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 45) return 'just now';
  if (abs < 45 * 60) return relative.format(Math.round(seconds / 60), 'minute');
  if (abs < 22 * 3600) return relative.format(Math.round(seconds / 3600), 'hour');
  if (abs < 6 * 86400) return relative.format(Math.round(seconds / 86400), 'day');
  return formatDay(iso, locale);
}

export function formatDay(iso: string, locale?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** What the random-address probe showed, in a sentence. */
export function probeText(probe: ProbeEvidence): string {
  const similarity =
    probe.similarity !== undefined ? ` (pages ${Math.round(probe.similarity * 100)}% alike)` : '';
  const reused = probe.cached ? ' Reused from another citation in the same folder.' : '';
  const text: Record<ProbeEvidence['verdict'], string> = {
    'honest-404':
      'A made-up address in the same folder got a real error, so the site reports missing pages honestly.',
    'redirect-count-differs':
      'A made-up address in the same folder was redirected differently from the cited one.',
    'same-final-url': 'A made-up address in the same folder ended on the same page as the cited one.',
    similar: `A made-up address in the same folder got the same page as the cited one${similarity}.`,
    different: `A made-up address in the same folder got a different page${similarity}.`,
    inconclusive: 'A made-up address in the same folder gave no usable answer, so nothing could be compared.',
  };
  return `${text[probe.verdict]}${reused}`;
}

/** An address shown in full where the reader needs to see it, without the scheme's noise. */
export function displayUrl(url: string): string {
  // Only a bare host loses its slash: elsewhere a trailing slash can be the whole difference between two hops.
  return url.replace(/^https?:\/\//, '').replace(/^([^/]+)\/$/, '$1');
}
