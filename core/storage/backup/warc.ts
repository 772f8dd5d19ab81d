/**
 * The little of WARC 1.1 a backup needs: write `warcinfo` and `response` records, read a record back at
 * its offset. A response record holds an HTTP/1.1 response whose body is the snapshot HTML, so web-archive
 * players (ReplayWeb.page) show it at its original address.
 */
import { sha256Label } from './digest';

const encoder = new TextEncoder();
const CRLF = '\r\n';

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Header values must stay on one line. */
function headerValue(value: string): string {
  return value.replace(/[\r\n]+/g, ' ');
}

function record(headers: Array<[string, string]>, block: Uint8Array, blockDigest: string): Uint8Array {
  const head = [
    'WARC/1.1',
    ...headers.map(([name, value]) => `${name}: ${headerValue(value)}`),
    `WARC-Block-Digest: ${blockDigest}`,
    `Content-Length: ${block.length}`,
    '',
    '',
  ].join(CRLF);
  return concatBytes([encoder.encode(head), block, encoder.encode(CRLF + CRLF)]);
}

export async function warcinfoRecord(
  date: string,
  fields: Record<string, string>,
  filename: string,
): Promise<Uint8Array> {
  const block = encoder.encode(
    `${Object.entries(fields)
      .map(([k, v]) => `${k}: ${headerValue(v)}`)
      .join(CRLF)}${CRLF}`,
  );
  return record(
    [
      ['WARC-Type', 'warcinfo'],
      ['WARC-Record-ID', `<urn:uuid:${crypto.randomUUID()}>`],
      ['WARC-Date', date],
      ['WARC-Filename', filename],
      ['Content-Type', 'application/warc-fields'],
    ],
    block,
    await sha256Label(block),
  );
}

export interface ResponseRecordInput {
  url: string;
  /** ISO 8601. */
  date: string;
  body: Uint8Array;
  contentType: string;
  /** Extra HTTP response headers to replay. */
  httpHeaders?: Array<[string, string]>;
  /** Extra WARC headers (`Cited-Snapshot-Id` ...). */
  warcHeaders?: Array<[string, string]>;
}

export interface WrittenRecord {
  bytes: Uint8Array;
  /** `sha256:<hex>` of the HTTP body. */
  payloadDigest: string;
}

export async function responseRecord(input: ResponseRecordInput): Promise<WrittenRecord> {
  const httpHead = [
    'HTTP/1.1 200 OK',
    `Content-Type: ${input.contentType}`,
    `Content-Length: ${input.body.length}`,
    ...(input.httpHeaders ?? []).map(([n, v]) => `${n}: ${headerValue(v)}`),
    '',
    '',
  ].join(CRLF);
  const block = concatBytes([encoder.encode(httpHead), input.body]);
  const payloadDigest = await sha256Label(input.body);
  const bytes = record(
    [
      ['WARC-Type', 'response'],
      ['WARC-Record-ID', `<urn:uuid:${crypto.randomUUID()}>`],
      ['WARC-Date', input.date],
      ['WARC-Target-URI', input.url],
      ['Content-Type', 'application/http; msgtype=response'],
      ['WARC-Payload-Digest', payloadDigest],
      ...(input.warcHeaders ?? []),
    ],
    block,
    await sha256Label(block),
  );
  return { bytes, payloadDigest };
}

export interface ReadRecord {
  headers: Map<string, string>;
  block: Uint8Array;
}

function indexOfSequence(bytes: Uint8Array, sequence: number[], from: number, limit: number): number {
  const end = Math.min(bytes.length - sequence.length, limit);
  outer: for (let i = from; i <= end; i++) {
    for (let k = 0; k < sequence.length; k++) if (bytes[i + k] !== sequence[k]) continue outer;
    return i;
  }
  return -1;
}

const HEADER_END = [13, 10, 13, 10];

function parseHeaderLines(text: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of text.split(CRLF).slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

/** Reads the record at `offset` (as an index gives it). Throws on anything that is not a WARC record. */
export function readWarcRecord(bytes: Uint8Array, offset: number): ReadRecord {
  const headEnd = indexOfSequence(bytes, HEADER_END, offset, offset + 64 * 1024);
  if (headEnd < 0) throw new Error('no WARC record at this offset');
  const headText = new TextDecoder().decode(bytes.subarray(offset, headEnd));
  if (!headText.startsWith('WARC/')) throw new Error('no WARC record at this offset');
  const headers = parseHeaderLines(headText);
  const length = Number(headers.get('content-length'));
  const start = headEnd + 4;
  if (!Number.isInteger(length) || length < 0 || start + length > bytes.length) {
    throw new Error('the WARC record is cut short');
  }
  return { headers, block: bytes.subarray(start, start + length) };
}

/** The status, headers and body of the HTTP response in a response record's block. */
export function readHttpResponse(block: Uint8Array): {
  status: number;
  headers: Map<string, string>;
  body: Uint8Array;
} {
  const headEnd = indexOfSequence(block, HEADER_END, 0, 64 * 1024);
  if (headEnd < 0) throw new Error('the record holds no HTTP response');
  const headText = new TextDecoder().decode(block.subarray(0, headEnd));
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(headText)?.[1]);
  if (!status) throw new Error('the record holds no HTTP response');
  return { status, headers: parseHeaderLines(headText), body: block.subarray(headEnd + 4) };
}
