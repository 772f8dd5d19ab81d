import { IconButton } from '../../components/IconButton';
import { openSettingsPage } from './check-ports';

/** The gear in the panel's header: Cited's settings (archive lookups, markers, politeness). */
export function SettingsButton() {
  return (
    <IconButton label="Settings" onClick={openSettingsPage} action="settings">
      <svg viewBox="0 0 16 16" aria-hidden="true">
        <path
          d="M6.9 1.75h2.2l.35 1.7c.4.15.77.37 1.1.63l1.65-.55 1.1 1.9-1.3 1.15a4.4 4.4 0 0 1 0 1.27l1.3 1.15-1.1 1.9-1.65-.55c-.33.26-.7.48-1.1.63l-.35 1.7H6.9l-.35-1.7a4.3 4.3 0 0 1-1.1-.63l-1.65.55-1.1-1.9L4 8.64a4.4 4.4 0 0 1 0-1.27L2.7 6.22l1.1-1.9 1.65.55c.33-.26.7-.48 1.1-.63Z"
          fill="none"
          stroke="currentColor"
          stroke-width="1.3"
          stroke-linejoin="round"
        />
        <circle cx="8" cy="8" r="1.9" fill="none" stroke="currentColor" stroke-width="1.3" />
      </svg>
    </IconButton>
  );
}
