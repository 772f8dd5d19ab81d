import { JSDOM, VirtualConsole } from 'jsdom';
import { processTextFragmentDirective } from 'text-fragments-polyfill/text-fragment-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSourceQuotes } from '../../../core/quote-check';
import { type TextFragment, withPageGlobals } from '../../../core/quote-check/text-fragment';
import { showSourceInPage, textFragmentsInPage } from '../../../core/quote-check/text-fragment-page';
import { html } from '../../web/respond';
import { startTestWeb, type TestWeb } from '../../web/server';
import { page } from '../../web/templates';
import { sourceReadDeps } from '../support/source-reads';

// The panel parses sources without a window; its "show in source" links are made in a page of Cited's own that
// takes in the source's body (the hidden frame, entrypoints/text-fragments). Here that page is a jsdom window.

/** Cited's frame page, empty until a source is shown in it; scripts would run if the page let them. */
function framePage(): Window {
  return new JSDOM('<!doctype html><html lang="en"><head></head><body></body></html>', {
    url: 'chrome-extension://cited/text-fragments.html',
    runScripts: 'dangerously',
    virtualConsole: new VirtualConsole(),
  }).window as unknown as Window;
}

/** What a browser following the fragment highlights on the source's own page: every range it matches there. */
function matchesOnSource(sourceHtml: string, fragment: TextFragment): string[] {
  const win = new JSDOM(sourceHtml, {
    url: 'https://news.example/story',
    virtualConsole: new VirtualConsole(),
  }).window as unknown as Window;
  return (
    withPageGlobals(win, () => processTextFragmentDirective(fragment, win.document, win.document.body))?.map(
      (range) => range.toString().replace(/\s+/g, ' '),
    ) ?? []
  );
}

const story = `<!doctype html><html lang="en"><head><title>Harbour</title>
  <script>window.ran = true;</script></head><body>
  <header><img src="https://tracker.example/pixel.gif" alt=""><a href="/">Harbour News</a></header>
  <meta http-equiv="refresh" content="0;url=https://elsewhere.example/">
  <article><h1>Ferry timetable</h1>
  <p>The council voted to close the library on Sundays. Residents protested outside.</p>
  <p>In March the council voted to close the library on Sundays again, after a second review.</p>
  <iframe src="https://ads.example/"></iframe><script>window.ranInBody = true;</script></article></body></html>`;

describe('show in source for a page parsed without a window', () => {
  it('leads to the passage and only to it, on the source as a browser shows it', () => {
    const [fragment] = textFragmentsInPage(framePage(), story, [
      'In March the council voted to close the library on Sundays again',
    ]);
    expect(fragment).toBeTruthy();
    if (!fragment) return;
    expect(matchesOnSource(story, fragment)).toEqual([
      'In March the council voted to close the library on Sundays again',
    ]);
  });

  it('adds words around a passage the page has twice, so the link leads to the one quoted', () => {
    const [fragment] = textFragmentsInPage(framePage(), story, [
      'the council voted to close the library on Sundays',
    ]);
    expect(fragment?.prefix ?? fragment?.suffix).toBeTruthy();
    if (!fragment) return;
    expect(matchesOnSource(story, fragment)).toEqual(['The council voted to close the library on Sundays']);
  });

  it('makes no link when the passage cannot be told apart from another copy of it', () => {
    const twice = '<p>The ferry will sail every ninety minutes.</p>'.repeat(2);
    expect(
      textFragmentsInPage(framePage(), `<body>${twice}</body>`, ['The ferry will sail every ninety minutes']),
    ).toEqual([null]);
  });

  it('lets nothing of the source run, load or navigate in Cited’s page', () => {
    const win = framePage();
    showSourceInPage(win, story);
    const shown = win.document;
    expect(shown.body.textContent).toContain('Residents protested outside');
    expect(shown.querySelectorAll('script, img, iframe, meta')).toHaveLength(0);
    expect((win as unknown as { ran?: boolean; ranInBody?: boolean }).ran).toBeUndefined();
    expect((win as unknown as { ranInBody?: boolean }).ranInBody).toBeUndefined();
  });

  it('gives up the links it has no time left for, so a hard page holds the panel only so long', () => {
    const passages = ['Residents protested outside', 'after a second review'];
    expect(textFragmentsInPage(framePage(), story, passages).every(Boolean)).toBe(true);
    expect(textFragmentsInPage(framePage(), story, passages, 0)).toEqual([null, null]);
  });

  it('keeps nothing of the source once its links are made', () => {
    const win = framePage();
    expect(textFragmentsInPage(win, story, ['Residents protested outside'])[0]).toBeTruthy();
    expect(win.document.body.childNodes).toHaveLength(0);
  });
});

describe('a quote check with the frame making its links', () => {
  let web: TestWeb;
  beforeAll(async () => {
    web = await startTestWeb({
      sites: [
        {
          hosts: ['harbour.quotes.test'],
          handle: (_req, res) =>
            html(
              res,
              200,
              page({
                title: 'Ferry timetable',
                body: '<p>The council said the ferry will sail every ninety minutes from April, starting on the first Monday.</p>',
              }),
            ),
        },
      ],
    });
  });
  afterAll(() => web.close());

  it('gives a found quotation the address at its passage, though the document read has no window', async () => {
    const frame = framePage();
    const url = 'https://harbour.quotes.test/ferry';
    const check = await checkSourceQuotes(
      url,
      ['the ferry will sail every ninety minutes', 'the ferry will sail every sixty minutes'],
      sourceReadDeps(web, {
        // The panel's DOMParser: a document without a window.
        parseHtml: (source) =>
          new (frame as Window & typeof globalThis).DOMParser().parseFromString(source, 'text/html'),
        textFragments: async (doc, passages) =>
          textFragmentsInPage(framePage(), doc.documentElement.outerHTML, passages),
      }),
    );
    const [found, differs] = check.verdicts;
    expect(found).toMatchObject({
      status: 'found',
      showInSource: `${url}#:~:text=the%20ferry%20will%20sail%20every%20ninety%20minutes`,
    });
    // The changed quotation opens at the passage the source has instead.
    expect(differs?.status === 'differs' && decodeURIComponent(differs.showInSource ?? '')).toContain(
      'the ferry will sail every ninety minutes',
    );
  });
});
