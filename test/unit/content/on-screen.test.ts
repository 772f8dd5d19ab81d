// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { captureArticle } from '../../../core/capture';
import { markOnScreen } from '../../../entrypoints/capture.content/on-screen';

const PARAGRAPHS = Array.from(
  { length: 8 },
  (_, i) =>
    `<p>Paragraph ${i + 1} of a long enough story about ferries, timetables and the people who wait for boats on the pier every morning.</p>`,
).join('');

describe('citations on the reader’s screen', () => {
  it('are marked, from where their links are laid out when the page is read', () => {
    document.title = 'Ferry cuts';
    document.body.innerHTML = `<main><article><h1>Ferry cuts leave islanders stranded</h1>
<p>The council <a href="https://council.example/minutes">voted</a> to cut the service, as
<a href="https://oldpaper.example/ferry">the Old Paper reported</a>, and <a href="https://data.example/timetable">the timetable</a> shows.</p>
${PARAGRAPHS}</article></main>`;
    const box = (top: number) => () =>
      ({ top, bottom: top + 18, left: 10, right: 200, height: 18, width: 190 }) as DOMRect;
    const [minutes, paper, timetable] = Array.from(document.querySelectorAll('a'));
    if (!minutes || !paper || !timetable) throw new Error('links missing');
    // Scrolled past the first link; the third is further down the page.
    minutes.getBoundingClientRect = box(-300);
    paper.getBoundingClientRect = box(120);
    timetable.getBoundingClientRect = box(window.innerHeight + 400);
    const result = markOnScreen(captureArticle(document), document);
    expect(result.citations.filter((c) => c.onScreen).map((c) => c.url)).toEqual([
      'https://oldpaper.example/ferry',
    ]);
  });

  it('on a page of thousands of links, are found from a few dozen box reads, not one per link', () => {
    const count = 1200;
    const line = 24;
    document.title = 'A long read';
    document.body.innerHTML = `<main><article><h1>A long read</h1>${Array.from(
      { length: count },
      (_, i) =>
        `<p>Finding ${i} of the long report on ferries and timetables rests on <a href="https://s${i}.example/r">report ${i}</a>.</p>`,
    ).join('')}</article></main>`;
    const links = Array.from(document.querySelectorAll('a'));
    // Laid out one link a line, top to bottom, scrolled so that link 600 is at the top of the view.
    let reads = 0;
    links.forEach((link, i) => {
      const top = (i - 600) * line;
      link.getBoundingClientRect = () => {
        reads++;
        return { top, bottom: top + line, left: 10, right: 200, height: line, width: 190 } as DOMRect;
      };
    });
    const onScreen = markOnScreen(captureArticle(document), document)
      .citations.filter((c) => c.onScreen)
      .map((c) => c.url);
    const perScreen = Math.ceil(window.innerHeight / line);
    expect(onScreen).toEqual(Array.from({ length: perScreen }, (_, k) => `https://s${600 + k}.example/r`));
    expect(reads).toBeLessThan(2 * perScreen + 2 * Math.log2(count) + 2);
  });
});
