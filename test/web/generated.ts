import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';

/**
 * Real, decodable image and document bytes made on the fly, so pages can reference pictures and PDFs without
 * committing binary files or copying anyone's images.
 */

/** A PNG of the given size: a soft two-tone gradient whose colour is derived from `seed` (e.g. the image path). */
export function placeholderPng(width: number, height: number, seed: string): Buffer {
  const w = clamp(Math.round(width), 1, 2000);
  const h = clamp(Math.round(height), 1, 2000);
  const digest = createHash('sha256').update(seed).digest();
  const [r = 0, g = 0, b = 0] = digest;
  const row = Buffer.alloc(1 + w * 3);
  const rows: Buffer[] = [];
  for (let y = 0; y < h; y++) {
    const shade = 0.6 + (0.4 * y) / h;
    row[0] = 0; // filter: none
    for (let x = 0; x < w; x++) {
      row[1 + x * 3] = Math.round(r * shade);
      row[2 + x * 3] = Math.round(g * shade);
      row[3 + x * 3] = Math.round(b * shade);
    }
    rows.push(Buffer.from(row));
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(w, 0);
  header.writeUInt32BE(h, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.concat(rows))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData) >>> 0);
  return Buffer.concat([length, typeAndData, crc]);
}

/** Image dimensions from a WordPress-style file name (`photo-300x136.jpeg`), else the fallback. */
export function sizeFromName(pathname: string, fallback: [number, number] = [640, 360]): [number, number] {
  const match = /-(\d{2,4})x(\d{2,4})\.\w+$/.exec(pathname);
  return match ? [Number(match[1]), Number(match[2])] : fallback;
}

/** A one-page PDF (PDF 1.4, Helvetica) with a title and lines of text: enough for viewers and type sniffing. */
export function simplePdf(title: string, lines: string[]): Buffer {
  return textPdf([lines], { title });
}

/** A line of a PDF page: one run of text, or runs set alternately in Helvetica and Helvetica-Bold. */
export type PdfLine = string | string[];

/**
 * A PDF with a text layer, one page per list of lines (Helvetica, 11 pt, 14 pt apart), as a word processor
 * writes one. Runs of a line in two fonts come out of a reader as separate text items, as a word set partly in
 * bold does. `lockedWithPassword` encrypts it for a password the reader does not have.
 */
export function textPdf(
  pages: PdfLine[][],
  options: { title?: string; lockedWithPassword?: boolean } = {},
): Buffer {
  const contents = pages.map((lines, index) =>
    [
      'BT /F1 18 Tf 56 780 Td',
      `(${pdfString(index === 0 ? (options.title ?? '') : '')}) Tj`,
      '/F1 11 Tf 0 -28 Td 14 TL',
      ...lines.map((line) =>
        typeof line === 'string'
          ? `(${pdfString(line)}) '`
          : `T* ${line.map((run, at) => `/F${(at % 2) + 1} 11 Tf (${pdfString(run)}) Tj`).join(' ')} /F1 11 Tf`,
      ),
      'ET',
    ].join('\n'),
  );
  const fonts = '/Font << /F1 3 0 R /F2 4 0 R >>';
  const info = options.title ? `<< /Title (${pdfString(options.title)}) >>` : '<< >>';
  const encrypt = options.lockedWithPassword
    ? // RC4 (V 1, R 2) with owner and user keys no password opens: every reader must ask for one.
      `<< /Filter /Standard /V 1 /R 2 /P -4 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> >>`
    : null;
  return pdfFile(
    [
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
      info,
      ...(encrypt ? [encrypt] : []),
    ],
    contents.map((content) => ({ content, resources: fonts })),
    { info: 5, encrypt: encrypt ? 6 : null },
  );
}

/** A one-page PDF that is only a picture (a grey square), as a scanner makes one: no text layer. */
export function imageOnlyPdf(): Buffer {
  const side = 8;
  const pixels = '80'.repeat(side * side);
  return pdfFile(
    [
      `<< /Type /XObject /Subtype /Image /Width ${side} /Height ${side} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /ASCIIHexDecode /Length ${pixels.length + 1} >>\nstream\n${pixels}>\nendstream`,
    ],
    [{ content: 'q 480 0 0 680 56 80 cm /Im1 Do Q', resources: '/XObject << /Im1 3 0 R >>' }],
    { info: null, encrypt: null },
  );
}

/**
 * PDF bytes: the catalog (object 1), the page tree (2), the shared objects from 3 on, then each page and its
 * content stream. Latin-1 throughout, with a cross-reference table at the offsets it states.
 */
function pdfFile(
  shared: string[],
  pages: { content: string; resources: string }[],
  refs: { info: number | null; encrypt: number | null },
): Buffer {
  const first = 3 + shared.length;
  const pageIds = pages.map((_, index) => first + index * 2);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`,
    ...shared,
    ...pages.flatMap(({ content, resources }, index) => [
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${(pageIds[index] ?? 0) + 1} 0 R /Resources << ${resources} >> >>`,
      `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    ]),
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  const trailer = [
    `/Size ${objects.length + 1} /Root 1 0 R`,
    refs.info ? `/Info ${refs.info} 0 R` : '',
    refs.encrypt ? `/Encrypt ${refs.encrypt} 0 R /ID [<${'0f'.repeat(16)}> <${'0f'.repeat(16)}>]` : '',
  ].join(' ');
  pdf += `trailer\n<< ${trailer} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** Text as a PDF string literal: its delimiters escaped, what Latin-1 cannot write as "?". */
function pdfString(text: string): string {
  return text.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\x7e\xa0-\xff]/g, '?');
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
