import { useEffect, useState } from 'preact/hooks';
import { SnapshotActions } from '../../components/SnapshotActions';
import type { CaptureResult } from '../../core/citations/types';
import { sourceTargets } from '../../core/save-job/source-targets';
import { quotesBySource } from '../../core/watch/watched-article';
import { SAVE_COMMAND } from '../../utils/extension-pages';
import { sendMessage } from '../../utils/messaging';
import { commandShortcut } from './browser-ports';
import { useSnapshots } from './use-snapshots';

/** The panel's "Save snapshot" / "Save with sources" / "Library", for the article of the followed tab. */
export function SnapshotSection({ tabId, result }: { tabId: number; result: CaptureResult }) {
  const { state, save, openLibrary, archive, downloadArchive } = useSnapshots(tabId);
  const [shortcut, setShortcut] = useState<string | undefined>();
  const [watch, setWatch] = useState<'idle' | 'asking' | 'watching'>('idle');
  const savedId = state.kind === 'saved' ? state.outcome.id : null;
  // Each saved article is offered afresh (the panel follows the reader from page to page).
  useEffect(() => setWatch('idle'), [savedId]);

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
      watch={watch}
      onWatch={() => {
        if (state.kind !== 'saved') return;
        const { metadata } = result.article;
        setWatch('asking');
        sendMessage('watchArticle', {
          url: metadata.url,
          title: state.outcome.title,
          sources: result.citations.map((citation) => citation.url),
          quotes: quotesBySource(result.citations),
          publishedTime: metadata.publishedTime,
          snapshotId: state.outcome.id,
        }).then(
          () => setWatch('watching'),
          () => setWatch('idle'),
        );
      }}
    />
  );
}
