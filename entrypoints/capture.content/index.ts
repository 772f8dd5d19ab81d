import { defineContentScript } from 'wxt/utils/define-content-script';
import { installCaptureHandlers } from './handlers';
import { installSnapshotHandlers } from './snapshot-handlers';
import { installMarkerHandlers } from './status-marker-handlers';
import { markScriptStarted } from './trace-marks';

// Injected on demand by utils/page-access.ts (scripting.executeScript), never into every page.
export default defineContentScript({
  registration: 'runtime',
  matches: ['http://*/*', 'https://*/*'],
  // The page need not hear about Cited's content script starting.
  noScriptStartedPostMessage: true,
  main() {
    markScriptStarted();
    const installation = installCaptureHandlers();
    if (installation === 'installed') {
      installMarkerHandlers();
      installSnapshotHandlers();
    }
    return installation;
  },
});
