import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { PDFJS_FILES, SAVE_COMMAND } from './utils/extension-pages';

const pdfjsBuild = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.mjs'));

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  // Lets parallel builds (benchmarks, e2e runs) use their own folder; `.output` by default.
  outDir: process.env.CITED_OUT_DIR || '.output',
  vite: () => ({
    plugins: [preact()],
  }),
  hooks: {
    // pdf.js as Mozilla builds it, copied beside the pages and loaded by address with the first cited PDF: no page
    // or background bundle carries it (Firefox's background is one file, which would inline it and its worker).
    'build:publicAssets': (_wxt, files) => {
      for (const [name, dest] of Object.entries(PDFJS_FILES)) {
        files.push({ absoluteSrc: join(pdfjsBuild, name), relativeDest: dest.slice(1) });
      }
    },
  },
  manifest: ({ browser }) => ({
    name: 'Cited',
    description:
      'See what a news article cites, whether each source still stands, and keep local copies of everything.',
    permissions: [
      'storage',
      'scripting',
      'activeTab',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
      // Snapshots (issue 4): "Save snapshot" in the toolbar button's and the page's context menus; the library is
      // evidence, so it must not be evicted when the disk runs low nor capped by the default quota; Chrome's MV3
      // worker has no DOM, so snapshots are built in an offscreen document (Firefox's background page has one).
      'contextMenus',
      'unlimitedStorage',
      ...(browser === 'firefox' ? [] : ['offscreen']),
      // Link checks (issue 17): a browser's fetch says only "Failed to fetch" for every network failure; the
      // browser's network log tells a name that does not resolve from a reset or a header that never ends, so a
      // server that answered is never called dead. Only the worker's own requests are read (tab -1), never pages'.
      'webRequest',
      // Watching articles (issue 13): re-checks on a schedule, spread over the week, while no page is open, and,
      // only when the reader turns it on, a notification when a source breaks.
      'alarms',
      'notifications',
    ],
    host_permissions: ['http://*/*', 'https://*/*'],
    action: { default_title: 'Cited: show citations' },
    // The shortcut does what the toolbar button does: Chrome opens the side panel, Firefox toggles the sidebar.
    commands:
      browser === 'firefox'
        ? {
            _execute_sidebar_action: {
              suggested_key: { default: 'Alt+Shift+C' },
              description: 'Show or hide Cited',
            },
            [SAVE_COMMAND]: {
              suggested_key: { default: 'Alt+Shift+S' },
              description: 'Save a snapshot of this page',
            },
          }
        : {
            _execute_action: {
              suggested_key: { default: 'Alt+Shift+C' },
              description: 'Show Cited for this page',
            },
            [SAVE_COMMAND]: {
              suggested_key: { default: 'Alt+Shift+S' },
              description: 'Save a snapshot of this page',
            },
          },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'cited@cited.example',
              strict_min_version: '128.0',
              // Firefox's required declaration: nothing is collected or sent to the developers.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
