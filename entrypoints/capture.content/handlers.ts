import { captureArticle } from '../../core/capture';
import { onMessage } from '../../utils/messaging';
import { CAPTURE_SCRIPT_MARKER } from '../../utils/page-access';
import { highlightLink } from './highlight';
import { type Installation, installOnce } from './install-once';
import { markOnScreen } from './on-screen';

/** Reading the article and its citations, and flashing a cited link in place. */
export function installCaptureHandlers(): Installation {
  return installOnce(CAPTURE_SCRIPT_MARKER, () => {
    onMessage('capturePage', () => markOnScreen(captureArticle(document), document));
    onMessage('highlightLink', ({ data }) => highlightLink(document, data));
  });
}
