import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { captureArticle, MAX_LINKS_READ } from '../../../core/capture';

// A capture travels from the page to the panel as one message, which browsers cap at 64 MiB: it must stay small
// however the page is written (issue 17: a paragraph of 5,000 links once made it overflow).

function pageWithParagraphOf(links: number): string {
  const anchors = Array.from(
    { length: links },
    (_, i) => `see <a href="https://source${i % 97}.example/doc/${i}">document number ${i}</a>`,
  ).join(', ');
  const prose = Array.from(
    { length: 6 },
    (_, i) => `<p>Paragraph ${i} of the story tells what happened, in plain words, at length.</p>`,
  ).join('');
  return `<!doctype html><html lang="en"><head><title>Records</title></head><body><article><h1>Records</h1>${prose}<p>The records: ${anchors}.</p>${prose}</article></body></html>`;
}

describe('a paragraph of 5,000 links', () => {
  it('is captured whole, each citation with the words around its link, in a message of a few MB', () => {
    const dom = new JSDOM(pageWithParagraphOf(5000), { url: 'https://news.example/2026/records' });
    const capture = captureArticle(dom.window.document);
    dom.window.close();
    expect(capture.citations).toHaveLength(5000);
    const last = capture.citations.at(-1);
    expect(last?.occurrences[0]?.sentence).toContain('document number 4999');
    const bytes = new TextEncoder().encode(JSON.stringify(capture)).length;
    expect(bytes).toBeLessThan(8 * 1024 * 1024);
  });
});

describe('a page of more links than Cited reads', () => {
  it('lists the citations among the first links, and says how many there were', () => {
    const count = MAX_LINKS_READ + 2500;
    const dom = new JSDOM(pageWithParagraphOf(count), { url: 'https://news.example/2026/records' });
    const capture = captureArticle(dom.window.document);
    dom.window.close();
    expect(capture.linkLimit).toEqual({ links: count, read: MAX_LINKS_READ });
    expect(capture.citations).toHaveLength(MAX_LINKS_READ);
    expect(capture.citations.at(-1)?.url).toBe(
      `https://source${(MAX_LINKS_READ - 1) % 97}.example/doc/${MAX_LINKS_READ - 1}`,
    );
  });

  it('says nothing of a limit on an ordinary page', () => {
    const dom = new JSDOM(pageWithParagraphOf(40), { url: 'https://news.example/2026/records' });
    expect(captureArticle(dom.window.document).linkLimit).toBeUndefined();
    dom.window.close();
  });
});
