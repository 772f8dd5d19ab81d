import { browser, type PublicPath } from 'wxt/browser';
import { type PdfJs, pdfTextReader } from '../core/quote-check/pdf-text';
import { PDFJS_FILES } from './extension-pages';

/**
 * A PDF's text in an extension page (the panel, Chrome's offscreen document, Firefox's background page). pdf.js is
 * Mozilla's own files shipped in the extension (wxt.config.ts), imported by address with the first PDF, so no
 * page or background bundle carries it; it parses in its own worker (an extension page may start a worker from
 * its own files), off the page's thread.
 */
export const readPdfText = pdfTextReader(async () => {
  const pdfjs: PdfJs & Pick<typeof import('pdfjs-dist/legacy/build/pdf.mjs'), 'GlobalWorkerOptions'> =
    await import(/* @vite-ignore */ shipped(PDFJS_FILES['pdf.min.mjs']));
  pdfjs.GlobalWorkerOptions.workerSrc = shipped(PDFJS_FILES['pdf.worker.min.mjs']);
  return pdfjs;
});

/** The address of a file the build copies in (WXT's path types list only `public/`). */
function shipped(path: string): string {
  return browser.runtime.getURL(path as PublicPath);
}
