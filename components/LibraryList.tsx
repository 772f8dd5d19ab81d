import { formatBytes } from '../core/format/bytes';
import type { SnapshotSummary } from '../core/storage/types';
import { ArchiveButton } from './ArchiveButton';
import { SnapshotStatusSummary } from './SnapshotStatusSummary';
import { formatSavedAt, plural } from './snapshot-format';
import './LibraryList.css';

export interface LibraryListProps {
  items: readonly SnapshotSummary[];
  /** What the reader searched for, to say why the list is empty. */
  searching: boolean;
  /** The library holds nothing at all. */
  empty: boolean;
  onDownload: (summary: SnapshotSummary) => void;
  /** An article with its sources as one web archive. */
  onDownloadArchive: (summary: SnapshotSummary) => void;
  onDelete: (summary: SnapshotSummary) => void;
  locale?: string;
}

export function snapshotHref(id: string): string {
  return `#/snapshot/${encodeURIComponent(id)}`;
}

/** Every snapshot with what a reader sorts them by: title, site, when, size, sources, statuses. */
export function LibraryList({
  items,
  searching,
  empty,
  onDownload,
  onDownloadArchive,
  onDelete,
  locale,
}: LibraryListProps) {
  if (items.length === 0) {
    return (
      <div class="library-empty" data-library-empty>
        {empty ? (
          <>
            <p class="library-empty__title">No snapshots yet</p>
            <p>
              Open an article and choose <strong>Save snapshot</strong> in Cited’s panel, press Alt+Shift+S,
              or right-click the page and choose “Save page snapshot with Cited”.
            </p>
          </>
        ) : (
          <p class="library-empty__title">
            {searching ? 'No snapshot matches your search' : 'No snapshot matches these filters'}
          </p>
        )}
      </div>
    );
  }
  return (
    <ul class="library-list" aria-label="Snapshots">
      {items.map((item) => (
        <li key={item.id} class="library-item" data-snapshot-id={item.id} data-kind={item.kind}>
          <div class="library-item__main">
            <a class="library-item__title" href={snapshotHref(item.id)} data-field="title">
              {item.title}
            </a>
            <p class="library-item__meta dot-separated">
              <span data-field="site">{item.siteName}</span>
              <time dateTime={item.savedAt} data-field="saved-at">
                {formatSavedAt(item.savedAt, locale)}
              </time>
              <span data-field="size">{formatBytes(item.bytes)}</span>
              {item.kind === 'source' ? <span data-field="kind">source</span> : null}
              {item.sourceCount > 0 ? (
                <span data-field="sources">with {plural(item.sourceCount, 'source')}</span>
              ) : null}
            </p>
            <p class="library-item__url" data-field="url">
              {item.url}
            </p>
            <SnapshotStatusSummary counts={item.statusCounts} />
          </div>
          <div class="library-item__actions">
            <button
              type="button"
              class="button"
              data-action="download"
              aria-label={`Download “${item.title}”`}
              onClick={() => onDownload(item)}
            >
              Download
            </button>
            <ArchiveButton summary={item} onDownloadArchive={onDownloadArchive} />
            <button
              type="button"
              class="button button--danger"
              data-action="delete"
              aria-label={`Delete “${item.title}”`}
              onClick={() => onDelete(item)}
            >
              Delete
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}
