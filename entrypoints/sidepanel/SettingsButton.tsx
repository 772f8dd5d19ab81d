import { Icon } from '../../components/Icon';
import { IconButton } from '../../components/IconButton';
import { openSettingsPage } from './link-check-ports';

/** The gear in the panel's header: Cited's settings (archive lookups, markers, politeness). */
export function SettingsButton() {
  return (
    <IconButton label="Settings" onClick={openSettingsPage} action="settings">
      <Icon name="settings" />
    </IconButton>
  );
}
