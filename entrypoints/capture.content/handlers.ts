import { captureArticleInSteps } from '../../core/capture';
import { onMessage } from '../../utils/messaging';
import { CAPTURE_SCRIPT_MARKER } from '../../utils/page-access';
import { highlightLink } from './highlight';
import { type Installation, installOnce } from './install-once';
import { markOnScreen } from './on-screen';
import { pageTurn } from './page-turn';

/** Reading the article and its citations, and flashing a cited link in place. */
export function installCaptureHandlers(): Installation {
  return installOnce(CAPTURE_SCRIPT_MARKER, () => {
    // In steps with the page free in between: a long article's capture is never one long freeze of the page.
    onMessage('capturePage', async () =>
      markOnScreen(await captureArticleInSteps(document, pageTurn), document),
    );
    onMessage('highlightLink', ({ data }) => highlightLink(document, data));
  });
}
