import { useEffect, useState } from 'preact/hooks';
import { SnapshotActions } from '../../components/SnapshotActions';
import type { CaptureResult } from '../../core/citations/types';
import { sourceTargets } from '../../core/save-job/source-targets';
import { SAVE_COMMAND } from '../../utils/extension-pages';
import { commandShortcut } from './browser-ports';
import { useSnapshots } from './use-snapshots';

/** The panel's "Save snapshot" / "Save with sources" / "Library", for the article of the followed tab. */
export function SnapshotSection({ tabId, result }: { tabId: number; result: CaptureResult }) {
  const { state, save, openLibrary, archive, downloadArchive } = useSnapshots(tabId);
  const [shortcut, setShortcut] = useState<string | undefined>();

  useEffect(() => {
    commandShortcut(SAVE_COMMAND)
      .then(setShortcut)
      .catch(() => {
        // No shortcut to show: the button's tooltip simply names none.
      });
  }, []);

  return (
    <SnapshotActions
      state={state}
      externalCount={sourceTargets(result.citations).length}
      onSave={save}
      onOpenLibrary={openLibrary}
      archive={archive}
      onDownloadArchive={downloadArchive}
      shortcut={shortcut}
    />
  );
}
