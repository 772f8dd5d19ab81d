import { onMessage } from '../../utils/messaging';
import { clearMarkers, showMarkers } from './status-markers';

/** The panel's status markers on the page. Installed once per live installation, with the capture handlers. */
export function installMarkerHandlers(): void {
  onMessage('showMarkers', ({ data }) => showMarkers(document, data.items));
  onMessage('clearMarkers', () => clearMarkers(document));
}
