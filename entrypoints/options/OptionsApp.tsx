import { SettingsForm } from '../../components/SettingsForm';
import { StatusPalette } from '../../components/StatusPalette';
import { EXTENSION_PAGE } from '../../utils/extension-pages';
import { useSettings } from '../../utils/use-settings';

/** Cited's options page: reachable from the panel's gear and from the browser's extension settings. */
export function OptionsApp() {
  const { settings, loaded, update } = useSettings();
  return (
    <main class="options" aria-busy={loaded ? undefined : 'true'}>
      <StatusPalette />
      <header class="options__header">
        <h1 class="options__title">Cited settings</h1>
        <p class="options__intro">
          Everything Cited learns stays in this browser. The only requests it makes are to the sites an
          article cites (to check them, without your cookies) and, if you allow it, to the archive below.
        </p>
        <p class="options__intro">
          Saved pages and their sources are in the{' '}
          <a href={EXTENSION_PAGE.library} data-action="open-library">
            snapshot library
          </a>
          , where you can also back them up or restore them.
        </p>
      </header>
      {loaded ? <SettingsForm settings={settings} onChange={update} /> : null}
    </main>
  );
}
