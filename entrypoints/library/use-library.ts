import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Persistence } from '../../components/LibraryStorage';
import { plural } from '../../components/snapshot-format';
import { errorMessage } from '../../core/errors/cited-error';
import { articleArchive } from '../../core/storage/backup/article-archive';
import { keyFingerprint, publicKeyBase64, signingKey } from '../../core/storage/backup/signature';
import { backupLibrary, type RestoreReport, restoreLibrary } from '../../core/storage/backup/wacz';
import { snapshotDownload } from '../../core/storage/download';
import {
  deleteSnapshot,
  getSnapshotHtml,
  type LibraryQuery,
  listSnapshots,
} from '../../core/storage/library';
import type { SnapshotSummary } from '../../core/storage/types';
import type { LibraryPorts } from './library-ports';

export interface LibraryStorageState {
  snapshots: number;
  bytes: number;
  estimate: { usage: number; quota: number } | null;
  persistence: Persistence;
}

export interface Library {
  query: LibraryQuery;
  setQuery(query: LibraryQuery): void;
  /** Null until the first read. */
  items: SnapshotSummary[] | null;
  /** How many snapshots of the kind shown there are, before search and filters. */
  kindTotal: number;
  storage: LibraryStorageState;
  /** What the last restore did. */
  restore: { fileName: string; report: RestoreReport } | null;
  /** The fingerprint of the key this browser signs archives with; null until the first backup makes it. */
  fingerprint: string | null;
  dismissRestore(): void;
  /** One line about the last action ("Deleted …", an error). */
  notice: string | null;
  setNotice(message: string | null): void;
  busy: 'backup' | 'restore' | null;
  refresh(): Promise<void>;
  remove(summary: SnapshotSummary): Promise<string[]>;
  download(summary: SnapshotSummary): Promise<void>;
  /** An article and the sources saved with it as one signed .wacz. */
  downloadArchive(summary: SnapshotSummary): Promise<void>;
  backup(): Promise<void>;
  restoreFrom(file: File): Promise<void>;
  persist(): Promise<void>;
}

export const DEFAULT_QUERY: LibraryQuery = { sort: 'savedAt', direction: 'desc', kind: 'article' };

/** The library's list, storage figures and whole-library actions, over the extension's IndexedDB. */
export function useLibrary(ports: LibraryPorts): Library {
  const [query, setQuery] = useState<LibraryQuery>(DEFAULT_QUERY);
  const [items, setItems] = useState<SnapshotSummary[] | null>(null);
  const [kindTotal, setKindTotal] = useState(0);
  const [storage, setStorage] = useState<LibraryStorageState>({
    snapshots: 0,
    bytes: 0,
    estimate: null,
    persistence: 'unknown',
  });
  const [restore, setRestore] = useState<Library['restore']>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<Library['busy']>(null);
  const [fingerprint, setFingerprint] = useState<string | null>(null);
  const queryRef = useRef(query);
  queryRef.current = query;
  const generation = useRef(0);

  const refresh = useCallback(async () => {
    const current = ++generation.current;
    const shown = queryRef.current;
    const db = await ports.openDb();
    // The whole library is read once for both the kind's total and the storage figures.
    const [listed, everything, estimate, persistence] = await Promise.all([
      listSnapshots(db, shown),
      listSnapshots(db),
      ports.estimate().catch(() => null),
      ports.persistence().catch((): Persistence => 'unknown'),
    ]);
    // A newer query may have finished first; only the newest read is shown.
    if (current !== generation.current) return;
    const kind = shown.kind ?? 'all';
    setItems(listed);
    setKindTotal(kind === 'all' ? everything.length : everything.filter((s) => s.kind === kind).length);
    setStorage({
      snapshots: everything.length,
      bytes: everything.reduce((sum, s) => sum + s.bytes, 0),
      estimate,
      persistence,
    });
  }, [ports]);

  useEffect(() => {
    refresh().catch((error: unknown) => setNotice(`The library could not be read: ${errorMessage(error)}`));
  }, [query, refresh]);

  useEffect(() => {
    ports.signingKeys
      .get()
      .then(async (pair) => {
        if (pair) setFingerprint(await keyFingerprint(await publicKeyBase64(pair)));
      })
      .catch(() => {});
  }, [ports]);

  useEffect(
    () =>
      ports.onSaved(() => {
        void refresh().catch(() => {});
      }),
    [ports, refresh],
  );

  const remove = useCallback(
    async (summary: SnapshotSummary) => {
      const db = await ports.openDb();
      const ids = await deleteSnapshot(db, summary.id);
      const sources = ids.length - 1;
      setNotice(
        `Deleted “${summary.title}”${sources > 0 ? ` and the ${sources === 1 ? 'source' : `${sources} sources`} saved with it` : ''}.`,
      );
      await refresh();
      return ids;
    },
    [ports, refresh],
  );

  const download = useCallback(
    async (summary: SnapshotSummary) => {
      const db = await ports.openDb();
      const html = await getSnapshotHtml(db, summary.id);
      if (html === undefined) {
        setNotice('This snapshot is no longer in the library.');
        return;
      }
      ports.download(snapshotDownload(summary, html));
    },
    [ports],
  );

  /** This browser's key, made on first use; its fingerprint shown from then on. */
  const signingPair = useCallback(async () => {
    const pair = await signingKey(ports.signingKeys);
    setFingerprint(await keyFingerprint(await publicKeyBase64(pair)));
    return pair;
  }, [ports]);

  const downloadArchive = useCallback(
    async (summary: SnapshotSummary) => {
      try {
        const db = await ports.openDb();
        const made = await articleArchive(db, summary.id, {
          now: ports.now,
          software: ports.software,
          signingKey: await signingPair(),
        });
        ports.download({ filename: made.filename, bytes: made.bytes, type: 'application/zip' });
        setNotice(`Saved “${summary.title}” with ${plural(made.pages - 1, 'source')} as ${made.filename}.`);
      } catch (error) {
        setNotice(`The archive could not be made: ${errorMessage(error)}`);
      }
    },
    [ports, signingPair],
  );

  const backup = useCallback(async () => {
    setBusy('backup');
    try {
      const db = await ports.openDb();
      const pair = await signingPair();
      const made = await backupLibrary(db, { now: ports.now, software: ports.software, signingKey: pair });
      ports.download({ filename: made.filename, bytes: made.bytes, type: 'application/zip' });
      setNotice(
        `Backed up ${made.snapshots} ${made.snapshots === 1 ? 'snapshot' : 'snapshots'} to ${made.filename}.`,
      );
    } catch (error) {
      setNotice(`The backup could not be made: ${errorMessage(error)}`);
    } finally {
      setBusy(null);
    }
  }, [ports, signingPair]);

  const restoreFrom = useCallback(
    async (file: File) => {
      setBusy('restore');
      setRestore(null);
      try {
        const db = await ports.openDb();
        const report = await restoreLibrary(db, new Uint8Array(await file.arrayBuffer()));
        setRestore({ fileName: file.name, report });
        await refresh();
      } catch (error) {
        setNotice(`${file.name} could not be restored: ${errorMessage(error)}`);
      } finally {
        setBusy(null);
      }
    },
    [ports, refresh],
  );

  const persist = useCallback(async () => {
    const granted = await ports.persist().catch(() => false);
    if (!granted) {
      setNotice(
        'The browser did not grant persistent storage. Back up the library to keep a copy elsewhere.',
      );
    }
    await refresh();
  }, [ports, refresh]);

  return {
    query,
    setQuery,
    items,
    kindTotal,
    storage,
    restore,
    fingerprint,
    dismissRestore: () => setRestore(null),
    notice,
    setNotice,
    busy,
    refresh,
    remove,
    download,
    downloadArchive,
    backup,
    restoreFrom,
    persist,
  };
}
