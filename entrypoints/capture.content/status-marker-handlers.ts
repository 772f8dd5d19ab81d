import { onMessage } from '../../utils/messaging';
import { clearMarkers, showMarkersInSteps } from './status-markers';

/** The next frame, or a moment later in a tab the browser does not draw (no frames come there). */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => resolve());
    setTimeout(resolve, 50);
  });
}

/** The panel's status markers on the page. Installed once per live installation, with the capture handlers. */
export function installMarkerHandlers(): void {
  onMessage('showMarkers', ({ data }) => showMarkersInSteps(document, data, nextFrame));
  onMessage('clearMarkers', () => clearMarkers(document));
}
