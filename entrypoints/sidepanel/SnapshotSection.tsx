import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { SnapshotActions } from '../../components/SnapshotActions';
import type { CaptureResult } from '../../core/citations/types';
import { sourceTargets } from '../background/snapshots/source-targets';
import { useSnapshots } from './use-snapshots';

/** The panel's "Save snapshot" / "Save with sources" / "Library", for the article of the followed tab. */
export function SnapshotSection({ tabId, result }: { tabId: number; result: CaptureResult }) {
  const { state, save, openLibrary } = useSnapshots(tabId);
  const [shortcut, setShortcut] = useState<string | undefined>();

  useEffect(() => {
    browser.commands
      ?.getAll()
      .then((commands) =>
        setShortcut(commands.find((c) => c.name === 'save-snapshot')?.shortcut || undefined),
      )
      .catch(() => {});
  }, []);

  return (
    <SnapshotActions
      state={state}
      externalCount={sourceTargets(result.citations).length}
      onSave={save}
      onOpenLibrary={openLibrary}
      shortcut={shortcut}
    />
  );
}
