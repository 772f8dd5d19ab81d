import { useCallback, useEffect, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, loadSettings, type Settings, saveSettings, watchSettings } from './settings';

export interface SettingsHandle {
  /** Defaults until the stored settings are read (`loaded` false). */
  settings: Settings;
  loaded: boolean;
  /** Saves a change; rejects with the reason when a value is invalid (nothing is saved then). */
  update: (change: Partial<Settings>) => Promise<Settings>;
}

/** The reader's settings, live: a change saved in the options page reaches an open panel at once. */
export function useSettings(): SettingsHandle {
  const [settings, setSettings] = useState<Settings>({ ...DEFAULT_SETTINGS });
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    let active = true;
    const unwatch = watchSettings((next) => {
      if (active) setSettings(next);
    });
    loadSettings()
      .then((stored) => {
        if (!active) return;
        setSettings(stored);
        setLoaded(true);
      })
      .catch((error: unknown) => {
        console.error('Cited: could not read the settings; defaults apply', error);
        if (active) setLoaded(true);
      });
    return () => {
      active = false;
      unwatch();
    };
  }, []);

  const update = useCallback(async (change: Partial<Settings>) => {
    const saved = await saveSettings(change);
    setSettings(saved);
    return saved;
  }, []);

  return { settings, loaded, update };
}
