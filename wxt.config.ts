import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  // Lets parallel builds (benchmarks, e2e runs) use their own folder; `.output` by default.
  outDir: process.env.CITED_OUT_DIR || '.output',
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    name: 'Cited',
    description:
      'See what a news article cites, whether each source still stands, and keep local copies of everything.',
    permissions: ['storage', 'scripting', 'activeTab', ...(browser === 'firefox' ? [] : ['sidePanel'])],
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
          }
        : {
            _execute_action: {
              suggested_key: { default: 'Alt+Shift+C' },
              description: 'Show Cited for this page',
            },
          },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'cited@cited.example', strict_min_version: '128.0' } } }
      : {}),
  }),
});
