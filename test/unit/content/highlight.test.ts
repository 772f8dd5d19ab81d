// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  findCitedLink,
  HIGHLIGHT_ATTRIBUTE,
  HIGHLIGHT_MS,
  highlightLink,
} from '../../../entrypoints/capture.content/highlight';

const PAGE = `
  <nav><a href="/">Home</a><a href="/about">About</a></nav>
  <article>
    <p>The council <a id="first" href="https://gazette.example/ferries">cut ferries</a> again,
       as <a id="second" href="https://gov.example/report.pdf#p4">the report</a> shows.</p>
    <p>Later the <a id="again" href="https://gazette.example/ferries">Gazette</a> followed up.</p>
    <map name="harbour"><area id="area" href="https://maps.example/pier" alt="Pier" coords="0,0,5,5"></map>
    <img id="chart" usemap="#harbour" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="">
  </article>`;

let scrolled: Array<{ element: Element; options: ScrollIntoViewOptions | undefined }>;

beforeEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = PAGE;
  scrolled = [];
  // jsdom does not lay out pages; record where the page was asked to scroll.
  Element.prototype.scrollIntoView = function (this: Element, options?: boolean | ScrollIntoViewOptions) {
    scrolled.push({ element: this, options: typeof options === 'object' ? options : undefined });
  };
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
  window.matchMedia = undefined as unknown as typeof window.matchMedia;
});

describe('findCitedLink', () => {
  it('finds the link at its index among the page’s links', () => {
    expect(findCitedLink(document, 4, 'https://gazette.example/ferries')?.id).toBe('again');
    expect(findCitedLink(document, 3, 'https://gov.example/report.pdf#p4')?.id).toBe('second');
  });

  it('falls back to the first link with that address when the page changed', () => {
    document.querySelector('nav')?.remove();
    expect(findCitedLink(document, 4, 'https://gazette.example/ferries')?.id).toBe('first');
  });

  it('tells one note’s marker from another’s by the note it points to, even when the page changed', () => {
    document.body.innerHTML = `<p>Walls fail.<sup><a id="m1" href="#cite_note-1">[1]</a></sup>
      Repairs wait.<sup><a id="m2" href="#cite_note-2">[2]</a></sup></p>`;
    const note2 = new URL('#cite_note-2', document.URL).href;
    expect(findCitedLink(document, 1, note2)?.id).toBe('m2');
    expect(findCitedLink(document, 0, note2)?.id).toBe('m2');
    expect(findCitedLink(document, 1, new URL('#cite_note-9', document.URL).href)).toBeNull();
  });

  it('returns null when the link is gone', () => {
    expect(findCitedLink(document, 2, 'https://elsewhere.example/')).toBeNull();
  });
});

describe('highlightLink', () => {
  it('scrolls the link to the middle of the view and flashes it for about two seconds', () => {
    expect(highlightLink(document, { linkIndex: 2, url: 'https://gazette.example/ferries' })).toEqual({
      found: true,
    });
    const link = document.getElementById('first');
    expect(scrolled).toEqual([
      { element: link, options: { behavior: 'smooth', block: 'center', inline: 'nearest' } },
    ]);
    expect(link?.hasAttribute(HIGHLIGHT_ATTRIBUTE)).toBe(true);
    vi.advanceTimersByTime(HIGHLIGHT_MS);
    expect(link?.hasAttribute(HIGHLIGHT_ATTRIBUTE)).toBe(false);
  });

  it('adds its style once, however many links it shows', () => {
    highlightLink(document, { linkIndex: 2, url: 'https://gazette.example/ferries' });
    highlightLink(document, { linkIndex: 3, url: 'https://gov.example/report.pdf#p4' });
    expect(document.querySelectorAll('style#cited-highlight-style')).toHaveLength(1);
    expect(document.getElementById('cited-highlight-style')?.textContent).toContain('prefers-reduced-motion');
  });

  it('jumps instead of gliding when the reader prefers reduced motion', () => {
    window.matchMedia = ((query: string) => ({
      matches: query.includes('reduce'),
    })) as typeof window.matchMedia;
    highlightLink(document, { linkIndex: 2, url: 'https://gazette.example/ferries' });
    expect(scrolled[0]?.options?.behavior).toBe('auto');
  });

  it('shows the image of an image-map link', () => {
    expect(highlightLink(document, { linkIndex: 5, url: 'https://maps.example/pier' })).toEqual({
      found: true,
    });
    expect(scrolled[0]?.element.id).toBe('chart');
    expect(document.getElementById('chart')?.hasAttribute(HIGHLIGHT_ATTRIBUTE)).toBe(true);
  });

  it('says when the link is no longer on the page', () => {
    expect(highlightLink(document, { linkIndex: 9, url: 'https://gone.example/' })).toEqual({ found: false });
    expect(scrolled).toEqual([]);
  });
});
