import { browser } from 'wxt/browser';
import { CitedError } from '../core/errors/cited-error';
import {
  applySettingsChange,
  readSettings,
  type SettingProblem,
  type Settings,
} from '../core/settings/settings';

export * from '../core/settings/settings';

/** The one key the settings live under in `browser.storage.local`. */
export const SETTINGS_KEY = 'settings';

/** The reader's settings, defaults filled in; a damaged stored value never stops Cited from working. */
export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  const { settings, problems } = readSettings(stored[SETTINGS_KEY]);
  if (problems.length > 0) console.warn('Cited: some stored settings were not usable', problems);
  return settings;
}

/**
 * Saves a change. An invalid value is refused with a CitedError ('invalid-url' for the archive address) whose
 * message says what is wrong, and nothing is written.
 */
export async function saveSettings(change: Partial<Settings>): Promise<Settings> {
  const current = await loadSettings();
  const applied = applySettingsChange(current, change);
  if (!applied.ok) throw settingsError(applied.problems);
  await browser.storage.local.set({ [SETTINGS_KEY]: applied.settings });
  return applied.settings;
}

function settingsError(problems: SettingProblem[]): CitedError {
  const [first] = problems;
  return new CitedError(
    first?.key === 'archiveEndpoint' ? 'invalid-url' : 'internal',
    problems.map((problem) => problem.message).join(' '),
    first?.key,
  );
}

/** Calls `listener` with the new settings whenever any context saves them. Returns the unsubscribe function. */
export function watchSettings(listener: (settings: Settings) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
    listener(readSettings(changes[SETTINGS_KEY]?.newValue).settings);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
