import { strFromU8, strToU8, type Unzipped, unzipSync } from 'fflate';
import { CitedError, isQuotaError } from '../../errors/cited-error';
import { verifySnapshotHash } from '../../snapshot/hash';
import { getSnapshotRecord, putSnapshotRecord } from '../library';
import type { CitedDB } from '../schema';
import { DATAPACKAGE, writePackage } from './package';
import { type BackupEntry, snapshotWarcs } from './snapshot-warcs';
import { archiveUrl } from './surt';
import { type PackageCheck, problemText, type SignatureState, verifyPackage } from './verify';
import { readHttpResponse, readWarcRecord } from './warc';

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
 * - `datapackage.json`: every file with its SHA-256 and size; `datapackage-digest.json`: its own hash, signed
 *   with the browser's key (see signature.ts) when one is given.
 *
 * Restoring verifies the package first (verify.ts): a listing, index or metadata file that does not match, or a
 * signature that does not hold, refuses the whole file with the reason. A WARC file that does not match is
 * reported and each snapshot in it is checked against its own SHA-256: a damaged or altered one is refused with
 * a reason and the others are restored.
 */

export const BACKUP_FORMAT = 'cited-library';
export const BACKUP_VERSION = 1;
export const LIBRARY_FILE = 'cited/library.json';

interface LibraryFile {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: string;
  software: string;
  snapshots: BackupEntry[];
}

export interface BackupOptions {
  now: () => Date;
  /** e.g. "Cited 0.1.0" */
  software?: string;
  /** Start a new WARC file past this size, so no single file must be hashed in one piece. */
  maxWarcBytes?: number;
  /** The browser's key (signature.ts): the package is signed with it. */
  signingKey?: CryptoKeyPair;
}

export interface Backup {
  bytes: Uint8Array;
  filename: string;
  snapshots: number;
}

/** `cited/library.json`: what restore reads back, every snapshot with where its record is. */
export function libraryFile(entries: BackupEntry[], created: string, software: string): Uint8Array {
  const library: LibraryFile = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: created,
    software,
    snapshots: entries,
  };
  return strToU8(JSON.stringify(library));
}

export function backupFileName(date: Date): string {
  return `cited-library-${date.toISOString().slice(0, 10)}.wacz`;
}

/** Writes every snapshot of the library into one WACZ file. */
export async function backupLibrary(db: CitedDB, options: BackupOptions): Promise<Backup> {
  const now = options.now();
  const created = now.toISOString();
  const software = options.software ?? 'Cited';
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

  async function* records() {
    for (const summary of summaries) {
      const record = await getSnapshotRecord(db, summary.id);
      if (record) yield record;
    }
  }
  const { files, entries } = await snapshotWarcs(records(), {
    created,
    software,
    pagesTitle: 'Cited library',
    contents: 'library',
    ...(options.maxWarcBytes ? { maxWarcBytes: options.maxWarcBytes } : {}),
  });

  files.push({ path: LIBRARY_FILE, bytes: libraryFile(entries, created, software) });
  const bytes = await writePackage(
    files,
    {
      title: 'Cited library',
      description: `Backup of a Cited library: ${entries.length} snapshot(s) with their citations, as saved.`,
      created,
      software,
      ...(home ? { home } : {}),
    },
    { mtime: now, ...(options.signingKey ? { signingKey: options.signingKey } : {}) },
  );
  return { bytes, filename: backupFileName(now), snapshots: entries.length };
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
  /** Whole-file findings (a WARC file whose digest does not match ...). */
  warnings: string[];
  /** Who signed the file, or that nobody did. */
  signature: Exclude<SignatureState, { state: 'invalid' }>;
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
  parseJson(files, DATAPACKAGE);
  const check = await verifyPackage(files);
  const report: RestoreReport = {
    restored: [],
    skipped: [],
    refused: [],
    warnings: salvageableProblems(check),
    signature: check.signature.state === 'invalid' ? { state: 'unsigned' } : check.signature,
  };
  const library = parseJson<LibraryFile>(files, LIBRARY_FILE);
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
  return report;
}

/**
 * The package's problems restore can work around, as warnings: a WARC file that does not match (each snapshot
 * in it has its own SHA-256). Any other problem (the metadata, the listing, the signature) refuses the file.
 */
function salvageableProblems(check: PackageCheck): string[] {
  const fatal = check.problems.filter((problem) => !/^archive\/[^/]+\.warc$/.test(problem.path));
  if (fatal.length > 0) {
    throw invalid(
      `This file was altered or damaged after it was made, so nothing was restored: ${fatal.map(problemText).join('; ')}.`,
    );
  }
  return check.problems.map(
    (problem) => `${problemText(problem)}; each snapshot in it was checked against its own SHA-256.`,
  );
}

function readSnapshotHtml(files: Unzipped, entry: BackupEntry): string {
  const warc = files[entry.warc?.file ?? ''];
  if (!warc) throw new Error(`${entry.warc?.file ?? 'its archive file'} is missing`);
  const record = readWarcRecord(warc, entry.warc.offset);
  if (record.headers.get('warc-type') !== 'response') throw new Error('the record is not a response');
  // Records carry the address as archives write it; backups made before that carry it as saved.
  const target = record.headers.get('warc-target-uri');
  if (target !== archiveUrl(entry.summary.url) && target !== entry.summary.url)
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
