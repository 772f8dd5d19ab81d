import { strFromU8, strToU8, type Unzipped, unzipSync, type Zippable, zipSync } from 'fflate';
import { CitedError, isQuotaError } from '../../errors/cited-error';
import { verifySnapshotHash } from '../../snapshot/hash';
import { SNAPSHOT_CSP } from '../../snapshot/header';
import { getSnapshotRecord, putSnapshotRecord } from '../library';
import type { CitedDB } from '../schema';
import type { SnapshotRecord, SnapshotSummary } from '../types';
import { archiveUrl, surtKey, timestamp14 } from './surt';
import { concatBytes, readHttpResponse, readWarcRecord, responseRecord, warcinfoRecord } from './warc';
import {
  readWatchesForBackup,
  restoreWatches,
  WATCHES_FILE,
  type WatchesFile,
  type WatchesRestored,
} from './watches';

/**
 * The whole library as one file, and back.
 *
 * The file is a WACZ 1.2 package (a ZIP), so it also opens in ReplayWeb.page and other web-archive tools:
 * - `archive/data.warc` (then `data-2.warc` ... past `maxWarcBytes`): one `response` record per snapshot,
 *   the snapshot HTML as the body, at the page's original URL; stored, not compressed, as WACZ requires;
 * - `indexes/index.cdxj`: where each record is;
 * - `pages/pages.jsonl`: one line per snapshot (URL, time, title, text);
 * - `cited/library.json`: everything else Cited keeps (summary, citations as they stood, article, failures)
 *   and where each snapshot's record is;
 * - `cited/watches.json`, when the reader watches articles: the watches and each source's history (watches.ts);
 * - `datapackage.json`: every file with its SHA-256 and size; `datapackage-digest.json`: its own hash.
 *
 * Restoring checks every snapshot against its recorded SHA-256: a damaged or altered one is refused with a
 * reason and the others are restored.
 */

export const BACKUP_FORMAT = 'cited-library';
export const BACKUP_VERSION = 1;
const DEFAULT_MAX_WARC_BYTES = 256 * 1024 * 1024;

interface BackupEntry {
  summary: SnapshotSummary;
  details: SnapshotRecord['details'];
  warc: { file: string; offset: number; length: number };
}

interface LibraryFile {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: string;
  software: string;
  snapshots: BackupEntry[];
}

interface DataPackageResource {
  name: string;
  path: string;
  hash: string;
  bytes: number;
}

export interface BackupOptions {
  now: () => Date;
  /** e.g. "Cited 0.1.0" */
  software?: string;
  /** Start a new WARC file past this size, so no single file must be hashed in one piece. */
  maxWarcBytes?: number;
}

export interface Backup {
  bytes: Uint8Array;
  filename: string;
  snapshots: number;
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function backupFileName(date: Date): string {
  return `cited-library-${date.toISOString().slice(0, 10)}.wacz`;
}

/** Writes every snapshot of the library into one WACZ file. */
export async function backupLibrary(db: CitedDB, options: BackupOptions): Promise<Backup> {
  const now = options.now();
  const created = now.toISOString();
  const software = options.software ?? 'Cited';
  const maxWarcBytes = options.maxWarcBytes ?? DEFAULT_MAX_WARC_BYTES;
  // Articles before their sources, oldest first: the order restore needs and a stable file.
  const summaries = (await db.getAll('snapshots')).sort(
    (a, b) =>
      (a.kind === b.kind ? 0 : a.kind === 'article' ? -1 : 1) ||
      a.savedAt.localeCompare(b.savedAt) ||
      a.id.localeCompare(b.id),
  );

  // Where a reader opens the archive: the article saved last.
  const latestArticle = summaries.filter((summary) => summary.kind === 'article').at(-1);
  const home = latestArticle ? { url: archiveUrl(latestArticle.url), ts: latestArticle.savedAt } : undefined;

  const warcFiles: Array<{ name: string; parts: Uint8Array[]; size: number }> = [];
  const entries: BackupEntry[] = [];
  const cdx: Array<{ key: string; line: string }> = [];
  const pages: string[] = [JSON.stringify({ format: 'json-pages-1.0', id: 'pages', title: 'Cited library' })];
  const encoder = new TextEncoder();

  const newWarc = async () => {
    const name = warcFiles.length === 0 ? 'data.warc' : `data-${warcFiles.length + 1}.warc`;
    const info = await warcinfoRecord(
      created,
      { software, format: 'WARC File Format 1.1', 'cited-backup': 'library' },
      name,
    );
    warcFiles.push({ name, parts: [info], size: info.length });
  };
  await newWarc();

  for (const summary of summaries) {
    const record = await getSnapshotRecord(db, summary.id);
    if (!record) continue;
    const body = encoder.encode(record.html);
    const url = archiveUrl(summary.url);
    const written = await responseRecord({
      url,
      date: summary.savedAt,
      body,
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
      summary: record.summary,
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

  const library: LibraryFile = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: created,
    software,
    snapshots: entries,
  };
  const files: Array<[string, Uint8Array, boolean]> = [
    ...warcFiles.map((w): [string, Uint8Array, boolean] => [
      `archive/${w.name}`,
      concatBytes(w.parts),
      false,
    ]),
    [
      'indexes/index.cdxj',
      strToU8(
        cdx
          .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
          .map((c) => `${c.key} ${c.line}\n`)
          .join(''),
      ),
      true,
    ],
    ['pages/pages.jsonl', strToU8(`${pages.join('\n')}\n`), true],
    ['cited/library.json', strToU8(JSON.stringify(library)), true],
  ];
  const watches = await readWatchesForBackup(db);
  if (watches) files.push([WATCHES_FILE, strToU8(JSON.stringify(watches)), true]);
  const resources: DataPackageResource[] = [];
  for (const [path, bytes] of files) {
    resources.push({
      name: path.split('/').pop() ?? path,
      path,
      hash: `sha256:${await sha256Hex(bytes)}`,
      bytes: bytes.length,
    });
  }
  const datapackage = strToU8(
    JSON.stringify(
      {
        // What the readers in use accept (wabac.js 2.27 refuses the 1.2.0 spec's "wacz"), as py-wacz and js-wacz
        // write it. Restore reads either.
        profile: 'data-package',
        wacz_version: '1.1.1',
        title: 'Cited library',
        description: `Backup of a Cited library: ${entries.length} snapshot(s) with their citations, as saved.`,
        created,
        modified: created,
        software,
        ...(home ? { home } : {}),
        resources,
      },
      null,
      2,
    ),
  );
  const digest = strToU8(
    JSON.stringify({ path: 'datapackage.json', hash: `sha256:${await sha256Hex(datapackage)}` }, null, 2),
  );
  const zippable: Zippable = {};
  for (const [path, bytes, compress] of files)
    zippable[path] = [bytes, { level: compress ? 6 : 0, mtime: now }];
  zippable['datapackage.json'] = [datapackage, { level: 6, mtime: now }];
  zippable['datapackage-digest.json'] = [digest, { level: 6, mtime: now }];
  return { bytes: zipSync(zippable), filename: backupFileName(now), snapshots: entries.length };
}

export interface RestoreProblem {
  id: string;
  title: string;
  url: string;
  reason: string;
}

export interface RestoreReport {
  /** Ids restored. */
  restored: string[];
  /** Already in this library, unchanged. */
  skipped: RestoreProblem[];
  /** Not restored, with the reason (damaged, altered, no space ...). */
  refused: RestoreProblem[];
  /** Whole-file findings (a file whose checksum does not match ...). */
  warnings: string[];
  /** Only when the backup carried watched articles: how many were added. */
  watches?: WatchesRestored;
}

function invalid(message: string, detail?: string): CitedError {
  return new CitedError('invalid-backup', message, detail);
}

async function toBytes(file: Uint8Array | ArrayBuffer | Blob): Promise<Uint8Array> {
  if (file instanceof Uint8Array) return file;
  if (file instanceof ArrayBuffer) return new Uint8Array(file);
  return new Uint8Array(await file.arrayBuffer());
}

function parseJson<T>(files: Unzipped, path: string): T {
  const bytes = files[path];
  if (!bytes) throw invalid('This file is not a Cited library backup.', `${path} is missing`);
  try {
    return JSON.parse(strFromU8(bytes)) as T;
  } catch {
    throw invalid(
      'This backup is damaged: its list of snapshots cannot be read.',
      `${path} is not valid JSON`,
    );
  }
}

/**
 * Restores a backup into the library. Each snapshot is checked against its SHA-256 and written in its own
 * transaction: a bad one is refused (with the reason), the rest are restored. A snapshot already in the
 * library is left as it is.
 */
export async function restoreLibrary(
  db: CitedDB,
  file: Uint8Array | ArrayBuffer | Blob,
): Promise<RestoreReport> {
  let files: Unzipped;
  try {
    files = unzipSync(await toBytes(file));
  } catch {
    throw invalid('This file is not a Cited library backup (it is not a WACZ or ZIP file).');
  }
  const report: RestoreReport = { restored: [], skipped: [], refused: [], warnings: [] };

  const datapackage = parseJson<{ profile?: string; resources?: DataPackageResource[] }>(
    files,
    'datapackage.json',
  );
  for (const resource of datapackage.resources ?? []) {
    const bytes = files[resource.path];
    if (!bytes) report.warnings.push(`${resource.path} is listed in the backup but missing from it.`);
    else if (`sha256:${await sha256Hex(bytes)}` !== resource.hash) {
      report.warnings.push(
        `${resource.path} does not match its recorded checksum: it was altered or damaged.`,
      );
    }
  }
  const library = parseJson<LibraryFile>(files, 'cited/library.json');
  if (library.format !== BACKUP_FORMAT || !Array.isArray(library.snapshots)) {
    throw invalid('This file is a web archive, but not a Cited library backup.');
  }
  if (library.version > BACKUP_VERSION) {
    throw invalid('This backup was made by a newer version of Cited. Update Cited to restore it.');
  }

  const ordered = [...library.snapshots].sort((a, b) =>
    a.summary.kind === b.summary.kind ? 0 : a.summary.kind === 'article' ? -1 : 1,
  );
  for (let i = 0; i < ordered.length; i++) {
    const entry = ordered[i] as BackupEntry;
    const problem = (reason: string): RestoreProblem => ({
      id: entry.summary?.id ?? '?',
      title: entry.summary?.title ?? '',
      url: entry.summary?.url ?? '',
      reason,
    });
    let html: string;
    try {
      html = readSnapshotHtml(files, entry);
    } catch (error) {
      report.refused.push(problem(`its copy in the backup cannot be read (${(error as Error).message})`));
      continue;
    }
    const check = await verifySnapshotHash(html);
    if (!check.ok || check.recorded !== entry.summary.sha256) {
      report.refused.push(
        problem(
          'its content does not match its recorded SHA-256: the copy in the backup was altered or damaged',
        ),
      );
      continue;
    }
    const existing = await db.get('snapshots', entry.summary.id);
    if (existing) {
      report.skipped.push(
        problem(
          existing.sha256 === entry.summary.sha256
            ? 'already in the library'
            : 'a different snapshot with the same identifier is already in the library',
        ),
      );
      continue;
    }
    try {
      await putSnapshotRecord(db, { summary: entry.summary, details: entry.details, html });
      report.restored.push(entry.summary.id);
    } catch (error) {
      if (isQuotaError(error) || (error instanceof CitedError && error.code === 'storage-quota')) {
        report.warnings.push('Storage ran out: the remaining snapshots were not restored.');
        for (const rest of ordered.slice(i)) {
          report.refused.push({
            id: rest.summary.id,
            title: rest.summary.title,
            url: rest.summary.url,
            reason: 'not enough storage space',
          });
        }
        break;
      }
      report.refused.push(problem((error as Error).message));
    }
  }
  await repairLinks(db, report);
  const watches = files[WATCHES_FILE];
  if (watches) {
    try {
      report.watches = await restoreWatches(db, JSON.parse(strFromU8(watches)) as WatchesFile);
    } catch (error) {
      const why = error instanceof SyntaxError ? `${WATCHES_FILE} cannot be read` : (error as Error).message;
      report.warnings.push(`The watched articles in this backup were not restored: ${why}`);
    }
  }
  return report;
}

function readSnapshotHtml(files: Unzipped, entry: BackupEntry): string {
  const warc = files[entry.warc?.file ?? ''];
  if (!warc) throw new Error(`${entry.warc?.file ?? 'its archive file'} is missing`);
  const record = readWarcRecord(warc, entry.warc.offset);
  if (record.headers.get('warc-type') !== 'response') throw new Error('the record is not a response');
  if (record.headers.get('warc-target-uri') !== entry.summary.url)
    throw new Error('the record is for another address');
  const response = readHttpResponse(record.block);
  return new TextDecoder('utf-8', { fatal: true }).decode(response.body);
}

/**
 * After a partial restore an article may count sources that did not come back; make the counts and the
 * citation links match what is in the library.
 */
async function repairLinks(db: CitedDB, report: RestoreReport): Promise<void> {
  const missing = new Set(report.refused.map((r) => r.id));
  if (missing.size === 0) return;
  for (const id of report.restored) {
    const record = await getSnapshotRecord(db, id);
    if (record?.summary.kind !== 'article') continue;
    const sources = await db.getAllKeysFromIndex('snapshots', 'by-parent', id);
    const citations = record.details.citations.map((c) => {
      if (!c.sourceSnapshotId || !missing.has(c.sourceSnapshotId)) return c;
      const { sourceSnapshotId: _gone, ...rest } = c;
      return rest;
    });
    if (
      sources.length !== record.summary.sourceCount ||
      citations.some((c, k) => c !== record.details.citations[k])
    ) {
      await putSnapshotRecord(db, {
        summary: { ...record.summary, sourceCount: sources.length },
        details: { ...record.details, citations },
        html: record.html,
      });
    }
  }
}
