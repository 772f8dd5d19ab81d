import { describe, expect, it } from 'vitest';
import { joinPdfPages } from '../../../core/quote-check/pdf-lines';
import { loadPdfJs, type PdfTextRead, pdfTextReader } from '../../../core/quote-check/pdf-text';
import { matchQuotes } from '../../../core/quote-check/source-text';
import { imageOnlyPdf, type PdfLine, textPdf } from '../../web/generated';

// Real PDFs, written by the test (test/web/generated.ts), read by pdf.js as `npm run check` reads them.
const readPdfText = pdfTextReader(loadPdfJs);
const read = (bytes: Buffer) => readPdfText(new Uint8Array(bytes));

const minutes: PdfLine[][] = [
  [
    'Item 7. Contracts expiring before August 1.',
    'Staff reported that the beach water testing contract with Ellery Analytical',
    'Laboratories expires June 30 and that the renew-',
    'al had not yet been placed on an agenda.',
  ],
  [
    'Item 8. Harbour dredging schedule. The well-known',
    'sandbar was discussed, as was a well-',
    'known complaint.',
    ['Council asked staff to bring the re', 'new', 'al to the next regular meeting.'],
  ],
];

function text(result: PdfTextRead): string {
  expect(result).toMatchObject({ ok: true });
  return result.ok ? result.text : '';
}

describe('a PDF with a text layer', () => {
  it('is read page by page, each page where it is in the text', async () => {
    const result = await read(textPdf(minutes, { title: 'Council minutes' }));
    expect(result.ok && result.pages.map((span) => span.page)).toEqual([1, 2]);
    if (!result.ok) return;
    const [first, second] = result.pages;
    expect(result.text.slice(first?.start, first?.end)).toMatch(/^Council minutes Item 7\./);
    expect(result.text.slice(second?.start, second?.end)).toMatch(/^Item 8\./);
  });

  it('joins a word split at a line’s end, so a quotation across the break is found word for word', async () => {
    const source = text(await read(textPdf(minutes)));
    expect(source).toContain('that the renewal had not yet been placed on an agenda.');
    const [verdict] = matchQuotes(
      ['expires June 30 and that the renewal “had not yet been placed on an agenda.”'],
      source,
    );
    expect(verdict?.status).toBe('found');
  });

  it('keeps a compound’s hyphen at a line’s end when the document writes the word with it', async () => {
    const source = text(await read(textPdf(minutes)));
    expect(source).toContain('as was a well-known complaint.');
  });

  it('joins parts of a word set in two fonts without a space', async () => {
    const source = text(await read(textPdf(minutes)));
    expect(source).toContain('bring the renewal to the next regular meeting');
  });

  it('drops a soft hyphen at a line’s end', async () => {
    const source = text(await read(textPdf([['The notices were sent in Septem\u00ad', 'ber and October.']])));
    expect(source).toContain('sent in September and October.');
  });
});

describe('a PDF that cannot be read says why', () => {
  it('a scan: no text layer', async () => {
    expect(await read(imageOnlyPdf())).toEqual({
      ok: false,
      problem: 'scanned',
      detail: 'There is no text in this PDF: probably a scan (Cited does not read text in images).',
    });
  });

  it('a PDF locked with a password', async () => {
    expect(await read(textPdf(minutes, { lockedWithPassword: true }))).toEqual({
      ok: false,
      problem: 'encrypted',
      detail: 'The PDF is protected by a password.',
    });
  });

  it.each([
    ['cut short', textPdf(minutes).subarray(0, 300)],
    ['not a PDF at all', Buffer.from('<!doctype html><title>Sign in</title>')],
  ])('a broken file (%s)', async (_, bytes) => {
    const result = await read(bytes);
    expect(result).toMatchObject({ ok: false, problem: 'broken' });
    if (!result.ok) expect(result.detail).toMatch(/^The file is not a readable PDF \(.+\)\.$/);
  });

  it('more pages than Cited reads', async () => {
    const reader = pdfTextReader(loadPdfJs, { maxPages: 1 });
    expect(await reader(new Uint8Array(textPdf(minutes)))).toEqual({
      ok: false,
      problem: 'too-long',
      detail: 'The PDF has 2 pages; Cited reads PDFs of up to 1.',
    });
  });

  it('a read that outlasts its time limit is given up', async () => {
    // A clock whose time is up at once: the deadline wins the race without the test waiting for it.
    const reader = pdfTextReader(loadPdfJs, { timeLimitMs: 5000, clock: { sleep: async () => {} } });
    expect(await reader(new Uint8Array(textPdf(minutes)))).toEqual({
      ok: false,
      problem: 'too-long',
      detail: 'Reading the PDF took longer than 5 seconds.',
    });
  });

  it('a reader that stops is stopped, not told the PDF is broken', async () => {
    const stop = new AbortController();
    stop.abort(new DOMException('The panel closed.', 'AbortError'));
    await expect(readPdfText(new Uint8Array(textPdf(minutes)), stop.signal)).rejects.toThrow(
      'The panel closed.',
    );
  });
});

describe('joining text items', () => {
  it('keeps a hyphen at a line’s end before a capital: a name, not a split word', () => {
    const { text } = joinPdfPages([
      [
        { str: 'under Anglo-', hasEOL: true },
        { str: 'Saxon rules', hasEOL: false },
      ],
    ]);
    expect(matchQuotes(['under Anglo-Saxon rules'], text)).toMatchObject([{ status: 'found' }]);
  });

  it('counts pages from 1 and separates them', () => {
    expect(joinPdfPages([[{ str: 'One', hasEOL: false }], [], [{ str: 'Three', hasEOL: false }]])).toEqual({
      text: 'One\n\n\n\nThree',
      pages: [
        { page: 1, start: 0, end: 3 },
        { page: 2, start: 5, end: 5 },
        { page: 3, start: 7, end: 12 },
      ],
    });
  });
});
