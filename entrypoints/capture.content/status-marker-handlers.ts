import { onMessage } from '../../utils/messaging';
import { type FrameSource, MarkerQueue } from './marker-frames';

/** The browser's frames, or a moment later in a tab the browser does not draw (no frames come there). */
const browserFrames: FrameSource = {
  next(work) {
    let ran = false;
    const once = () => {
      if (ran) return;
      ran = true;
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      work();
    };
    const frame = requestAnimationFrame(once);
    const timer = setTimeout(once, 50);
  },
  now: () => performance.now(),
};

/** The panel's status markers on the page. Installed once per live installation, with the capture handlers. */
export function installMarkerHandlers(): void {
  const queue = new MarkerQueue(document, browserFrames);
  onMessage('showMarkers', ({ data }) => queue.show(data));
  onMessage('clearMarkers', () => queue.clear());
}
