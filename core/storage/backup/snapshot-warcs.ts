import { strToU8 } from 'fflate';
import { SNAPSHOT_CSP } from '../../snapshot/header';
import type { SnapshotRecord, SnapshotSummary } from '../types';
import type { PackageFile } from './package';
import { archiveUrl, surtKey, timestamp14 } from './surt';
import { concatBytes, responseRecord, warcinfoRecord } from './warc';

/**
 * Snapshots as the web-archive part of a WACZ: one `response` record each (the snapshot HTML at the page's
 * address, as archives write it), `indexes/index.cdxj` saying where each record is, and `pages/pages.jsonl`.
 * Shared by the library backup and the one-article archive.
 */

const DEFAULT_MAX_WARC_BYTES = 256 * 1024 * 1024;

/** One snapshot in a package: everything Cited keeps about it, and where its record is. */
export interface BackupEntry {
  summary: SnapshotSummary;
  details: SnapshotRecord['details'];
  warc: { file: string; offset: number; length: number };
}

export interface SnapshotWarcOptions {
  /** ISO 8601: the WARC files' date. */
  created: string;
  software: string;
  /** Title of the page list (`pages.jsonl`'s header). */
  pagesTitle: string;
  /** What the WARC files hold, written in their warcinfo (`library`, `article`). */
  contents: string;
  /** Start a new WARC file past this size, so no single file must be hashed in one piece. */
  maxWarcBytes?: number;
}

export interface SnapshotWarcs {
  /** The WARC files, the index and the page list. */
  files: PackageFile[];
  entries: BackupEntry[];
}

/** Writes `records` in the order given (restore reads articles before their sources). */
export async function snapshotWarcs(
  records: AsyncIterable<SnapshotRecord>,
  options: SnapshotWarcOptions,
): Promise<SnapshotWarcs> {
  const { created, software } = options;
  const maxWarcBytes = options.maxWarcBytes ?? DEFAULT_MAX_WARC_BYTES;
  const warcFiles: Array<{ name: string; parts: Uint8Array[]; size: number }> = [];
  const entries: BackupEntry[] = [];
  const cdx: Array<{ key: string; line: string }> = [];
  const pages: string[] = [
    JSON.stringify({ format: 'json-pages-1.0', id: 'pages', title: options.pagesTitle }),
  ];
  const encoder = new TextEncoder();

  const newWarc = async () => {
    const name = warcFiles.length === 0 ? 'data.warc' : `data-${warcFiles.length + 1}.warc`;
    const info = await warcinfoRecord(
      created,
      { software, format: 'WARC File Format 1.1', 'cited-backup': options.contents },
      name,
    );
    warcFiles.push({ name, parts: [info], size: info.length });
  };
  await newWarc();

  for await (const record of records) {
    const { summary } = record;
    const url = archiveUrl(summary.url);
    const written = await responseRecord({
      url,
      date: summary.savedAt,
      body: encoder.encode(record.html),
      contentType: 'text/html; charset=utf-8',
      httpHeaders: [['Content-Security-Policy', SNAPSHOT_CSP]],
      warcHeaders: [
        ['Cited-Snapshot-Id', summary.id],
        ['Cited-Snapshot-SHA256', summary.sha256],
      ],
    });
    let warc = warcFiles[warcFiles.length - 1] as (typeof warcFiles)[number];
    if (warc.size + written.bytes.length > maxWarcBytes && warc.parts.length > 1) {
      await newWarc();
      warc = warcFiles[warcFiles.length - 1] as (typeof warcFiles)[number];
    }
    const offset = warc.size;
    warc.parts.push(written.bytes);
    warc.size += written.bytes.length;
    entries.push({
      summary,
      details: record.details,
      warc: { file: `archive/${warc.name}`, offset, length: written.bytes.length },
    });
    cdx.push({
      key: `${surtKey(url)} ${timestamp14(summary.savedAt)}`,
      line: JSON.stringify({
        url,
        mime: 'text/html',
        status: '200',
        digest: written.payloadDigest,
        length: String(written.bytes.length),
        offset: String(offset),
        filename: warc.name,
      }),
    });
    pages.push(
      JSON.stringify({
        id: summary.id,
        url,
        ts: summary.savedAt,
        title: summary.title,
        size: summary.bytes,
        ...(record.details.text ? { text: record.details.text } : {}),
      }),
    );
  }

  const files: PackageFile[] = [
    ...warcFiles.map((w) => ({ path: `archive/${w.name}`, bytes: concatBytes(w.parts) })),
    {
      path: 'indexes/index.cdxj',
      bytes: strToU8(
        cdx
          .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
          .map((c) => `${c.key} ${c.line}\n`)
          .join(''),
      ),
    },
    { path: 'pages/pages.jsonl', bytes: strToU8(`${pages.join('\n')}\n`) },
  ];
  return { files, entries };
}
