import { formatBytes } from '../core/format/bytes';
import { plural } from './snapshot-format';
import './LibraryStorage.css';

/** How safe the library is from the browser's own clean-ups. */
export type Persistence =
  | 'persistent' // navigator.storage.persist() was granted
  | 'unlimited' // the extension's unlimitedStorage permission: never evicted, no quota
  | 'best-effort' // the browser may clear it when the disk runs low
  | 'unknown';

export interface LibraryStorageProps {
  snapshots: number;
  /** Sum of the snapshots' sizes. */
  bytes: number;
  /** What the browser reports for the extension's whole storage. */
  estimate: { usage: number; quota: number } | null;
  persistence: Persistence;
  onPersist: () => void;
}

const PERSISTENCE_TEXT: Record<Persistence, string> = {
  persistent: 'Kept until you delete them: the browser granted persistent storage.',
  unlimited: 'Kept until you delete them: Cited’s storage is never cleared by the browser to free space.',
  'best-effort':
    'The browser may clear snapshots if the disk runs low. Back up the library, or keep it permanently.',
  unknown: 'The browser does not say whether it keeps this storage.',
};

/** "12 snapshots · 24.1 MB", how much of the browser's storage that uses, and whether it is kept. */
export function LibraryStorage({ snapshots, bytes, estimate, persistence, onPersist }: LibraryStorageProps) {
  return (
    <section class="library-storage" aria-label="Storage" data-persistence={persistence}>
      <p class="library-storage__used" data-storage-used>
        {plural(snapshots, 'snapshot')} · {formatBytes(bytes)}
        {estimate ? (
          <span class="library-storage__estimate">
            {' '}
            ({formatBytes(estimate.usage)} of browser storage in use)
          </span>
        ) : null}
      </p>
      <p class="library-storage__persistence" data-storage-persistence>
        {PERSISTENCE_TEXT[persistence]}
        {persistence === 'best-effort' ? (
          <>
            {' '}
            <button type="button" class="link-button" data-action="persist" onClick={onPersist}>
              Keep permanently
            </button>
          </>
        ) : null}
      </p>
    </section>
  );
}
