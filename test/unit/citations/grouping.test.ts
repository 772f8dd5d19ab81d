import { describe, expect, it } from 'vitest';
import { listLinks } from '../../../core/citations/link-index';
import { citationsIn } from '../support/citations';
import { page } from '../support/pages';

describe('occurrences, order, sentences and quotes', () => {
  const doc = page(
    `<header><a href="/">Home</a></header>
     <article>
       <p>The inquiry opened in May. It relied on <a href="https://report.example.org/full#p3">the full report</a>, which
          found that “the pumps had not been serviced for three years.” Officials disputed that.</p>
       <p>The minister called the claims “simply untrue in every respect” on Tuesday, citing
          <a href="https://gov.example.gov/statement">a statement</a>. Later, <a href="https://report.example.org/full#p7">the
          report’s seventh page</a> was corrected.</p>
     </article>`,
    'https://news.example.com/2024/05/06/inquiry/',
  );
  const citations = citationsIn(doc);

  it('groups the same URL (fragment aside) into one citation with each occurrence, in reading order', () => {
    expect(citations.map((c) => c.url)).toEqual([
      'https://report.example.org/full#p3',
      'https://gov.example.gov/statement',
    ]);
    const report = citations[0];
    expect(report?.occurrences.map((o) => [o.order, o.anchorText])).toEqual([
      [0, 'the full report'],
      [2, 'the report’s seventh page'],
    ]);
    expect(citations[1]?.occurrences[0]?.order).toBe(1);
  });

  it('points each occurrence at its link among the live page’s links', () => {
    const links = listLinks(doc);
    for (const citation of citations) {
      for (const occurrence of citation.occurrences) {
        const link = links[occurrence.linkIndex];
        expect(link?.textContent?.replace(/\s+/g, ' ').trim()).toBe(occurrence.anchorText);
      }
    }
  });

  it('gives each occurrence its own sentence, whitespace-normalised', () => {
    expect(citations[0]?.occurrences.map((o) => o.sentence)).toEqual([
      'It relied on the full report, which found that “the pumps had not been serviced for three years.”',
      'Later, the report’s seventh page was corrected.',
    ]);
  });

  it('collects the quotes of every paragraph a citation appears in', () => {
    expect(citations[0]?.quotes).toEqual([
      'the pumps had not been serviced for three years.',
      'simply untrue in every respect',
    ]);
    expect(citations[1]?.quotes).toEqual(['simply untrue in every respect']);
  });

  it('treats inline content in a <div> next to block children as its own paragraph', () => {
    const mixed = page(
      `<article><div>Posted by <a href="/author/x/">X</a> on Monday
         <p>Real text of the article goes here with <a href="https://src.example/">a source</a> inside it.</p>
         Trailing words <a href="https://other.example/">other</a></div></article>`,
      'https://news.example.com/a',
    );
    const found = citationsIn(mixed);
    expect(found.map((c) => c.occurrences[0]?.sentence)).toEqual([
      'Real text of the article goes here with a source inside it.',
      'Trailing words other',
    ]);
  });

  it('splits preformatted text at blank lines', () => {
    const pre = page(
      `<article><pre>First paragraph cites <a href="https://rfc.example/1">RFC 1</a>
   on two lines.

Second paragraph cites <a href="https://rfc.example/2">RFC 2</a> alone.</pre></article>`,
      'https://tools.example/draft',
    );
    expect(citationsIn(pre).map((c) => c.occurrences[0]?.sentence)).toEqual([
      'First paragraph cites RFC 1 on two lines.',
      'Second paragraph cites RFC 2 alone.',
    ]);
  });
});

describe('line breaks', () => {
  it('reads one <br> as a line break inside a sentence, two as a paragraph break', () => {
    const doc = page(
      `<article><div>Calls are expected to adhere to<br>the <a href="https://spec.example/cors">CORS protocol</a>. Then more.
         <br><br>Old-style second paragraph with <a href="https://src.example/b">a link</a>.</div></article>`,
      'https://news.example.com/a',
    );
    expect(citationsIn(doc).map((c) => c.occurrences[0]?.sentence)).toEqual([
      'Calls are expected to adhere to the CORS protocol.',
      'Old-style second paragraph with a link.',
    ]);
  });
});
