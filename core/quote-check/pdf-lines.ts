/**
 * A PDF's pages as one text the matcher can search. pdf.js gives each page as text items (runs of glyphs) and
 * already puts a space where a gap on the line reads as one and marks each line's end (`hasEOL`); items that touch
 * (a word set in two fonts, a kerned word) are parts of one word and are joined as they are.
 */

/** One text item of a page, as pdf.js' `getTextContent()` gives it (marked-content items have no `str`). */
export interface PdfTextItem {
  str: string;
  hasEOL: boolean;
}

/** Where each page's text sits in the joined text, so a passage can say which page it is on. */
export interface PdfPageSpan {
  page: number;
  start: number;
  end: number;
}

export interface PdfPagesText {
  text: string;
  pages: PdfPageSpan[];
}

/** A hyphen at a line's end, after a letter: typesetting that split a word, or a compound that broke there. */
const LINE_END_HYPHEN = /(\p{L}+)[-\u2010\u00AD]$/u;
const LINE_START_WORD = /^(\p{Ll}\p{L}*)/u;
const WORD = /\p{L}[\p{L}-]*/gu;

/** Pages in order, each as its items; pages are numbered from 1. */
export function joinPdfPages(pages: readonly (readonly PdfTextItem[])[]): PdfPagesText {
  const linesByPage = pages.map(pageLines);
  const words = new Set(linesByPage.flat().flatMap((line) => line.toLowerCase().match(WORD) ?? []));
  let text = '';
  const spans: PdfPageSpan[] = [];
  linesByPage.forEach((lines, index) => {
    if (text !== '') text += '\n\n';
    const start = text.length;
    text += joinLines(lines, words);
    spans.push({ page: index + 1, start, end: text.length });
  });
  return { text, pages: spans };
}

/** The page a passage starting at `offset` of the joined text is on. */
export function pageAt(pages: readonly PdfPageSpan[], offset: number): number | undefined {
  return (pages.find((span) => offset < span.end) ?? pages[pages.length - 1])?.page;
}

function pageLines(items: readonly PdfTextItem[]): string[] {
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    line += item.str;
    if (item.hasEOL) {
      lines.push(line);
      line = '';
    }
  }
  lines.push(line);
  return lines.map((each) => each.trim()).filter((each) => each !== '');
}

/**
 * Lines joined with a space, except where a hyphen at a line's end split a word: "renew-" + "al" is "renewal".
 * A soft hyphen is always typesetting. A hard one is kept when the document writes the word with a hyphen
 * elsewhere ("well-known") and not without; otherwise the split word is joined, as justified text hyphenates.
 */
function joinLines(lines: readonly string[], words: ReadonlySet<string>): string {
  let text = lines[0] ?? '';
  for (const next of lines.slice(1)) {
    const head = LINE_END_HYPHEN.exec(text);
    const tail = LINE_START_WORD.exec(next);
    if (!head?.[1] || !tail?.[1]) {
      text += ` ${next}`;
      continue;
    }
    const joined = `${head[1]}${tail[1]}`.toLowerCase();
    const hyphenated = `${head[1]}-${tail[1]}`.toLowerCase();
    const keepHyphen = text.endsWith('\u00AD') ? false : words.has(hyphenated) && !words.has(joined);
    text = keepHyphen ? `${text}${next}` : `${text.slice(0, -1)}${next}`;
  }
  return text;
}
