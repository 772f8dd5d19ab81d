import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  applySettingsChange,
  archiveLookupsAllowed,
  checkArchiveEndpoint,
  checkWatchInterval,
  DEFAULT_SETTINGS,
  endpointHost,
  readSettings,
} from '../../../core/settings/settings';
import { loadSettings, saveSettings, watchSettings } from '../../../utils/settings';

beforeEach(() => fakeBrowser.reset());

describe('settings defaults', () => {
  it('keep everything local until the reader turns a lookup on', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      neverContactThirdParties: false,
      archiveLookups: false,
      archiveEndpoint: 'https://archive.org',
      pageMarkers: true,
      maxRequests: 8,
      autoCheck: true,
      watchIntervalDays: 7,
      watchNotifications: false,
    });
    expect(archiveLookupsAllowed(DEFAULT_SETTINGS)).toBe(false);
    expect(archiveLookupsAllowed({ ...DEFAULT_SETTINGS, archiveLookups: true })).toBe(true);
    // The master switch wins over the lookup switch.
    expect(
      archiveLookupsAllowed({ ...DEFAULT_SETTINGS, archiveLookups: true, neverContactThirdParties: true }),
    ).toBe(false);
  });
});

describe('the watch interval', () => {
  it('re-checks watched articles every 1 to 90 whole days; anything else is refused in words', () => {
    expect(checkWatchInterval('14')).toEqual({ ok: true, value: 14 });
    for (const bad of [0, 91, 2.5, 'weekly'])
      expect(checkWatchInterval(bad)).toEqual({
        ok: false,
        message: 'Re-check watched articles every 1 to 90 days (a whole number).',
      });
    const { settings, problems } = readSettings({ watchIntervalDays: 0 });
    expect(settings.watchIntervalDays).toBe(7);
    expect(problems.map((p) => p.key)).toEqual(['watchIntervalDays']);
  });
});

describe('the archive endpoint', () => {
  it('accepts any http(s) base address, without its trailing slash', () => {
    expect(checkArchiveEndpoint(' https://archive.org/ ')).toEqual({
      ok: true,
      endpoint: 'https://archive.org',
    });
    expect(checkArchiveEndpoint('http://wayback.local:8080/pywb/')).toEqual({
      ok: true,
      endpoint: 'http://wayback.local:8080/pywb',
    });
    expect(endpointHost('https://www.archive.org')).toBe('archive.org');
  });

  it.each([
    ['', 'Enter the archive’s address'],
    ['archive.org', 'is not a web address'],
    ['ftp://archive.org', 'must start with https://'],
    ['javascript:alert(1)', 'must start with https://'],
    ['https://user:pw@archive.org', 'user name and password'],
    ['https://archive.org/wayback/available?url=x', 'base address only'],
  ])('refuses %j with a reason', (input, reason) => {
    const checked = checkArchiveEndpoint(input);
    expect(checked.ok).toBe(false);
    expect(checked.ok ? '' : checked.message).toContain(reason);
  });
});

describe('reading stored settings', () => {
  it('keeps valid fields, defaults the rest, and reports the invalid ones', () => {
    const { settings, problems } = readSettings({
      pageMarkers: false,
      autoCheck: 'yes',
      archiveEndpoint: 'gopher://old.example',
      maxRequests: 99,
      somethingNew: true,
    });
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, pageMarkers: false });
    expect(problems.map((problem) => problem.key).sort()).toEqual([
      'archiveEndpoint',
      'autoCheck',
      'maxRequests',
    ]);
  });

  it('gives the defaults for nothing stored or a damaged value', () => {
    expect(readSettings(undefined).settings).toEqual(DEFAULT_SETTINGS);
    expect(readSettings('garbage').settings).toEqual(DEFAULT_SETTINGS);
    expect(readSettings('garbage').problems).toHaveLength(1);
  });

  it('refuses a change with an invalid value as a whole', () => {
    const refused = applySettingsChange(DEFAULT_SETTINGS, { maxRequests: 0, pageMarkers: false });
    expect(refused.ok).toBe(false);
    const accepted = applySettingsChange(DEFAULT_SETTINGS, { maxRequests: 3 });
    expect(accepted).toEqual({ ok: true, settings: { ...DEFAULT_SETTINGS, maxRequests: 3 } });
  });
});

describe('settings in browser.storage.local', () => {
  it('load defaults, save a valid change, and tell listeners', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    const heard: unknown[] = [];
    const stop = watchSettings((settings) => heard.push(settings));
    await saveSettings({ archiveLookups: true, archiveEndpoint: 'https://wayback.example/' });
    expect(await loadSettings()).toMatchObject({
      archiveLookups: true,
      archiveEndpoint: 'https://wayback.example',
    });
    expect(heard).toEqual([
      { ...DEFAULT_SETTINGS, archiveLookups: true, archiveEndpoint: 'https://wayback.example' },
    ]);
    stop();
  });

  it('write nothing when a change is invalid, and say why', async () => {
    await saveSettings({ pageMarkers: false });
    await expect(
      saveSettings({ archiveEndpoint: 'not an address', pageMarkers: true }),
    ).rejects.toMatchObject({
      code: 'invalid-url',
      message: expect.stringContaining('not a web address'),
    });
    const stored = await fakeBrowser.storage.local.get('settings');
    // Stored under the key earlier versions used, so an update keeps the reader's settings.
    expect(stored.settings).toMatchObject({
      pageMarkers: false,
      archiveEndpoint: 'https://archive.org',
    });
  });
});
