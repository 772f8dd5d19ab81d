import { browser } from 'wxt/browser';
import type { TextFragment } from '../core/quote-check/text-fragment';
import { EXTENSION_PAGE } from './extension-pages';

/**
 * "Show in source" links for pages an extension page parsed (DOMParser documents have no window, and the
 * generator needs one): made in a hidden frame of Cited's own page `text-fragments.html`, which takes in the
 * source's body with nothing of it allowed to load or run.
 */

/** What the frame's page offers its parent. */
export interface TextFragmentPage {
  textFragments(html: string, passages: readonly string[]): (TextFragment | null)[];
}

/**
 * The generator's time for one source's passages in the frame: the frame shares the panel's thread, so a page
 * that is hard to make links for holds the panel at most about this long (plus reading the page in) before its
 * remaining links are given up.
 */
export const FRAGMENT_FRAME_BUDGET_MS = 2000;

/** A frame that has not started by then never will. */
const FRAME_START_MS = 10_000;

let frame: Promise<TextFragmentPage> | null = null;

function fragmentPage(): Promise<TextFragmentPage> {
  frame ??= new Promise<TextFragmentPage>((resolve, reject) => {
    const iframe = document.createElement('iframe');
    iframe.src = browser.runtime.getURL(EXTENSION_PAGE.textFragments);
    iframe.title = 'Cited: show in source';
    iframe.tabIndex = -1;
    iframe.setAttribute('aria-hidden', 'true');
    iframe.setAttribute('inert', '');
    // Laid out (the generator skips what has no size) but off screen and unseen.
    iframe.style.cssText =
      'position:fixed;left:-10000px;top:0;width:1024px;height:768px;border:0;visibility:hidden';
    const failed = () => {
      iframe.remove();
      reject(new Error('The show-in-source frame did not start.'));
    };
    const late = setTimeout(failed, FRAME_START_MS);
    iframe.addEventListener(
      'load',
      () => {
        clearTimeout(late);
        const page = iframe.contentWindow as unknown as Partial<TextFragmentPage> | null;
        if (typeof page?.textFragments === 'function') resolve(page as TextFragmentPage);
        else failed();
      },
      { once: true },
    );
    document.body.append(iframe);
  });
  // A frame that did not start is not tried again while the panel is open: the quote checks go on without links.
  return frame;
}

/** Fragments for `passages` of a page the panel parsed, made in the hidden frame. */
export async function frameTextFragments(
  doc: Document,
  passages: readonly string[],
): Promise<(TextFragment | null)[]> {
  const page = await fragmentPage();
  return page.textFragments(doc.documentElement.outerHTML, passages);
}
