import { type CitationStatus, LINK_STATUSES } from '../core/linkcheck/types';

/**
 * How each citation status looks and reads, everywhere Cited shows one: the panel's rows, summary bar and
 * legend, the options page, and the markers on the page. A status is never told by colour alone: each has its own
 * icon and words, and the colours hold 4.5:1 contrast on Cited's light and dark surfaces, also as text on their own
 * tinted pill (test/unit/checks/status-meta.test.ts measures it).
 */
export interface StatusMeta {
  status: CitationStatus;
  /** Short, lower case, for the row's status pill ("soft 404"). */
  label: string;
  /** For the legend and headings ("Soft 404"). */
  title: string;
  /** What it means for the reader, one sentence (tooltips, the legend's description, screen readers). */
  description: string;
  /** For the page marker's accessible label: "Cited: dead link". */
  markerLabel: string;
  /** SVG path data on a 16×16 grid, drawn with a 1.5 stroke in the status colour. */
  icon: string;
  /** CSS custom property holding the colour (defined by `statusPaletteCss`). */
  colourVar: string;
  colour: { light: string; dark: string };
  /** A verdict that means the source no longer stands. */
  broken: boolean;
  /** Still on the way to a verdict. */
  pending: boolean;
}

const CIRCLE = 'M8 1.75a6.25 6.25 0 1 0 0 12.5a6.25 6.25 0 1 0 0-12.5Z';

const META: Record<CitationStatus, Omit<StatusMeta, 'status' | 'colourVar'>> = {
  alive: {
    label: 'alive',
    title: 'Alive',
    description: 'The cited page still answers.',
    markerLabel: 'Cited: the source is alive',
    icon: `${CIRCLE} M5.25 8.25l1.9 1.9 3.6-4`,
    colour: { light: '#187533', dark: '#3fb950' },
    broken: false,
    pending: false,
  },
  redirected: {
    label: 'redirected',
    title: 'Redirected',
    description: 'The page now lives at another address, which answers.',
    markerLabel: 'Cited: the source moved to another address',
    icon: 'M2.5 11.5V8a3 3 0 0 1 3-3h7M10 2.5 12.75 5 10 7.5 M9.5 13.25h4',
    colour: { light: '#0d6d87', dark: '#22c3e6' },
    broken: false,
    pending: false,
  },
  dead: {
    label: 'dead',
    title: 'Dead',
    description: 'The page is gone: not found, or the site no longer answers at all.',
    markerLabel: 'Cited: dead link',
    icon: `${CIRCLE} M5.75 5.75l4.5 4.5M10.25 5.75l-4.5 4.5`,
    colour: { light: '#be1f2a', dark: '#ff6a69' },
    broken: true,
    pending: false,
  },
  'soft-404': {
    label: 'soft 404',
    title: 'Soft 404',
    description:
      'The site answers, but not with the cited page (home page, “not found” page, seized or parked).',
    markerLabel: 'Cited: the cited page is gone (soft 404)',
    icon: 'M4 1.75h5.25L12 4.5v9.75H4Z M9 1.75V4.75h3 M6.25 8.25l3.5 3.5M9.75 8.25l-3.5 3.5',
    colour: { light: '#a94400', dark: '#f0883e' },
    broken: true,
    pending: false,
  },
  blocked: {
    label: 'blocked',
    title: 'Blocked',
    description:
      'The site would not let an automatic check through (bot wall, login or paywall): not verified.',
    markerLabel: 'Cited: could not verify, the site blocks automatic checks',
    icon: 'M4 7.25h8v6.5H4Z M5.75 7.25V5.5a2.25 2.25 0 0 1 4.5 0v1.75 M8 9.75v1.5',
    colour: { light: '#7548c9', dark: '#bc8cff' },
    broken: false,
    pending: false,
  },
  'rate-limited': {
    label: 'rate-limited',
    title: 'Rate-limited',
    description: 'The site asked Cited to slow down (HTTP 429), even after waiting: try again later.',
    markerLabel: 'Cited: could not verify, the site asks to slow down',
    icon: `${CIRCLE} M8 4.75V8l2.25 1.5`,
    colour: { light: '#8b5d00', dark: '#d29922' },
    broken: false,
    pending: false,
  },
  unreachable: {
    label: 'unreachable',
    title: 'Unreachable',
    description: 'Server errors or no answer in time, probably temporary: try again later.',
    markerLabel: 'Cited: the site did not answer, probably temporary',
    icon: 'M8 2.25 14.25 13.5H1.75Z M8 6.5v3.25 M8 11.6v.15',
    colour: { light: '#4a6885', dark: '#8fb0d3' },
    broken: false,
    pending: false,
  },
  skipped: {
    label: 'skipped',
    title: 'Skipped',
    description: 'Not a web page address, or Cited may not contact that site.',
    markerLabel: 'Cited: not checked (not a web page address)',
    icon: `${CIRCLE} M5.25 8h5.5`,
    colour: { light: '#5f666f', dark: '#9ba4ae' },
    broken: false,
    pending: false,
  },
  checking: {
    label: 'checking…',
    title: 'Checking',
    description: 'Cited is asking the site now.',
    markerLabel: 'Cited: checking the link',
    icon: 'M8 1.75a6.25 6.25 0 1 1-6.25 6.25',
    colour: { light: '#2457c5', dark: '#8cb4ff' },
    broken: false,
    pending: true,
  },
  queued: {
    label: 'queued',
    title: 'Queued',
    description: 'Waiting for its turn (Cited asks each site at most twice at a time).',
    markerLabel: 'Cited: waiting to check the link',
    icon: `${CIRCLE} M5.25 8h.01M8 8h.01M10.75 8h.01`,
    colour: { light: '#5f636b', dark: '#a3a6ad' },
    broken: false,
    pending: true,
  },
  'not-checked': {
    label: 'not checked',
    title: 'Not checked',
    description: 'Cited has not checked this link yet.',
    markerLabel: 'Cited: not checked yet',
    icon: CIRCLE,
    colour: { light: '#5f636b', dark: '#a3a6ad' },
    broken: false,
    pending: false,
  },
};

/** Reading order for the summary bar and its legend: the good news, the bad news, the unsure, the unfinished. */
export const STATUS_ORDER: readonly CitationStatus[] = [
  ...LINK_STATUSES,
  'checking',
  'queued',
  'not-checked',
];

export function statusMeta(status: CitationStatus): StatusMeta {
  return { status, colourVar: `--status-${status}`, ...META[status] };
}

export function isCitationStatus(value: string): value is CitationStatus {
  return Object.hasOwn(META, value);
}

/**
 * The status colours as CSS custom properties on `selector`, switching with the colour scheme: the panel puts
 * them on :root, a page marker on its own shadow :host.
 */
export function statusPaletteCss(selector = ':root'): string {
  const declarations = (scheme: 'light' | 'dark') =>
    STATUS_ORDER.map((status) => `${statusMeta(status).colourVar}:${META[status].colour[scheme]};`).join('');
  return `${selector}{${declarations('light')}}@media (prefers-color-scheme: dark){${selector}{${declarations('dark')}}}`;
}
