import { type ArticleReadIn, captureArticleInSteps } from '../../core/capture';
import { pageSource } from '../../core/capture/page-source';
import { createCaptureParts } from '../../core/citations/capture-parts';
import { onMessage } from '../../utils/messaging';
import { CAPTURE_SCRIPT_MARKER } from '../../utils/page-access';
import { highlightLink } from './highlight';
import { type Installation, installOnce } from './install-once';
import { markOnScreen } from './on-screen';
import { pageTurn } from './page-turn';
import { markCaptureServed } from './trace-marks';

/** Reading the article and its citations, and flashing a cited link in place. */
export function installCaptureHandlers(): Installation {
  return installOnce(CAPTURE_SCRIPT_MARKER, () => {
    const parts = createCaptureParts();
    // In steps with the page free in between: a long article's capture is never one long freeze of the page.
    // Its citations go to the panel in parts (the first with the article), so no one message is big.
    // The page serialises itself once for the panel's worker, which runs Readability off the page's thread.
    onMessage('pageSource', () => pageSource(document));
    onMessage('capturePage', async ({ data }) => {
      let articleReadIn: ArticleReadIn = 'page';
      const result = await captureArticleInSteps(document, pageTurn, {
        ...(data?.parsed ? { parsed: data.parsed } : {}),
        onArticleRead: (where) => {
          articleReadIn = where;
        },
      });
      return servedCapture({ ...parts.head(markOnScreen(result, document)), articleReadIn });
    });
    onMessage('captureCitations', ({ data }) => servedCapture(parts.part(data)));
    onMessage('highlightLink', ({ data }) => highlightLink(document, data));
  });
}

function servedCapture<T>(reply: T): T {
  markCaptureServed();
  return reply;
}
