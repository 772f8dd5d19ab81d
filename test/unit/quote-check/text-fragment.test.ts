import { JSDOM } from 'jsdom';
import { processTextFragmentDirective } from 'text-fragments-polyfill/text-fragment-utils';
import { describe, expect, it } from 'vitest';
import {
  MAX_LENT_PAGE_ELEMENTS,
  type TextFragment,
  textFragmentFor,
  textFragmentUrl,
  withPageGlobals,
} from '../../../core/quote-check/text-fragment';

function pageWindow(body: string): Window {
  return new JSDOM(`<!doctype html><html lang="en"><body>${body}</body></html>`, {
    url: 'https://news.example/story',
  }).window as unknown as Window;
}

/** What a browser that follows the fragment highlights: every range it matches on the page (at most two). */
function matches(win: Window, fragment: TextFragment): string[] {
  return (
    withPageGlobals(win, () => processTextFragmentDirective(fragment, win.document, win.document.body))?.map(
      (range) => range.toString().replace(/\s+/g, ' '),
    ) ?? []
  );
}

describe('show in source: a text fragment for the quoted passage', () => {
  it('leads to the passage, and only to it', () => {
    const win = pageWindow(`<header><a href="/">Newburyport Daily News</a></header>
      <article><h1>Newburyport man faces child porn charge</h1>
      <p>According to the police report, the report had been filed with the national center by electronic service
      provider Chatstep.com, and the complaint identified the internet protocol address.</p></article>`);
    const passage =
      'the report had been filed with the national center by electronic service provider Chatstep.com';
    const fragment = textFragmentFor(win, passage);
    expect(fragment).not.toBeNull();
    if (!fragment) return;
    expect(matches(win, fragment)).toEqual([passage]);
  });

  it('adds the words around a passage the page has twice, so the link leads to one place only', () => {
    const win =
      pageWindow(`<p>The council voted to close the library on Sundays. Residents protested outside.</p>
      <p>In March the council voted to close the library on Sundays again, after a second review.</p>`);
    const fragment = textFragmentFor(win, 'the council voted to close the library on Sundays');
    expect(fragment).not.toBeNull();
    if (!fragment) return;
    expect(fragment.prefix ?? fragment.suffix).toBeTruthy();
    expect(matches(win, fragment)).toEqual(['The council voted to close the library on Sundays']);
    expect(matches(win, { textStart: fragment.textStart, textEnd: fragment.textEnd })).toHaveLength(2);
  });

  it('finds a passage across the page’s markup and curly quotes, written as the quote check gives it', () => {
    const win = pageWindow(
      '<p>The mayor’s office called it <em>“a well-considered plan”</em> on Monday.</p>',
    );
    const fragment = textFragmentFor(win, `The mayor's office called it "a well-considered plan"`);
    expect(fragment && matches(win, fragment)).toEqual([
      'The mayor’s office called it “a well-considered plan”',
    ]);
  });

  it('makes no link for a passage the page does not have', () => {
    expect(
      textFragmentFor(pageWindow('<p>Nothing about it here.</p>'), 'the report had been filed'),
    ).toBeNull();
  });

  it('writes the link with the directive’s own characters encoded', () => {
    expect(
      textFragmentUrl('https://news.example/story', {
        prefix: 'said',
        textStart: 'well-known, fast & cheap',
        suffix: 'plan',
      }),
    ).toBe('https://news.example/story#:~:text=said-,well%2Dknown%2C%20fast%20%26%20cheap,-plan');
    expect(textFragmentUrl('https://news.example/story#part-2', { textStart: 'a', textEnd: 'b' })).toBe(
      'https://news.example/story#part-2:~:text=a,b',
    );
  });
});

describe('show in source on a long page in Node', () => {
  it('is not attempted past the size jsdom handles in reasonable time, rather than stalling the check', () => {
    const filler = '<p>Unrelated paragraph.</p>'.repeat(MAX_LENT_PAGE_ELEMENTS);
    const win = pageWindow(`${filler}<p>The council voted to close the library on Sundays.</p>`);
    expect(textFragmentFor(win, 'The council voted to close the library on Sundays')).toBeNull();
  });
});
