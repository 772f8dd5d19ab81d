import { GENERATION_TIMEOUT_MS, type TextFragment, textFragmentFor } from './text-fragment';

/**
 * "Show in source" where the source was parsed without a window (the panel's DOMParser documents): the generator
 * reads the `document` and `window` of the realm it runs in, so a page of Cited's own (a hidden frame whose content
 * security policy lets nothing load) takes the source's body in place of its own and makes the fragments there,
 * with real styles and ranges.
 */

/**
 * What fetches, runs or navigates once it joins a live document: none of it carries the text a fragment matches,
 * and the frame's policy blocks it anyway; removed so not even a blocked request is attempted. `noscript` is
 * hidden in a browser that runs scripts, as the reader's is.
 */
const INERT_SELECTOR = [
  'script',
  'noscript',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'link',
  'meta',
  'base',
  'img',
  'picture',
  'video',
  'audio',
  'source',
  'track',
  'image',
  'use',
].join(',');

/** The source's body, parsed without running anything, stripped of what loads, in place of the page's own. */
export function showSourceInPage(win: Window, html: string): void {
  const parsed = new (win as Window & typeof globalThis).DOMParser().parseFromString(html, 'text/html');
  for (const element of [...parsed.querySelectorAll(INERT_SELECTOR)]) element.remove();
  const doc = win.document;
  // The generator splits words with the page's language, as the reader's browser does.
  doc.documentElement.lang = parsed.documentElement.lang;
  doc.body.replaceWith(doc.adoptNode(parsed.body));
}

/**
 * One fragment per passage for the source `html` shown in `win`: null where none is unique on the page, or where
 * the generator had no time left of `budgetMs`, shared by the source's passages (a page whose passages each take
 * the generator to its limit would otherwise cost that limit once per passage).
 */
export function textFragmentsInPage(
  win: Window,
  html: string,
  passages: readonly string[],
  budgetMs = GENERATION_TIMEOUT_MS,
): (TextFragment | null)[] {
  showSourceInPage(win, html);
  const ends = Date.now() + budgetMs;
  try {
    return passages.map((passage) => {
      const left = ends - Date.now();
      return left > 0 ? textFragmentFor(win, passage, left) : null;
    });
  } finally {
    // The page stays open beside the panel: it keeps nothing of the source once its links are made.
    win.document.body.replaceChildren();
  }
}
