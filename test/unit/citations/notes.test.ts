import { describe, expect, it } from 'vitest';
import { listLinks } from '../../../core/citations/link-index';
import { citationsIn, urlsOf } from '../support/citations';
import { page } from '../support/pages';

describe('footnoted sources', () => {
  it('cites a Substack footnote’s link in the sentence that carries its marker, and reaches the note', () => {
    const doc = page(
      `<article>
         <p>The harbour fund was spent twice over.<a class="footnote-anchor" data-component-name="FootnoteAnchorToDOM"
            id="footnote-anchor-1" href="#footnote-1" target="_self">1</a> Nobody noticed for a year.</p>
         <div class="footnote" data-component-name="FootnoteToDOM">
           <a id="footnote-1" href="#footnote-anchor-1" class="footnote-number" contenteditable="false" target="_self">1</a>
           <div class="footnote-content"><p>See the <a href="https://audit.example.gov/harbour-fund">auditor’s letter</a>.</p></div>
         </div>
       </article>`,
      'https://harbournotes.substack.com/p/the-fund',
    );
    const [letter, ...rest] = citationsIn(doc);
    expect(rest).toEqual([]);
    expect(letter?.url).toBe('https://audit.example.gov/harbour-fund');
    expect(letter?.section).toBe('notes');
    expect(letter?.occurrences.map((o) => o.anchorText)).toEqual(['1']);
    expect(letter?.occurrences[0]?.sentence).toMatch(/^The harbour fund was spent twice over\.1/);
    const noteLink = listLinks(doc)[letter?.notes?.[0]?.linkIndex ?? -1];
    expect(noteLink?.textContent).toBe('auditor’s letter');
    expect(letter?.notes?.[0]?.text).toBe('See the auditor’s letter.');
  });

  it('leaves ordinary in-page links (a contents list, “see below”) and back-links alone', () => {
    const doc = page(
      `<article>
         <ol class="toc"><li><a href="#costs">Costs</a></li><li><a href="#sources">2</a></li></ol>
         <p id="costs">The costs are set out <a href="#table">below</a>, and in
           <a href="https://budget.example.gov/2024">the budget</a>.</p>
         <table id="table"><tr><td>Wall</td><td>£4m</td></tr></table>
         <ul><li id="sources">A list item that is no note, with <a href="https://other.example.org/">a link</a>.</li></ul>
       </article>`,
    );
    const citations = citationsIn(doc);
    expect(urlsOf(citations)).toEqual(['https://budget.example.gov/2024', 'https://other.example.org/']);
    expect(
      citations.every((citation) => citation.section === undefined && citation.notes === undefined),
    ).toBe(true);
  });

  it('keeps a source cited both in the text and in a note as one citation with both occurrences', () => {
    const doc = page(
      `<article>
         <p>The <a href="https://report.example.org/flood">flood report</a> came out in May.</p>
         <p>It blamed the council.<sup><a href="#n1">1</a></sup></p>
         <section role="doc-endnotes"><ol><li id="n1"><a href="https://report.example.org/flood#p9">Report, p. 9</a>.</li></ol></section>
       </article>`,
    );
    const citations = citationsIn(doc);
    expect(citations).toHaveLength(1);
    expect(citations[0]?.occurrences.map((o) => o.sentence)).toEqual([
      'The flood report came out in May.',
      'It blamed the council.1',
    ]);
    expect(citations[0]?.notes).toHaveLength(1);
  });
});
