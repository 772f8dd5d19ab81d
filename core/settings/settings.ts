import { DEFAULT_ARCHIVE_ENDPOINT } from '../archive/wayback';
import { DEFAULT_PER_HOST } from '../linkcheck/scheduler';
import { WATCH_INTERVAL_DAYS } from '../watch/schedule';

/**
 * The reader's settings: what they are, their defaults, and how a stored value is checked. Plain TypeScript so
 * the options page, the panel, the background worker and the tests read them the same way
 * (utils/settings.ts keeps them in `browser.storage.local`).
 *
 * Privacy by default: nothing leaves the browser for a third party until the reader turns a lookup on. Checking a
 * citation asks the cited site itself, which is not a third party; asking the Internet Archive about it is.
 */
export interface Settings {
  /** Master switch: no third-party service (the archive) is ever contacted, whatever else is on. */
  neverContactThirdParties: boolean;
  /** Look up archived copies of citations that no longer stand (and, on request, of any). Off until the reader agrees. */
  archiveLookups: boolean;
  /** Base of a Wayback-compatible availability API: https://archive.org, or a self-hosted archive. */
  archiveEndpoint: string;
  /** A small status marker right after each cited link on the page. */
  pageMarkers: boolean;
  /** Requests in flight at once over all sites (each site gets at most `PER_HOST_REQUESTS`). */
  maxRequests: number;
  /** Check the citations as soon as the panel shows them. */
  autoCheck: boolean;
  /** Days between two re-checks of a watched article. */
  watchIntervalDays: number;
  /** A browser notification when a source of a watched article breaks. Off until the reader turns it on. */
  watchNotifications: boolean;
}

/** Requests at once to one site: fixed, the politeness every site is owed. */
export const PER_HOST_REQUESTS = DEFAULT_PER_HOST;
export const MIN_REQUESTS = 1;
export const MAX_REQUESTS = 16;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  neverContactThirdParties: false,
  archiveLookups: false,
  archiveEndpoint: DEFAULT_ARCHIVE_ENDPOINT,
  pageMarkers: true,
  maxRequests: 8,
  autoCheck: true,
  watchIntervalDays: WATCH_INTERVAL_DAYS.default,
  watchNotifications: false,
});

/** A setting that could not be used as given, and why; the default (or the previous value) applies instead. */
export interface SettingProblem {
  key: keyof Settings;
  message: string;
}

export type EndpointCheck = { ok: true; endpoint: string } | { ok: false; message: string };

/**
 * An archive endpoint the reader typed: an http(s) address with no user name, password, query or fragment. The
 * trailing slash is dropped so `<endpoint>/wayback/available` is well formed. Plain http is allowed for a
 * self-hosted archive on the reader's own network.
 */
export function checkArchiveEndpoint(input: string): EndpointCheck {
  const text = input.trim();
  if (text === '') return { ok: false, message: 'Enter the archive’s address, e.g. https://archive.org.' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: `“${text}” is not a web address. It should look like https://archive.org.` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { ok: false, message: 'The archive’s address must start with https:// (or http://).' };
  if (url.username || url.password)
    return { ok: false, message: 'Leave the user name and password out of the archive’s address.' };
  if (url.search || url.hash)
    return {
      ok: false,
      message: 'Give the archive’s base address only, without ?… or #… (Cited adds /wayback/available).',
    };
  const path = url.pathname.replace(/\/+$/, '');
  return { ok: true, endpoint: `${url.origin}${path}` };
}

/** The host the reader's consent button names ("asks archive.org"). */
export function endpointHost(endpoint: string): string {
  try {
    return new URL(endpoint).host.replace(/^www\./, '');
  } catch {
    return endpoint;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const BOOLEAN_KEYS = [
  'neverContactThirdParties',
  'archiveLookups',
  'pageMarkers',
  'autoCheck',
  'watchNotifications',
] as const;

/**
 * Settings from whatever was stored (an older version, a hand edit, nothing at all): every valid field is kept,
 * every missing one takes its default, every invalid one takes its default and is reported. Never throws.
 */
export function readSettings(raw: unknown): { settings: Settings; problems: SettingProblem[] } {
  const settings: Settings = { ...DEFAULT_SETTINGS };
  const problems: SettingProblem[] = [];
  if (raw === undefined || raw === null) return { settings, problems };
  if (!isRecord(raw)) {
    problems.push({ key: 'autoCheck', message: 'The stored settings were not readable; defaults apply.' });
    return { settings, problems };
  }
  for (const key of BOOLEAN_KEYS) {
    const value = raw[key];
    if (value === undefined) continue;
    if (typeof value === 'boolean') settings[key] = value;
    else problems.push({ key, message: `“${key}” must be on or off.` });
  }
  if (raw.archiveEndpoint !== undefined) {
    const checked =
      typeof raw.archiveEndpoint === 'string'
        ? checkArchiveEndpoint(raw.archiveEndpoint)
        : ({ ok: false, message: 'The archive address must be text.' } as const);
    if (checked.ok) settings.archiveEndpoint = checked.endpoint;
    else problems.push({ key: 'archiveEndpoint', message: checked.message });
  }
  if (raw.maxRequests !== undefined) {
    const checked = checkMaxRequests(raw.maxRequests);
    if (checked.ok) settings.maxRequests = checked.value;
    else problems.push({ key: 'maxRequests', message: checked.message });
  }
  if (raw.watchIntervalDays !== undefined) {
    const checked = checkWatchInterval(raw.watchIntervalDays);
    if (checked.ok) settings.watchIntervalDays = checked.value;
    else problems.push({ key: 'watchIntervalDays', message: checked.message });
  }
  return { settings, problems };
}

export function checkWatchInterval(
  value: unknown,
): { ok: true; value: number } | { ok: false; message: string } {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  const { min, max } = WATCH_INTERVAL_DAYS;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < min || number > max)
    return { ok: false, message: `Re-check watched articles every ${min} to ${max} days (a whole number).` };
  return { ok: true, value: number };
}

export function checkMaxRequests(
  value: unknown,
): { ok: true; value: number } | { ok: false; message: string } {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number))
    return { ok: false, message: 'Requests at once must be a whole number.' };
  if (number < MIN_REQUESTS || number > MAX_REQUESTS)
    return { ok: false, message: `Requests at once must be between ${MIN_REQUESTS} and ${MAX_REQUESTS}.` };
  return { ok: true, value: number };
}

/**
 * Applies a change the reader made. Unlike `readSettings`, an invalid value is refused as a whole (with the
 * reason), so what the reader typed is never silently replaced by a default.
 */
export function applySettingsChange(
  current: Settings,
  change: Partial<Settings>,
): { ok: true; settings: Settings } | { ok: false; problems: SettingProblem[] } {
  const { settings, problems } = readSettings({ ...current, ...change });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, settings };
}

/** Whether Cited may ask the archive now: the reader turned lookups on and did not forbid third parties. */
export function archiveLookupsAllowed(settings: Settings): boolean {
  return settings.archiveLookups && !settings.neverContactThirdParties;
}
