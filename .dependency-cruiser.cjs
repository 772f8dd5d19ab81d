/**
 * Cited's layering, checked on every `npm test` (`npm run lint:layers`). Dependencies point one way:
 * entrypoints → components / utils → core. Each rule says why it exists; a violation prints the rule's name
 * and this comment, with the import that broke it.
 */
const ENTRYPOINTS = ['background', 'capture\\.content', 'sidepanel', 'library', 'options', 'offscreen'];

module.exports = {
  forbidden: [
    {
      name: 'core-stays-browser-free',
      comment:
        'core/ is the engine that runs unchanged in the extension, in Node tests, in `npm run check` and in the ' +
        'benchmarks: it must not import WXT, the browser API, components/, entrypoints/ or utils/ (browser glue). ' +
        'Pass what it needs (fetch, a Document, a clock) as a parameter instead.',
      severity: 'error',
      from: { path: '^core/' },
      to: {
        path: [
          '^entrypoints/',
          '^components/',
          '^utils/',
          '^node_modules/(wxt|webextension-polyfill|@wxt-dev|@webext-core)/',
        ],
      },
    },
    {
      name: 'components-take-props-not-browser',
      comment:
        'components/ are Preact views: props in, events out. They never call browser.* (import WXT, the polyfill ' +
        'or the browser glue in utils/) nor reach into an entrypoint: the entrypoint passes what they need.',
      severity: 'error',
      from: { path: '^components/' },
      to: {
        path: [
          '^entrypoints/',
          '^utils/',
          '^node_modules/(wxt|webextension-polyfill|@wxt-dev|@webext-core)/',
        ],
      },
    },
    {
      name: 'utils-are-shared-glue',
      comment:
        'utils/ is browser glue shared by several entrypoints: it must not depend on any one entrypoint, or that ' +
        'entrypoint could no longer change without breaking the others.',
      severity: 'error',
      from: { path: '^utils/' },
      to: { path: '^entrypoints/' },
    },
    ...ENTRYPOINTS.map((name) => ({
      name: `entrypoint-${name.replace('\\.', '-')}-keeps-to-itself`,
      comment:
        `entrypoints/${name.replace('\\', '')}/ must not import another entrypoint's folder: each is bundled on ` +
        'its own, and what several share belongs in core/ (logic), utils/ (browser glue) or components/ (UI and ' +
        'its styles).',
      severity: 'error',
      from: { path: `^entrypoints/${name}/` },
      to: { path: '^entrypoints/', pathNot: `^entrypoints/${name}/` },
    })),
    {
      name: 'no-import-cycles',
      comment:
        'Modules that import each other cannot be read, tested or moved one at a time; break the loop by moving ' +
        'what both need (usually a type) to a module they both import.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'product-never-imports-tests',
      comment: 'Shipped code must not depend on test code or the test web.',
      severity: 'error',
      from: { path: '^(core|components|utils|entrypoints)/' },
      to: { path: '^test/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(\\.output|\\.wxt|test-results)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.mts', '.js', '.mjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
