import { useEffect, useRef, useState } from 'preact/hooks';
import { errorMessage } from '../../core/errors/cited-error';
import { inlinedImagesOf } from '../../core/save-job/article-images';
import { verifySnapshotHash } from '../../core/snapshot/hash';
import { buildReaderView } from '../../core/snapshot/reader-view';
import { getSnapshot, getSnapshotRecord, getSources } from '../../core/storage/library';
import type { SnapshotDetails, SnapshotSummary } from '../../core/storage/types';
import type { LibraryPorts } from './library-ports';

export interface OpenedSnapshot {
  summary: SnapshotSummary;
  details: SnapshotDetails;
  html: string;
  readerHtml: string | null;
  parent: SnapshotSummary | null;
  sources: SnapshotSummary[];
}

export type SnapshotState =
  | { kind: 'loading' }
  | { kind: 'missing' }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; snapshot: OpenedSnapshot; hash: { ok: boolean; computed: string | null } | null };

/** The reader view of a stored article: its text and the images the snapshot kept, nothing fetched. */
export function readerViewOf(summary: SnapshotSummary, details: SnapshotDetails): string | null {
  const article = details.article;
  if (!article || (!article.contentHtml && !article.textContent.trim())) return null;
  return buildReaderView({
    article,
    savedAt: summary.savedAt,
    window,
    images: inlinedImagesOf(article.contentHtml),
  });
}

/** Everything the viewer shows about one snapshot; the SHA-256 is checked after the page is on screen. */
export function useSnapshot(ports: LibraryPorts, id: string, version: number): SnapshotState {
  const [state, setState] = useState<SnapshotState>({ kind: 'loading' });
  const shown = useRef<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    // Re-reading the snapshot on screen (the library changed) keeps it on screen meanwhile.
    if (shown.current !== id) setState({ kind: 'loading' });
    shown.current = id;
    (async () => {
      const db = await ports.openDb();
      const record = await getSnapshotRecord(db, id);
      if (!record) return cancelled ? undefined : setState({ kind: 'missing' });
      const [parent, sources] = await Promise.all([
        record.summary.parentId ? getSnapshot(db, record.summary.parentId) : Promise.resolve(undefined),
        record.summary.kind === 'article' ? getSources(db, id) : Promise.resolve([]),
      ]);
      const snapshot: OpenedSnapshot = {
        summary: record.summary,
        details: record.details,
        html: record.html,
        readerHtml: readerViewOf(record.summary, record.details),
        parent: parent ?? null,
        sources,
      };
      if (cancelled) return;
      setState({ kind: 'ready', snapshot, hash: null });
      const check = await verifySnapshotHash(record.html);
      const ok = check.ok && check.recorded === record.summary.sha256;
      if (!cancelled) setState({ kind: 'ready', snapshot, hash: { ok, computed: check.computed } });
    })().catch((error: unknown) => {
      if (!cancelled) setState({ kind: 'failed', message: errorMessage(error) });
    });
    return () => {
      cancelled = true;
    };
  }, [ports, id, version]);
  return state;
}
