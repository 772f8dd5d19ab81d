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
    minutes.getBoundingClientRect = box(window.innerHeight + 400);
    paper.getBoundingClientRect = box(120);
    timetable.getBoundingClientRect = box(-300);
    const result = markOnScreen(captureArticle(document), document);
    expect(result.citations.filter((c) => c.onScreen).map((c) => c.url)).toEqual([
      'https://oldpaper.example/ferry',
    ]);
  });
});
