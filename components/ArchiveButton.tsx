import type { SnapshotSummary } from '../core/storage/types';

export interface ArchiveButtonProps {
  summary: SnapshotSummary;
  onDownloadArchive: (summary: SnapshotSummary) => void;
}

/**
 * "Download archive (.wacz)": an article saved with its sources, as one signed web archive a reader can hand on
 * (ReplayWeb.page opens it at the article). Shown only where there is more than the page itself to keep.
 */
export function ArchiveButton({ summary, onDownloadArchive }: ArchiveButtonProps) {
  if (summary.kind !== 'article' || summary.sourceCount === 0) return null;
  return (
    <button
      type="button"
      class="button"
      data-action="download-archive"
      aria-label={`Download “${summary.title}” with its sources as a web archive (.wacz)`}
      title="The article and the sources saved with it, with each citation as it stood, signed by this browser"
      onClick={() => onDownloadArchive(summary)}
    >
      Download archive (.wacz)
    </button>
  );
}
