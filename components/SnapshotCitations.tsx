import type { SnapshotCitation, SnapshotSummary } from '../core/storage/types';
import { snapshotHref } from './LibraryList';
import { statusMeta } from './status-meta';
import './SnapshotCitations.css';

/** A citation as the library stores it; `sourceNotSaved` says why "Save with sources" could not keep it. */
export type LibraryCitation = SnapshotCitation & { sourceNotSaved?: string };

export interface SnapshotCitationsProps {
  citations: readonly LibraryCitation[];
  /** The sources saved with the article, by id. */
  sources: ReadonlyMap<string, SnapshotSummary>;
  onOpenExternal: (url: string) => void;
}

/** What the saved article cited, each with its status when saved and its local copy (or why there is none). */
export function SnapshotCitations({ citations, sources, onOpenExternal }: SnapshotCitationsProps) {
  if (citations.length === 0) {
    return <p class="snapshot-citations__none">This page cited no other pages when it was saved.</p>;
  }
  return (
    <ol class="snapshot-citations" data-snapshot-citations>
      {citations.map((citation) => {
        const first = citation.occurrences[0];
        const copy = citation.sourceSnapshotId ? sources.get(citation.sourceSnapshotId) : undefined;
        return (
          <li
            key={citation.url}
            class="snapshot-citation"
            data-citation-url={citation.url}
            data-status={citation.status}
            data-source-id={copy?.id}
          >
            <p class="snapshot-citation__anchor">{first?.anchorText || citation.domain}</p>
            <p class="snapshot-citation__meta dot-separated">
              <span>{citation.domain}</span>
              <span class={`snapshot-citation__status snapshot-citation__status--${citation.status}`}>
                {statusMeta(citation.status).label}
                {citation.checkedAt ? ` (checked ${citation.checkedAt.slice(0, 10)})` : ''}
              </span>
              <span>{citation.relation === 'external' ? 'external' : 'same site'}</span>
            </p>
            {citation.statusReason ? <p class="snapshot-citation__reason">{citation.statusReason}</p> : null}
            <p class="snapshot-citation__links">
              {copy ? (
                <a href={snapshotHref(copy.id)} data-action="open-source">
                  Saved copy
                </a>
              ) : citation.sourceNotSaved ? (
                <span class="snapshot-citation__not-saved" data-source-not-saved>
                  Not saved: {citation.sourceNotSaved}
                </span>
              ) : null}
              <a
                href={citation.url}
                rel="noopener noreferrer"
                onClick={(event) => {
                  event.preventDefault();
                  onOpenExternal(citation.url);
                }}
              >
                Original
              </a>
            </p>
          </li>
        );
      })}
    </ol>
  );
}
