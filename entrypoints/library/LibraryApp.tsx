import { useEffect, useState } from 'preact/hooks';
import { LibraryConfirmDialog } from '../../components/LibraryConfirmDialog';
import { LibraryList, snapshotHref } from '../../components/LibraryList';
import { LibraryRestoreReport } from '../../components/LibraryRestoreReport';
import { LibrarySigningKey } from '../../components/LibrarySigningKey';
import { LibraryStorage } from '../../components/LibraryStorage';
import { LibraryToolbar } from '../../components/LibraryToolbar';
import { Notice } from '../../components/Notice';
import { PageMessage } from '../../components/PageMessage';
import { SnapshotViewer, type ViewerTab } from '../../components/SnapshotViewer';
import { useDismissAfter } from '../../components/use-dismiss-after';
import { WatchedArticles } from '../../components/WatchedArticles';
import { errorMessage } from '../../core/errors/cited-error';
import type { SnapshotSummary } from '../../core/storage/types';
import type { LibraryPorts } from './library-ports';
import { goTo, useRoute } from './route';
import { type Library, useLibrary } from './use-library';
import { useSnapshot } from './use-snapshot';
import { useWatches, type Watches } from './use-watches';

const NOTICE_MS = 8000;

/** The library page: every snapshot, and one snapshot at a time in the viewer. */
export function LibraryApp({ ports }: { ports: LibraryPorts }) {
  const route = useRoute();
  const library = useLibrary(ports);
  const watches = useWatches(ports, library.setNotice);
  const [confirming, setConfirming] = useState<SnapshotSummary | null>(null);
  const { notice, setNotice } = library;

  useDismissAfter(notice, () => setNotice(null), NOTICE_MS);

  const confirmDelete = () => {
    const target = confirming;
    setConfirming(null);
    if (!target) return;
    library
      .remove(target)
      .then((ids) => {
        if (route.kind === 'snapshot' && ids.includes(route.id)) goTo('#/');
      })
      .catch((error: unknown) => setNotice(errorMessage(error)));
  };

  return (
    <>
      {route.kind === 'list' ? (
        <LibraryHome library={library} watches={ports.watching ? watches : null} onDelete={setConfirming} />
      ) : (
        <SnapshotPage
          ports={ports}
          id={route.id}
          tab={route.tab}
          library={library}
          onDelete={setConfirming}
        />
      )}
      <LibraryConfirmDialog
        open={confirming !== null}
        title="Delete this snapshot?"
        confirmLabel="Delete"
        onConfirm={confirmDelete}
        onCancel={() => setConfirming(null)}
      >
        <p>
          “{confirming?.title}” will be removed from the library
          {confirming && confirming.kind === 'article' && confirming.sourceCount > 0
            ? `, with the ${confirming.sourceCount} sources saved with it`
            : ''}
          . This cannot be undone.
        </p>
      </LibraryConfirmDialog>
      <Notice message={notice} onDismiss={() => setNotice(null)} />
    </>
  );
}

function LibraryHome({
  library,
  watches,
  onDelete,
}: {
  library: Library;
  watches: Watches | null;
  onDelete: (summary: SnapshotSummary) => void;
}) {
  const { items, storage, query } = library;
  return (
    <main class="library" aria-busy={items === null ? 'true' : undefined}>
      <header class="library__header">
        <div class="library__heading">
          <h1 class="library__title">Cited library</h1>
          <LibraryStorage
            snapshots={storage.snapshots}
            bytes={storage.bytes}
            estimate={storage.estimate}
            persistence={storage.persistence}
            onPersist={() => void library.persist()}
          />
          <LibrarySigningKey fingerprint={library.fingerprint} />
        </div>
        <div class="library__backup">
          <button
            type="button"
            class="button"
            data-action="backup"
            disabled={library.busy !== null || storage.snapshots === 0}
            onClick={() => void library.backup()}
          >
            {library.busy === 'backup' ? 'Backing up…' : 'Back up library'}
          </button>
          <label class="button library__restore" data-busy={library.busy === 'restore' ? 'true' : undefined}>
            {library.busy === 'restore' ? 'Restoring…' : 'Restore from file…'}
            <input
              type="file"
              class="visually-hidden"
              accept=".wacz,.zip,application/zip"
              data-action="restore"
              disabled={library.busy !== null}
              onChange={(event) => {
                const input = event.currentTarget as HTMLInputElement;
                const file = input.files?.[0];
                input.value = '';
                if (file) void library.restoreFrom(file);
              }}
            />
          </label>
        </div>
      </header>
      {library.restore ? (
        <LibraryRestoreReport
          fileName={library.restore.fileName}
          report={library.restore.report}
          ownFingerprint={library.fingerprint}
          onDismiss={library.dismissRestore}
        />
      ) : null}
      {watches ? (
        <WatchedArticles
          watches={watches.watches}
          histories={watches.histories}
          checking={watches.checking}
          onRecheck={(key) => void watches.recheck(key)}
          onSeen={(key) => void watches.seen(key)}
          onUnwatch={(key) => void watches.unwatch(key)}
        />
      ) : null}
      <LibraryToolbar
        query={query}
        onChange={library.setQuery}
        shown={items?.length ?? 0}
        total={library.kindTotal}
      />
      {items === null ? null : (
        <LibraryList
          items={items}
          searching={Boolean(query.text?.trim())}
          empty={storage.snapshots === 0}
          onDownload={(summary) => void library.download(summary)}
          onDownloadArchive={(summary) => void library.downloadArchive(summary)}
          onDelete={onDelete}
          {...(watches
            ? {
                onWatch: (summary: SnapshotSummary) => void watches.watchSnapshot(summary),
                watchedUrls: watches.watchedUrls,
              }
            : {})}
        />
      )}
    </main>
  );
}

interface SnapshotPageProps {
  ports: LibraryPorts;
  id: string;
  tab: ViewerTab;
  library: Library;
  onDelete: (summary: SnapshotSummary) => void;
}

function SnapshotPage({ ports, id, tab, library, onDelete }: SnapshotPageProps) {
  const state = useSnapshot(ports, id, library.storage.snapshots);
  useEffect(() => {
    if (state.kind === 'ready') document.title = `${state.snapshot.summary.title} · Cited library`;
    return () => {
      document.title = 'Cited library';
    };
  }, [state]);

  switch (state.kind) {
    case 'loading':
      return (
        <main class="library">
          <PageMessage tone="busy" title="Opening the snapshot…" />
        </main>
      );
    case 'missing':
      return (
        <main class="library" data-snapshot-missing>
          <PageMessage
            tone="info"
            title="This snapshot is not in the library"
            action={{ label: 'Back to the library', onClick: () => goTo('#/') }}
          >
            <p>It may have been deleted, or it was saved in another browser profile.</p>
          </PageMessage>
        </main>
      );
    case 'failed':
      return (
        <main class="library">
          <PageMessage
            tone="warning"
            title="The snapshot could not be opened"
            action={{ label: 'Back to the library', onClick: () => goTo('#/') }}
          >
            <p>{state.message}</p>
          </PageMessage>
        </main>
      );
    case 'ready': {
      const { snapshot } = state;
      return (
        <SnapshotViewer
          summary={snapshot.summary}
          details={snapshot.details}
          html={snapshot.html}
          readerHtml={snapshot.readerHtml}
          hash={state.hash}
          parent={snapshot.parent}
          sources={snapshot.sources}
          tab={tab}
          libraryUrl={ports.libraryUrl}
          onOpenSnapshot={(target) => goTo(snapshotHref(target))}
          onOpenExternal={ports.openExternal}
          onDownload={() => void library.download(snapshot.summary)}
          onDownloadArchive={(summary) => void library.downloadArchive(summary)}
          onDelete={() => onDelete(snapshot.summary)}
        />
      );
    }
  }
}
