import { createHash } from 'node:crypto';
import { strFromU8, type Unzipped } from 'fflate';
import { CDXIndexer, WARCParser } from 'warcio';

/**
 * A second opinion on the WARC files and the index of a WACZ, from warcio.js (Webrecorder's WARC library, the
 * one ReplayWeb.page reads with) rather than Cited's own reader: every record parsed, its block and payload
 * digests recomputed, and the index compared line by line with the one warcio.js's indexer makes.
 */

export interface AuditedRecord {
  file: string;
  type: string;
  url: string | null;
  blockDigestOk: boolean;
  payloadDigestOk: boolean | null;
  payload: Uint8Array;
}

export interface IndexProblem {
  line: string;
  problem: string;
}

function sha256Label(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

async function* parse(bytes: Uint8Array, parseHttp: boolean) {
  const parser = new WARCParser([bytes], { parseHttp });
  for await (const record of parser) {
    const content = await record.readFully(false);
    yield { record, content };
  }
}

/** Every record of every `archive/*.warc` in the package, as warcio.js reads it. */
export async function auditWarcs(files: Unzipped): Promise<AuditedRecord[]> {
  const records: AuditedRecord[] = [];
  for (const [path, bytes] of Object.entries(files)) {
    if (!path.startsWith('archive/')) continue;
    // Once without parsing HTTP (the whole block, for the block digest), once with (the payload).
    const blocks: Uint8Array[] = [];
    for await (const { content } of parse(bytes, false)) blocks.push(content);
    let k = 0;
    for await (const { record, content } of parse(bytes, true)) {
      const block = blocks[k++] as Uint8Array;
      const isResponse = record.warcType === 'response';
      records.push({
        file: path.slice('archive/'.length),
        type: record.warcType,
        url: record.warcTargetURI ?? null,
        blockDigestOk: record.warcBlockDigest === sha256Label(block),
        payloadDigestOk: isResponse ? record.warcPayloadDigest === sha256Label(content) : null,
        payload: content,
      });
    }
  }
  return records;
}

async function* oneChunk(bytes: Uint8Array) {
  yield bytes;
}

/**
 * What is wrong with the index, against the index warcio.js's own CDXJ indexer makes of the same WARC files:
 * each line must name the record warcio.js finds at that offset, with its length, address, key and digest.
 */
export async function auditIndex(files: Unzipped): Promise<IndexProblem[]> {
  const reference = new Map<string, Record<string, unknown>>();
  const indexer = new CDXIndexer({ format: 'cdxj' });
  const warcs = Object.entries(files)
    .filter(([path]) => path.startsWith('archive/'))
    .map(([path, bytes]) => ({ filename: path.slice('archive/'.length), reader: oneChunk(bytes) }));
  for await (const entry of indexer.iterIndex(warcs))
    reference.set(`${entry.filename} ${entry.offset}`, entry);

  const problems: IndexProblem[] = [];
  const text = strFromU8(files['indexes/index.cdxj'] ?? new Uint8Array());
  const lines = text.split('\n').filter(Boolean);
  if (lines.length !== reference.size)
    problems.push({ line: '', problem: `${lines.length} lines for ${reference.size} records` });
  for (const line of lines) {
    const [key, timestamp] = line.split(' ');
    const entry = JSON.parse(line.slice(line.indexOf('{'))) as Record<string, string>;
    const found = reference.get(`${entry.filename} ${entry.offset}`);
    if (!found) {
      problems.push({ line, problem: 'no record starts at this offset' });
      continue;
    }
    for (const [field, ours, theirs] of [
      ['key', key, found.urlkey],
      ['timestamp', timestamp, found.timestamp],
      // warcio.js counts a record without the CRLF CRLF that closes it; Cited's length runs to the next record.
      ['length', entry.length, String(Number(found.length) + 4)],
      ['url', entry.url, found.url],
      // warcio.js writes the digest without its algorithm label.
      ['digest', entry.digest, `sha256:${found.digest}`],
    ]) {
      if (ours !== theirs) problems.push({ line, problem: `${field} ${ours}, warcio.js reads ${theirs}` });
    }
  }
  return problems;
}
