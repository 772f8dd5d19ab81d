/**
 * The addresses of Cited's own pages and the names of its keyboard commands, one constant each, so the pages that
 * open each other and the manifest's commands cannot drift apart.
 */
export const EXTENSION_PAGE = {
  library: '/library.html',
  options: '/options.html',
  sidepanel: '/sidepanel.html',
  offscreen: '/offscreen.html',
} as const;

/** The manifest's command that saves a snapshot of the current tab (wxt.config.ts declares it). */
export const SAVE_COMMAND = 'save-snapshot';

/**
 * pdf.js' legacy build and its worker, copied into the extension at these paths by the build (wxt.config.ts) and
 * loaded by address with the first cited PDF (utils/pdf-text.ts).
 */
export const PDFJS_FILES = {
  'pdf.min.mjs': '/pdfjs/pdf.min.mjs',
  'pdf.worker.min.mjs': '/pdfjs/pdf.worker.min.mjs',
} as const;
