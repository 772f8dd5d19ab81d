import type { CitedErrorCode } from '../core/errors/cited-error';
import type { SaveOutcome, SaveProgress } from '../core/save-job/types';
import { PAGE_FAILURE_TITLES } from './failure-titles';
import { Icon } from './Icon';
import { IconButton } from './IconButton';
import { outcomeText, plural, progressFraction, progressText } from './snapshot-format';
import { TechnicalDetails } from './TechnicalDetails';
import './SnapshotActions.css';

export type SnapshotSaveState =
  | { kind: 'idle' }
  | { kind: 'saving'; progress: SaveProgress }
  | { kind: 'saved'; outcome: SaveOutcome }
  | { kind: 'failed'; code: CitedErrorCode; message: string; detail?: string };

/** The archive download after a save with sources: under way, done (the file's name), or why it failed. */
export type ArchiveState =
  | { kind: 'idle' }
  | { kind: 'making' }
  | { kind: 'done'; filename: string }
  | { kind: 'failed'; message: string };

export interface SnapshotActionsProps {
  state: SnapshotSaveState;
  /** External citations: what "Save with sources" would fetch. */
  externalCount: number;
  onSave: (withSources: boolean) => void;
  /** Opens the library, at one snapshot when given its address. */
  onOpenLibrary: (url?: string) => void;
  /** The shortcut as the browser has it, e.g. "Alt+Shift+S", for the button's tooltip. */
  shortcut?: string;
  /** After a save with sources: the article and its sources as one signed .wacz. */
  archive?: ArchiveState;
  onDownloadArchive?: (articleId: string) => void;
}

const FAILURE_TITLES: Partial<Record<CitedErrorCode, string>> = {
  ...PAGE_FAILURE_TITLES,
  'storage-quota': 'Not enough storage space',
  'restricted-page': 'This page cannot be saved',
};

/** The panel's snapshot buttons, with the save's progress and its result under them. */
export function SnapshotActions({
  state,
  externalCount,
  onSave,
  onOpenLibrary,
  shortcut,
  archive = { kind: 'idle' },
  onDownloadArchive,
}: SnapshotActionsProps) {
  const busy = state.kind === 'saving';
  return (
    <section class="snapshot-actions" aria-label="Snapshots" data-snapshot-state={state.kind}>
      <div class="snapshot-actions__buttons">
        <button
          type="button"
          class="button button--primary"
          data-action="save-snapshot"
          disabled={busy}
          title={`Keep a self-contained copy of this page${shortcut ? ` (${shortcut})` : ''}`}
          onClick={() => onSave(false)}
        >
          Save snapshot
        </button>
        <button
          type="button"
          class="button"
          data-action="save-with-sources"
          disabled={busy || externalCount === 0}
          title={
            externalCount === 0
              ? 'This page cites no external sources'
              : `Also keep a copy of each of the ${plural(externalCount, 'external source')} it cites`
          }
          onClick={() => onSave(true)}
        >
          Save with sources
        </button>
        <span class="snapshot-actions__library">
          <IconButton label="Open the snapshot library" onClick={() => onOpenLibrary()} action="open-library">
            <Icon name="library" />
          </IconButton>
        </span>
      </div>
      <div class="snapshot-actions__status" role="status" aria-live="polite" data-snapshot-status>
        <SaveStatus
          state={state}
          onOpenLibrary={onOpenLibrary}
          archive={archive}
          onDownloadArchive={onDownloadArchive}
        />
      </div>
    </section>
  );
}

function SaveStatus({
  state,
  onOpenLibrary,
  archive,
  onDownloadArchive,
}: {
  state: SnapshotSaveState;
  onOpenLibrary: (url?: string) => void;
  archive: ArchiveState;
  onDownloadArchive: ((articleId: string) => void) | undefined;
}) {
  switch (state.kind) {
    case 'idle':
      return null;
    case 'saving': {
      const fraction = progressFraction(state.progress);
      return (
        <div class="snapshot-actions__progress" data-phase={state.progress.phase}>
          <p data-progress-text>{progressText(state.progress)}</p>
          <progress max={1} value={fraction ?? undefined} aria-label="Saving progress" />
        </div>
      );
    }
    case 'saved': {
      const { outcome } = state;
      const failed = outcome.sources?.failed ?? [];
      return (
        <div class="snapshot-actions__result" data-saved-id={outcome.id}>
          <p>
            <span class="snapshot-actions__ok" aria-hidden="true">
              ✓
            </span>{' '}
            <span data-result-text>{outcomeText(outcome)}</span>
            {' · '}
            <a
              href={outcome.libraryUrl}
              data-action="open-snapshot"
              onClick={(event) => {
                event.preventDefault();
                onOpenLibrary(outcome.libraryUrl);
              }}
            >
              Open in library
            </a>
          </p>
          {onDownloadArchive && (outcome.sources?.saved.length ?? 0) > 0 ? (
            <ArchiveDownload archive={archive} onDownload={() => onDownloadArchive(outcome.id)} />
          ) : null}
          {outcome.resources.failed > 0 ? (
            <p class="snapshot-actions__note">
              {plural(outcome.resources.failed, 'image or style', 'images or styles')} of the page could not
              be kept.
            </p>
          ) : null}
          {failed.length > 0 ? (
            <details class="snapshot-actions__failures" data-failed-sources>
              <summary>{plural(failed.length, 'source')} could not be saved</summary>
              <ul>
                {failed.map((source) => (
                  <li key={source.url} data-failed-source={source.url}>
                    <span class="snapshot-actions__url">{source.url}</span>
                    <span class="snapshot-actions__reason">{source.reason}</span>
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </div>
      );
    }
    case 'failed':
      return (
        <div class="snapshot-actions__error" data-error-code={state.code}>
          <p class="snapshot-actions__error-title">
            {FAILURE_TITLES[state.code] ?? 'The snapshot was not saved'}
          </p>
          <p>{state.message}</p>
          <TechnicalDetails detail={state.detail} />
        </div>
      );
  }
}

/** "Download archive (.wacz)" under a save with sources, then what became of it. */
function ArchiveDownload({ archive, onDownload }: { archive: ArchiveState; onDownload: () => void }) {
  return (
    <p class="snapshot-actions__archive" data-archive-state={archive.kind}>
      <button
        type="button"
        class="link-button"
        data-action="download-archive"
        disabled={archive.kind === 'making'}
        title="The article and the sources saved with it, with each citation as it stood, signed by this browser"
        onClick={onDownload}
      >
        {archive.kind === 'making' ? 'Making the archive…' : 'Download archive (.wacz)'}
      </button>
      {archive.kind === 'done' ? <span data-archive-result> Downloaded {archive.filename}.</span> : null}
      {archive.kind === 'failed' ? (
        <span data-archive-result> The archive could not be made: {archive.message}</span>
      ) : null}
    </p>
  );
}
