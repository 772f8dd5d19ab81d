import { describe, expect, it } from 'vitest';
import type { ArchiveLookup } from '../../../core/archive/types';
import type { CheckResult, LinkStatus } from '../../../core/linkcheck/types';
import { matchQuotes, type SourceQuoteCheck } from '../../../core/quote-check';
import type { QuoteVerdict } from '../../../core/quote-check/types';
import { buildReport, citationEvidence } from '../../../core/report';
import { compareTexts, type SourceChange } from '../../../core/source-change';
import { reportCapture, reportCitation } from '../support/report-capture';

// One source's evidence as a journalist pastes it into a correction request: each test reads it as the outlet's
// editor would, looking for the words quoted, the source's words, the addresses and the dates of each verdict.

const generatedAt = '2026-05-02T08:30:00.000Z';
const linkCheckedAt = '2026-05-01T09:15:00.000Z';
const quoteCheckedAt = '2026-05-01T09:16:00.000Z';
const comparedAt = '2026-05-01T09:17:00.000Z';

const statement = 'https://lab.example/statement';
const source =
  'The laboratory said it sent three renewal notices between April and June and received no reply from the city.';

function link(
  url: string,
  status: LinkStatus,
  reason: string,
  finalUrl = url,
  httpStatus = 200,
): CheckResult {
  return {
    url,
    status,
    reason,
    evidence: {
      httpStatus,
      finalUrl,
      redirected: finalUrl !== url,
      elapsedMs: 120,
      checkedAt: linkCheckedAt,
      attempts: 1,
      redirectMode: 'manual',
    },
  };
}

function quoteCheck(
  url: string,
  verdicts: QuoteVerdict[],
  extra: Partial<SourceQuoteCheck> = {},
): SourceQuoteCheck {
  return {
    url,
    finalUrl: url,
    httpStatus: 200,
    textOrigin: 'article',
    note: null,
    archivedUrl: null,
    checkedAt: quoteCheckedAt,
    verdicts,
    ...extra,
  };
}

function evidenceOf(
  url: string,
  quotes: string[],
  facts: {
    results?: CheckResult[];
    quoteChecks?: SourceQuoteCheck[];
    changes?: SourceChange[];
    archives?: ArchiveLookup[];
  },
): string {
  const capture = reportCapture('Harbour tests lapse', '2026-03-12', [
    reportCitation('https://state.example/guidance', 'state guidance', [], 0),
    reportCitation(url, 'the laboratory said', quotes, 1),
  ]);
  return citationEvidence(buildReport({ capture, results: [], ...facts, generatedAt }), url);
}

function verdictsFor(quotes: string[], text: string): QuoteVerdict[] {
  return matchQuotes(quotes, text);
}

describe('the evidence for one citation, to paste into a correction request', () => {
  it('a found quotation: the article, the citation, the link and the source’s words, each with its date', () => {
    const quote = 'sent three renewal notices between April and June';
    const [found] = verdictsFor([quote], source);
    const text = evidenceOf(statement, [quote], {
      results: [link(statement, 'alive', 'The page answers.')],
      quoteChecks: [
        quoteCheck(statement, [
          { ...(found as QuoteVerdict), showInSource: `${statement}#:~:text=sent%20three` } as QuoteVerdict,
        ]),
      ],
    });
    expect(text).toContain('Article: “Harbour tests lapse”');
    expect(text).toContain('Address: https://outlet.example/story/');
    expect(text).toContain('Published: 2026-03-12');
    expect(text).toContain('Citation 2 of 2: https://lab.example/statement');
    expect(text).toContain(
      'Linked from the words “the laboratory said”, in the sentence: “the laboratory said.”',
    );
    expect(text).toContain('Link check, 2026-05-01 09:15 UTC: alive (HTTP 200). The page answers.');
    expect(text).toContain(`Quotation 1: “${quote}”`);
    expect(text).toContain('Verdict, 2026-05-01 09:16 UTC: found.');
    expect(text).toContain(`The source says: “${quote}”`);
    expect(text).toContain(`Show in source: ${statement}#:~:text=sent%20three`);
    expect(text).toContain('Evidence gathered by Cited on 2026-05-02 08:30 UTC.');
    // An alive source needs no replacement, and nothing in it is a symbol a mail client could mangle.
    expect(text).not.toContain('cite instead');
    expect(text).not.toMatch(/\p{Extended_Pictographic}/u);
  });

  it('a quotation that differs: what the article quotes and what the source says, both in full, and the changed words', () => {
    const quote = 'sent two renewal notices between April and June';
    const [differs] = verdictsFor([quote], source);
    expect(differs?.status).toBe('differs');
    const text = evidenceOf(statement, [quote], {
      results: [link(statement, 'alive', 'The page answers.')],
      quoteChecks: [quoteCheck(statement, [differs as QuoteVerdict])],
    });
    expect(text).toContain('Verdict, 2026-05-01 09:16 UTC: differs.');
    expect(text).toContain(`Quoted: “${quote}”`);
    expect(text).toMatch(/The source says: “[^”]*sent three renewal notices between April and June[^”]*”/);
    expect(text).toContain('Changed words, quoted → source: “two” → “three”.');
    expect(text).not.toContain('[-');
  });

  it('a quotation not found beside one found says it may be another source’s', () => {
    const quote = 'an administrative miss we are fixing this week';
    const [found, missing] = verdictsFor(['received no reply from the city', quote], source);
    expect(missing?.status).toBe('not-found');
    const text = evidenceOf(statement, [], {
      quoteChecks: [quoteCheck(statement, [found as QuoteVerdict, missing as QuoteVerdict])],
    });
    expect(text).toContain(
      `Quotation 2: “${quote}”\nVerdict, 2026-05-01 09:16 UTC: not found.\nNo passage of the source is close to it.\nIts paragraph cites more than this source: the quotation may be from another of them.`,
    );
    expect(text).toContain('Link check: not checked yet.');
  });

  it('a quotation the live page lost: the archived copy’s words, its address and the day it was captured', () => {
    const quote = 'received no reply from the city';
    const replay = `https://web.archive.org/web/20260301120000/${statement}`;
    const [then] = verdictsFor([quote], source);
    if (then?.status !== 'found') throw new Error('the archived copy should have the quotation');
    const text = evidenceOf(statement, [quote], {
      results: [link(statement, 'dead', 'The site answers 404 Not Found: the page is gone.', statement, 404)],
      quoteChecks: [
        quoteCheck(statement, [{ status: 'archived-only', quote, archivedUrl: replay, archived: then }], {
          httpStatus: 404,
          textOrigin: null,
          archivedUrl: replay,
          note: 'The site answers 404 Not Found: the page is gone.',
        }),
      ],
      archives: [
        {
          url: statement,
          beforePublication: {
            url: replay,
            timestamp: '20260301120000',
            date: '2026-03-01T12:00:00Z',
            status: '200',
            source: 'availability-api',
          },
          mostRecent: null,
          publishedAt: '2026-03-12',
          lookedUpAt: linkCheckedAt,
        },
      ],
    });
    expect(text).toContain(
      'Link check, 2026-05-01 09:15 UTC: dead (HTTP 404). The site answers 404 Not Found',
    );
    expect(text).toContain('Verdict, 2026-05-01 09:16 UTC: found only in the archived copy.');
    expect(text).toContain(`The live page no longer has it; the archived copy ${replay} says: “${quote}”.`);
    expect(text).toContain(`Archived copy, captured 2026-03-01: ${replay}`);
    expect(text).toContain(`Archived copy to cite instead, captured 2026-03-01: ${replay}`);
  });

  it('a quotation the archived copy has with changes: both wordings, and the copy’s address', () => {
    const quote = 'received no answer from the city';
    const replay = `https://web.archive.org/web/20260301120000/${statement}`;
    const [then] = verdictsFor([quote], source);
    if (then?.status !== 'differs') throw new Error('the archived copy should have the quotation, changed');
    const text = evidenceOf(statement, [quote], {
      quoteChecks: [
        quoteCheck(statement, [{ status: 'archived-only', quote, archivedUrl: replay, archived: then }], {
          archivedUrl: replay,
        }),
      ],
    });
    expect(text).toContain('The live page no longer has it; its archived copy has it with changes:');
    expect(text).toContain(`Quoted: “${quote}”`);
    expect(text).toContain('The archived copy says: “received no reply from the city”');
    expect(text).toContain('Changed words, quoted → source: “answer” → “reply”.');
    expect(text).toContain(`Archived copy, captured 2026-03-01: ${replay}`);
  });

  it('a dead source with no archived copy known says the archive was not asked', () => {
    const quote = 'received no reply from the city';
    const text = evidenceOf(statement, [quote], {
      results: [link(statement, 'dead', 'The site answers 410 Gone.', statement, 410)],
      quoteChecks: [
        quoteCheck(statement, [{ status: 'not-found', quote }], { note: 'The page is gone (HTTP 410).' }),
      ],
    });
    expect(text).toContain('Verdict, 2026-05-01 09:16 UTC: not found.');
    expect(text).toContain('No passage of the source is close to it.\nThe page is gone (HTTP 410).');
    expect(text).toContain('No archived copy to cite instead: the archive was not asked.');
  });

  it('a quotation found in a PDF names its page and the link that opens it there', () => {
    const minutes = 'https://city.example/minutes.pdf';
    const quote = 'had not yet been placed on an agenda';
    const [inPdf] = verdictsFor([quote], 'The renewal had not yet been placed on an agenda.');
    if (inPdf?.status !== 'found') throw new Error('the matcher should find the quotation');
    const text = evidenceOf(minutes, [quote], {
      results: [link(minutes, 'alive', 'The document answers.')],
      quoteChecks: [
        quoteCheck(
          minutes,
          [{ ...inPdf, passage: { ...inPdf.passage, page: 3 }, showInSource: `${minutes}#page=3` }],
          {
            textOrigin: 'pdf',
          },
        ),
      ],
    });
    expect(text).toContain(`The source says: “${quote}” (page 3 of the PDF).`);
    expect(text).toContain(`Show in source: ${minutes}#page=3`);
  });

  it('an edited source: the copy it was compared with, its date, and each changed passage', () => {
    const replay = `https://web.archive.org/web/20260310090000/${statement}`;
    const edit = compareTexts(
      'We will resume weekly sampling at all three harbour beaches as soon as the city signs a renewed contract.',
      'We resumed weekly sampling at all three harbour beaches on August 19, the day after the renewed contract was signed.',
    );
    const text = evidenceOf(statement, [], {
      results: [link(statement, 'alive', 'The page answers.')],
      changes: [
        {
          url: statement,
          status: 'edited',
          summary:
            'The page was edited since the archived copy of 2026-03-10: 40% of its words changed, in 2 passages.',
          copy: {
            url: replay,
            date: '2026-03-10T09:00:00Z',
            citedAt: '2026-03-12',
            citedAtIs: 'publication',
          },
          liveUrl: statement,
          changedShare: edit.changedShare,
          passages: edit.passages,
          morePassages: 0,
          checkedAt: comparedAt,
        },
      ],
    });
    expect(text).toContain(
      'Changed since cited, compared 2026-05-01 09:17 UTC: edited. The page was edited since the archived copy of 2026-03-10',
    );
    expect(text).toContain(
      `Archived copy of 2026-03-10, the last before publication (2026-03-12): ${replay}`,
    );
    expect(text).toContain('[-will resume-]{+resumed+}');
    expect(text).toContain(
      'Changed passages, marked [-as archived-]{+as now+}:\nChanged: “We [-will resume-]{+resumed+}',
    );
    expect(text).not.toContain('cite instead');
  });

  it('a gone source: the archived copy to cite instead, with its date, and where the address now leads', () => {
    const replay = `https://web.archive.org/web/20260305101500/${statement}`;
    const text = evidenceOf(statement, [], {
      results: [link(statement, 'dead', 'The site answers 404 Not Found: the page is gone.', statement, 404)],
      changes: [
        {
          url: statement,
          status: 'gone',
          summary:
            'No page answers at this address any more (the site answers 404); the archived copy of 2026-03-05 is what remains.',
          copy: {
            url: replay,
            date: '2026-03-05T10:15:00Z',
            citedAt: '2026-03-12',
            citedAtIs: 'publication',
          },
          liveUrl: null,
          changedShare: null,
          passages: [],
          morePassages: 0,
          checkedAt: comparedAt,
        },
      ],
    });
    expect(text).toContain(
      'Changed since cited, compared 2026-05-01 09:17 UTC: gone. No page answers at this address',
    );
    expect(text).toContain(`Archived copy to cite instead, captured 2026-03-05: ${replay}`);
    expect(text).not.toContain('Changed passages');
  });

  it('a redirected source names the address it ends at', () => {
    const moved = 'https://lab.example/news/statement-2026';
    const text = evidenceOf(statement, [], {
      results: [link(statement, 'redirected', 'The page moved to another address.', moved, 200)],
    });
    expect(text).toContain('Link check, 2026-05-01 09:15 UTC: redirected (HTTP 200).');
    expect(text).toContain(`Final address after redirects: ${moved}`);
  });

  it('says plainly when the report has no such citation', () => {
    const report = buildReport({ capture: reportCapture('x', '2026-03-12', []), results: [], generatedAt });
    expect(() => citationEvidence(report, statement)).toThrow(`The report has no citation of ${statement}.`);
  });
});
