import { describe, expect, it } from 'vitest';
import { matchQuotes, type SourceQuoteCheck } from '../../../core/quote-check';
import { buildReport, reportToCsv, reportToJson, reportToMarkdown } from '../../../core/report';
import { reportCapture, reportCitation } from '../support/report-capture';

const thelocal = 'https://www.thelocal.example/20170720/raids';
const newburyport = 'http://www.newburyport.example/news/a.html';
const paywalled = 'https://paper.example/story';

const citation = reportCitation;

const found = 'officers had arrested 67 people';
const misquoted = 'officers had arrested 76 people suspected of sharing images';
const filed = 'the report had been filed […] by electronic service provider Chatstep.com';
const paid = 'the council never discussed the plan';

const capture = reportCapture('Raids', '2017-08-04', [
  citation(thelocal, 'the BKA said', [found, misquoted], 0),
  citation(newburyport, 'a case against a Newburyport man', [filed], 1),
  citation(paywalled, 'the paper', [paid], 2),
]);

const checkedAt = '2026-05-01T10:00:09.000Z';
const [archivedFind] = matchQuotes(
  [filed],
  'According to police, the report had been filed with the national center by electronic service provider Chatstep.com.',
);
const quoteChecks: SourceQuoteCheck[] = [
  {
    url: thelocal,
    finalUrl: thelocal,
    httpStatus: 200,
    textOrigin: 'article',
    note: null,
    archivedUrl: null,
    checkedAt,
    verdicts: matchQuotes(
      [found, misquoted],
      'The police office said officers had arrested 67 people suspected of sharing images.',
    ).map((verdict) =>
      verdict.status === 'found'
        ? { ...verdict, showInSource: `${thelocal}#:~:text=officers%20had%20arrested` }
        : verdict,
    ),
  },
  {
    url: newburyport,
    finalUrl: 'https://www.newburyport.example/news/a.html',
    httpStatus: 404,
    textOrigin: null,
    note: 'The site answers 404 Not Found: the page is gone.',
    archivedUrl: 'https://web.archive.org/web/20170624153012/http://www.newburyport.example/news/a.html',
    checkedAt,
    verdicts:
      archivedFind?.status === 'found'
        ? [
            {
              status: 'archived-only',
              quote: filed,
              archivedUrl:
                'https://web.archive.org/web/20170624153012/http://www.newburyport.example/news/a.html',
              archived: archivedFind,
            },
          ]
        : [],
  },
  {
    url: paywalled,
    finalUrl: paywalled,
    httpStatus: 402,
    textOrigin: null,
    note: null,
    archivedUrl: null,
    checkedAt,
    verdicts: [
      {
        status: 'not-checkable',
        quote: paid,
        reason: 'paywall',
        detail: 'The site asks for payment (HTTP 402): Cited could not verify the page automatically.',
      },
    ],
  },
];

const report = buildReport({ capture, results: [], quoteChecks, generatedAt: checkedAt });

describe('quotations in the report', () => {
  it('JSON: each citation carries its quote check, and the summary counts verdicts', () => {
    const parsed = JSON.parse(reportToJson(report));
    expect(parsed.summary.quotes).toEqual({
      found: 1,
      differs: 1,
      'not-found': 0,
      'archived-only': 1,
      'not-checkable': 1,
    });
    expect(parsed.citations[0].quoteCheck.verdicts[1]).toMatchObject({
      status: 'differs',
      changes: [{ quoted: '76', source: '67' }],
    });
    expect(parsed.citations[1].quoteCheck.verdicts[0].archived.passage.text).toContain(
      'filed with the national center',
    );
  });

  it('Markdown: the counts, then each quotation with its verdict and the evidence to paste', () => {
    const markdown = reportToMarkdown(report);
    expect(markdown).toContain(
      '**Quotations** checked against their sources: 1 found, 1 differs, 1 found only in the archived copy, 1 not checkable.',
    );
    expect(markdown).toContain('## Quotations');
    expect(markdown).toContain(
      `- “${found}” — **✅ found**. The source says: “officers had arrested 67 people” (characters 23–54 of its text). [Show in source](${thelocal}#:~:text=officers%20had%20arrested)`,
    );
    expect(markdown).toContain('officers had arrested \\[-76-\\]{+67+} people suspected of sharing images');
    expect(markdown).toContain('The site answers 404 Not Found: the page is gone.');
    expect(markdown).toMatch(/\*\*🗄️ found only in the archived copy\*\*\. The live page no longer has it/);
    expect(markdown).toContain('**🚫 not checkable**. The site asks for payment (HTTP 402)');
  });

  it('CSV: quotations, verdicts and evidence, one line each in their cells', () => {
    const lines = reportToCsv(report).split('\r\n');
    expect(lines[1]).toContain(`"${found}\n${misquoted}","found\ndiffers","The source says:`);
    expect(lines[3]).toContain(
      ',the council never discussed the plan,not-checkable,The site asks for payment',
    );
  });

  it('a quotation found in a PDF is placed by its page, which the link opens', () => {
    const minutes = 'https://city.example/minutes.pdf';
    const [inPdf] = matchQuotes(
      ['had not yet been placed on an agenda'],
      'renewal had not yet been placed on an agenda.',
    );
    if (inPdf?.status !== 'found') throw new Error('the matcher should find the quotation');
    const pdfReport = buildReport({
      capture: reportCapture('Minutes', '2025-07-01', [citation(minutes, 'the minutes', [inPdf.quote], 0)]),
      results: [],
      quoteChecks: [
        {
          url: minutes,
          finalUrl: minutes,
          httpStatus: 200,
          textOrigin: 'pdf',
          note: null,
          archivedUrl: null,
          checkedAt,
          verdicts: [{ ...inPdf, passage: { ...inPdf.passage, page: 3 }, showInSource: `${minutes}#page=3` }],
        },
      ],
      generatedAt: checkedAt,
    });
    expect(reportToMarkdown(pdfReport)).toContain(
      `The source says: “had not yet been placed on an agenda” (page 3 of the PDF). [Show in source](${minutes}#page=3)`,
    );
  });

  it('a report made without quote checks says nothing about quotations', () => {
    const plain = buildReport({ capture, results: [], generatedAt: checkedAt });
    expect(plain.citations.map((row) => row.quoteCheck)).toEqual([null, null, null]);
    expect(reportToMarkdown(plain)).not.toContain('Quotations');
  });
});
