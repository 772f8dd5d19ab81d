import { CitedError, errorMessage, isQuotaError } from '../errors/cited-error';
import { formatBytes } from '../format/bytes';
import { isBrokenStatus } from '../linkcheck/types';
import { utf8Length, verifySnapshotHash } from '../snapshot/hash';
import type { SnapshotResult } from '../snapshot/types';
import { displayHost } from '../url/web-address';
import { type CitedDB, LIBRARY_STORES } from './schema';
import { normalizeForSearch, queryTokens, searchableText, tokenize } from './search';
import type {
  NewSnapshot,
  SnapshotCitation,
  SnapshotDetails,
  SnapshotKind,
  SnapshotRecord,
  SnapshotSummary,
  StatusCounts,
} from './types';

/** Turns a failed write into the error the reader sees. Nothing was written in either case. */
export function storageError(error: unknown, what: string, bytes?: number): CitedError {
  if (error instanceof CitedError) return error;
  if (isQuotaError(error)) {
    return new CitedError(
      'storage-quota',
      `Not enough storage space to save ${what}${bytes ? ` (${formatBytes(bytes)})` : ''}. Nothing was saved. ` +
        'Delete snapshots you no longer need, or free disk space, and try again.',
    );
  }
  const message = errorMessage(error);
  return new CitedError('storage-failed', `Could not save ${what}: ${message}. Nothing was saved.`);
}

function statusCounts(citations: readonly SnapshotCitation[]): StatusCounts {
  const counts: StatusCounts = {};
  for (const c of citations) counts[c.status] = (counts[c.status] ?? 0) + 1;
  return counts;
}

/** Input for `saveSnapshot` from what `buildSnapshot` returned plus what the capture knows. */
export function newSnapshotFrom(
  result: SnapshotResult,
  extra: Omit<NewSnapshot, 'url' | 'title' | 'savedAt' | 'html' | 'sha256'> & { title?: string },
): NewSnapshot {
  return {
    ...extra,
    url: result.url,
    title: extra.title ?? extra.article?.metadata.title ?? result.title,
    savedAt: result.savedAt,
    html: result.html,
    sha256: result.sha256,
    failures: extra.failures ?? result.failures,
    removed: extra.removed ?? result.removed,
    resources: extra.resources ?? { count: result.resources.count, bytes: result.resources.bytes },
  };
}

function buildRecord(input: NewSnapshot, id: string): SnapshotRecord {
  const kind: SnapshotKind = input.kind ?? 'article';
  const citations = input.citations ?? [];
  const failures = input.failures ?? [];
  const counts = statusCounts(citations);
  const summary: SnapshotSummary = {
    id,
    kind,
    parentId: kind === 'source' ? (input.parentId ?? null) : null,
    citedAs: kind === 'source' ? (input.citedAs ?? input.url) : null,
    url: input.url,
    title: input.title.trim() || displayHost(input.url),
    siteName: input.siteName?.trim() || input.article?.metadata.siteName?.trim() || displayHost(input.url),
    savedAt: input.savedAt,
    bytes: utf8Length(input.html),
    sha256: input.sha256,
    citationCount: citations.length,
    statusCounts: counts,
    hasBroken: citations.some((c) => isBrokenStatus(c.status)),
    sourceCount: 0,
    failureCount: failures.length,
  };
  const details: SnapshotDetails = {
    id,
    article: input.article ?? null,
    metadata: input.article?.metadata ?? null,
    citations,
    failures,
    removed: input.removed ?? null,
    resources: input.resources ?? null,
    text: input.text ?? input.article?.textContent ?? '',
  };
  return { summary, details, html: input.html };
}

function tokensFor(record: SnapshotRecord): string[] {
  return tokenize(searchableText({ ...record.summary, text: record.details.text }));
}

/**
 * Saves one snapshot: its summary, HTML, details and search tokens, and (for a source) the link from its
 * article, in one transaction. A full disk or quota aborts it whole: the library is left exactly as it
 * was and the error says so (`storage-quota`).
 */
export async function saveSnapshot(db: CitedDB, input: NewSnapshot): Promise<SnapshotSummary> {
  try {
    new URL(input.url);
  } catch {
    throw new CitedError('invalid-url', 'The snapshot has no valid address, so it was not saved.', input.url);
  }
  const check = await verifySnapshotHash(input.html);
  if (!check.ok || check.recorded !== input.sha256) {
    throw new CitedError(
      'storage-failed',
      'The snapshot does not match its recorded SHA-256, so it was not saved.',
      `recorded ${check.recorded ?? 'none'}, expected ${input.sha256}, computed ${check.computed ?? 'none'}`,
    );
  }
  const record = buildRecord(input, input.id ?? crypto.randomUUID());
  const tokens = tokensFor(record);
  const what = record.summary.kind === 'source' ? 'this source' : 'this snapshot';

  const tx = db.transaction(LIBRARY_STORES, 'readwrite');
  try {
    const snapshots = tx.objectStore('snapshots');
    const details = tx.objectStore('details');
    if (record.summary.parentId) {
      const parent = await snapshots.get(record.summary.parentId);
      const parentDetails = await details.get(record.summary.parentId);
      if (!parent || !parentDetails || parent.kind !== 'article') {
        throw new CitedError('not-found', 'The article this source belongs to is no longer in the library.');
      }
      parentDetails.citations = parentDetails.citations.map((c) =>
        c.url === record.summary.citedAs ? { ...c, sourceSnapshotId: record.summary.id } : c,
      );
      await Promise.all([
        snapshots.put({ ...parent, sourceCount: parent.sourceCount + 1 }),
        details.put(parentDetails),
      ]);
    }
    await runWrites(tx, [
      () => snapshots.add(record.summary),
      () => tx.objectStore('bodies').add({ id: record.summary.id, html: record.html }),
      () => details.add(record.details),
      () => tx.objectStore('search').add({ id: record.summary.id, tokens }),
    ]);
  } catch (error) {
    abortQuietly(tx);
    await tx.done.catch(() => undefined);
    throw storageError(error, what, record.summary.bytes);
  }
  return record.summary;
}

/**
 * Issues the writes of one transaction and waits for its commit. Every request promise gets a handler
 * even when a later write throws synchronously (a put can throw, e.g. DataCloneError), so a failed save
 * leaves no stray rejections behind.
 */
async function runWrites(tx: { done: Promise<void> }, writes: Array<() => Promise<unknown>>): Promise<void> {
  const pending: Array<Promise<unknown>> = [];
  try {
    for (const write of writes) pending.push(write());
  } finally {
    for (const request of pending) request.catch(() => undefined);
  }
  await Promise.all([...pending, tx.done]);
}

function abortQuietly(tx: { abort(): void }): void {
  try {
    tx.abort();
  } catch {
    // Already finished or aborted by the failure itself.
  }
}

/**
 * Writes a whole record as it was backed up (restore). One transaction per snapshot, same guarantees as
 * `saveSnapshot`.
 */
export async function putSnapshotRecord(db: CitedDB, record: SnapshotRecord): Promise<void> {
  const tokens = tokensFor(record);
  const tx = db.transaction(LIBRARY_STORES, 'readwrite');
  try {
    await runWrites(tx, [
      () => tx.objectStore('snapshots').put(record.summary),
      () => tx.objectStore('bodies').put({ id: record.summary.id, html: record.html }),
      () => tx.objectStore('details').put(record.details),
      () => tx.objectStore('search').put({ id: record.summary.id, tokens }),
    ]);
  } catch (error) {
    abortQuietly(tx);
    await tx.done.catch(() => undefined);
    throw storageError(error, `“${record.summary.title}”`, record.summary.bytes);
  }
}

export function getSnapshot(db: CitedDB, id: string): Promise<SnapshotSummary | undefined> {
  return db.get('snapshots', id);
}

export async function getSnapshotHtml(db: CitedDB, id: string): Promise<string | undefined> {
  return (await db.get('bodies', id))?.html;
}

export function getSnapshotDetails(db: CitedDB, id: string): Promise<SnapshotDetails | undefined> {
  return db.get('details', id);
}

export async function getSnapshotRecord(db: CitedDB, id: string): Promise<SnapshotRecord | undefined> {
  const tx = db.transaction(['snapshots', 'bodies', 'details'], 'readonly');
  const [summary, body, details] = await Promise.all([
    tx.objectStore('snapshots').get(id),
    tx.objectStore('bodies').get(id),
    tx.objectStore('details').get(id),
  ]);
  return summary && body && details ? { summary, details, html: body.html } : undefined;
}

/** The sources saved with an article, oldest first. */
export async function getSources(db: CitedDB, articleId: string): Promise<SnapshotSummary[]> {
  const sources = await db.getAllFromIndex('snapshots', 'by-parent', articleId);
  return sources.sort((a, b) => a.savedAt.localeCompare(b.savedAt));
}

export type LibrarySort = 'savedAt' | 'title' | 'size' | 'site';

export interface LibraryQuery {
  /** Default `savedAt` (newest first); the others default to ascending. */
  sort?: LibrarySort;
  direction?: 'asc' | 'desc';
  kind?: SnapshotKind | 'all';
  /** Only the sources of this article. */
  parentId?: string;
  /** Only snapshots with a dead or soft-404 citation at capture. */
  onlyBroken?: boolean;
  /** Site name or host, as listed. */
  site?: string;
  /** Words found in the title, address, site or text (prefix match, all words required). */
  text?: string;
}

/** Ids of snapshots whose indexed tokens match every word of the query. */
export async function searchSnapshotIds(db: CitedDB, text: string): Promise<Set<string>> {
  const tokens = queryTokens(text);
  if (tokens.length === 0) return new Set();
  let result: Set<string> | undefined;
  const tx = db.transaction('search', 'readonly');
  const index = tx.store.index('by-token');
  for (const token of tokens) {
    const keys = await index.getAllKeys(IDBKeyRange.bound(token, `${token}\uffff`));
    const ids = new Set<string>(keys.map(String));
    const previous: Set<string> | undefined = result;
    result = previous ? new Set(Array.from(previous).filter((id) => ids.has(id))) : ids;
    if (result.size === 0) break;
  }
  return result ?? new Set<string>();
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export async function listSnapshots(db: CitedDB, query: LibraryQuery = {}): Promise<SnapshotSummary[]> {
  let items = await db.getAll('snapshots');
  if (query.kind && query.kind !== 'all') items = items.filter((s) => s.kind === query.kind);
  if (query.parentId !== undefined) items = items.filter((s) => s.parentId === query.parentId);
  if (query.onlyBroken) items = items.filter((s) => s.hasBroken);
  if (query.site) {
    const site = query.site.toLowerCase();
    items = items.filter((s) => s.siteName.toLowerCase() === site || displayHost(s.url) === site);
  }
  if (query.text?.trim()) {
    const found = await searchSnapshotIds(db, query.text);
    const needle = normalizeForSearch(query.text.trim());
    items = items.filter(
      (s) =>
        found.has(s.id) ||
        normalizeForSearch(s.title).includes(needle) ||
        s.url.toLowerCase().includes(needle) ||
        normalizeForSearch(s.siteName).includes(needle),
    );
  }
  const sort = query.sort ?? 'savedAt';
  const direction = query.direction ?? (sort === 'savedAt' ? 'desc' : 'asc');
  const sign = direction === 'asc' ? 1 : -1;
  const compare = (a: SnapshotSummary, b: SnapshotSummary): number => {
    switch (sort) {
      case 'title':
        return collator.compare(a.title, b.title);
      case 'site':
        return collator.compare(a.siteName, b.siteName);
      case 'size':
        return a.bytes - b.bytes;
      default:
        return a.savedAt.localeCompare(b.savedAt);
    }
  };
  return items.sort(
    (a, b) => sign * compare(a, b) || b.savedAt.localeCompare(a.savedAt) || a.id.localeCompare(b.id),
  );
}

export interface StorageUse {
  snapshots: number;
  /** Sum of the snapshots' HTML sizes. */
  bytes: number;
}

export async function storageUsed(db: CitedDB): Promise<StorageUse> {
  const items = await db.getAll('snapshots');
  return { snapshots: items.length, bytes: items.reduce((sum, s) => sum + s.bytes, 0) };
}

/**
 * Deletes a snapshot; an article takes its sources with it. Deleting a source updates its article (count
 * and link). One transaction. Returns the ids deleted.
 */
export async function deleteSnapshot(db: CitedDB, id: string): Promise<string[]> {
  const tx = db.transaction(LIBRARY_STORES, 'readwrite');
  try {
    const snapshots = tx.objectStore('snapshots');
    const summary = await snapshots.get(id);
    if (!summary) throw new CitedError('not-found', 'This snapshot is no longer in the library.');
    const ids = [id];
    if (summary.kind === 'article') {
      ids.push(...(await snapshots.index('by-parent').getAllKeys(id)).map(String));
    } else if (summary.parentId) {
      const parent = await snapshots.get(summary.parentId);
      const parentDetails = await tx.objectStore('details').get(summary.parentId);
      if (parent) await snapshots.put({ ...parent, sourceCount: Math.max(0, parent.sourceCount - 1) });
      if (parentDetails) {
        parentDetails.citations = parentDetails.citations.map((c) => {
          if (c.sourceSnapshotId !== id) return c;
          const { sourceSnapshotId: _gone, ...rest } = c;
          return rest;
        });
        await tx.objectStore('details').put(parentDetails);
      }
    }
    await runWrites(
      tx,
      ids.flatMap((key) => LIBRARY_STORES.map((store) => () => tx.objectStore(store).delete(key))),
    );
    return ids;
  } catch (error) {
    abortQuietly(tx);
    await tx.done.catch(() => undefined);
    if (error instanceof CitedError) throw error;
    const message = errorMessage(error);
    throw new CitedError('storage-failed', `Could not delete the snapshot: ${message}. Nothing was deleted.`);
  }
}

/** Removes every snapshot (the library's "wipe", and the restore tests). */
export async function clearLibrary(db: CitedDB): Promise<void> {
  const tx = db.transaction(LIBRARY_STORES, 'readwrite');
  await runWrites(
    tx,
    LIBRARY_STORES.map((store) => () => tx.objectStore(store).clear()),
  );
}
