import { textFragmentsInPage } from '../../core/quote-check/text-fragment-page';
import { FRAGMENT_FRAME_BUDGET_MS, type TextFragmentPage } from '../../utils/text-fragment-frame';

// The panel calls this page synchronously (same origin): it makes the fragments in this page's own realm, whose
// `document` the generator reads.
const page: TextFragmentPage = {
  textFragments: (html, passages) => textFragmentsInPage(window, html, passages, FRAGMENT_FRAME_BUDGET_MS),
};
Object.assign(window, page);
