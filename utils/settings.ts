import { storage } from 'wxt/utils/storage';
import { CitedError } from '../core/errors/cited-error';
import {
  applySettingsChange,
  readSettings,
  type SettingProblem,
  type Settings,
} from '../core/settings/settings';

export * from '../core/settings/settings';

/**
 * The settings' one item in `browser.storage.local` (key `settings`). What is stored is read as untrusted: an older
 * version or a damaged profile may have written anything, and `readSettings` checks every field.
 */
const settingsItem = storage.defineItem<Partial<Settings>>('local:settings');

/** The reader's settings, defaults filled in; a damaged stored value never stops Cited from working. */
export async function loadSettings(): Promise<Settings> {
  const { settings, problems } = readSettings(await settingsItem.getValue());
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
  await settingsItem.setValue(applied.settings);
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
  return settingsItem.watch((stored) => listener(readSettings(stored).settings));
}
