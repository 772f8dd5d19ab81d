import { formatBytes } from '../core/format/bytes';
import type { SnapshotDetails, SnapshotSummary } from '../core/storage/types';
import { ArchiveButton } from './ArchiveButton';
import { snapshotHref } from './LibraryList';
import { type LibraryCitation, SnapshotCitations } from './SnapshotCitations';
import { SnapshotFrame } from './SnapshotFrame';
import { SnapshotStatusSummary } from './SnapshotStatusSummary';
import { formatSavedAt, plural } from './snapshot-format';
import './SnapshotViewer.css';

export type ViewerTab = 'page' | 'reader' | 'details';

export interface SnapshotViewerProps {
  summary: SnapshotSummary;
  details: SnapshotDetails | null;
  html: string;
  /** The reader view document, or null when the page had no text to show. */
  readerHtml: string | null;
  /** The snapshot checked against its recorded SHA-256 (null while checking). */
  hash: { ok: boolean; computed: string | null } | null;
  /** For a source: the article it was saved with. */
  parent: SnapshotSummary | null;
  /** For an article: the sources saved with it. */
  sources: readonly SnapshotSummary[];
  tab: ViewerTab;
  libraryUrl: string;
  onOpenSnapshot: (id: string) => void;
  onOpenExternal: (url: string) => void;
  onDownload: () => void;
  /** An article with its sources as one web archive. */
  onDownloadArchive: (summary: SnapshotSummary) => void;
  onDelete: () => void;
  locale?: string;
}

const TABS: Array<{ tab: ViewerTab; label: string }> = [
  { tab: 'page', label: 'Page' },
  { tab: 'reader', label: 'Reader view' },
  { tab: 'details', label: 'Details' },
];

function tabHref(id: string, tab: ViewerTab): string {
  return tab === 'page' ? snapshotHref(id) : `${snapshotHref(id)}/${tab}`;
}

/** One snapshot: the page as saved, its reader view, and the proof and sources that came with it. */
export function SnapshotViewer(props: SnapshotViewerProps) {
  const { summary, tab, locale } = props;
  return (
    <div class="viewer" data-viewer={summary.id} data-tab={tab}>
      <header class="viewer__bar">
        <a class="viewer__back" href="#/" data-action="back">
          <span aria-hidden="true">←</span> Library
        </a>
        <div class="viewer__heading">
          <h1 class="viewer__title" data-field="title">
            {summary.title}
          </h1>
          <p class="viewer__meta dot-separated">
            <span>{summary.siteName}</span>
            <span>
              saved <time dateTime={summary.savedAt}>{formatSavedAt(summary.savedAt, locale)}</time>
            </span>
            <span>{formatBytes(summary.bytes)}</span>
            {summary.kind === 'source' && props.parent ? (
              <span>
                source of <a href={snapshotHref(props.parent.id)}>{props.parent.title}</a>
              </span>
            ) : null}
          </p>
        </div>
        <div class="viewer__actions">
          <button type="button" class="button" data-action="download" onClick={props.onDownload}>
            Download .html
          </button>
          <ArchiveButton summary={summary} onDownloadArchive={props.onDownloadArchive} />
          <button type="button" class="button button--danger" data-action="delete" onClick={props.onDelete}>
            Delete
          </button>
        </div>
      </header>
      <nav class="viewer__tabs" aria-label="Snapshot views">
        {TABS.map((item) => (
          <a
            key={item.tab}
            href={tabHref(summary.id, item.tab)}
            class="viewer__tab"
            aria-current={item.tab === tab ? 'page' : undefined}
            data-viewer-tab={item.tab}
          >
            {item.tab === 'details' && summary.sourceCount > 0
              ? `Details and ${plural(summary.sourceCount, 'source')}`
              : item.label}
          </a>
        ))}
      </nav>
      <main class="viewer__body">
        <ViewerBody {...props} />
      </main>
    </div>
  );
}

function ViewerBody(props: SnapshotViewerProps) {
  const { summary, tab } = props;
  if (tab === 'details') return <ViewerDetails {...props} />;
  const html = tab === 'page' ? props.html : props.readerHtml;
  if (html === null) {
    return <p class="viewer__empty">This page had no article text to show in a reader view.</p>;
  }
  return (
    <SnapshotFrame
      html={html}
      title={`${tab === 'page' ? 'Saved copy' : 'Reader view'} of ${summary.title}`}
      kind={tab}
      libraryUrl={props.libraryUrl}
      onOpenSnapshot={props.onOpenSnapshot}
      onOpenExternal={props.onOpenExternal}
    />
  );
}

function ViewerDetails({ summary, details, hash, sources, onOpenExternal, locale }: SnapshotViewerProps) {
  const byId = new Map(sources.map((source) => [source.id, source]));
  const failures = details?.failures ?? [];
  const removed = details?.removed;
  const removedWords = removed
    ? [
        removed.scripts ? plural(removed.scripts, 'script') : '',
        removed.eventHandlers ? plural(removed.eventHandlers, 'event handler') : '',
        removed.embeds ? plural(removed.embeds, 'embedded frame') : '',
        removed.trackers ? plural(removed.trackers, 'tracker') : '',
        removed.metaRefresh ? 'a redirect' : '',
      ].filter(Boolean)
    : [];
  return (
    <div class="viewer-details">
      <section class="viewer-details__section" aria-labelledby="proof-heading">
        <h2 id="proof-heading">Proof of capture</h2>
        <dl class="viewer-details__facts">
          <dt>Original address</dt>
          <dd>
            <a
              href={summary.url}
              rel="noopener noreferrer"
              onClick={(event) => {
                event.preventDefault();
                onOpenExternal(summary.url);
              }}
            >
              {summary.url}
            </a>
          </dd>
          <dt>Saved</dt>
          <dd>
            <time dateTime={summary.savedAt}>{formatSavedAt(summary.savedAt, locale)}</time> (
            {summary.savedAt})
          </dd>
          <dt>SHA-256</dt>
          <dd>
            <code class="viewer-details__hash" data-field="sha256">
              {summary.sha256}
            </code>
            <span
              class={`viewer-details__verify viewer-details__verify--${hash ? (hash.ok ? 'ok' : 'bad') : 'pending'}`}
              data-hash-verified={hash ? String(hash.ok) : 'pending'}
            >
              {hash === null
                ? 'checking…'
                : hash.ok
                  ? '✓ matches the saved file'
                  : '✗ does not match: the saved file was changed after it was made'}
            </span>
          </dd>
          {details?.resources ? (
            <>
              <dt>Kept in the file</dt>
              <dd>
                {plural(details.resources.count, 'image, style or font', 'images, styles and fonts')} (
                {formatBytes(details.resources.bytes)})
              </dd>
            </>
          ) : null}
          {removedWords.length > 0 ? (
            <>
              <dt>Removed for safety</dt>
              <dd>{removedWords.join(', ')}</dd>
            </>
          ) : null}
        </dl>
        {failures.length > 0 ? (
          <details class="viewer-details__failures">
            <summary>{plural(failures.length, 'resource')} could not be kept</summary>
            <ul>
              {failures.map((failure) => (
                <li key={failure.url}>
                  <span class="viewer-details__url">{failure.url}</span> — {failure.reason}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </section>
      {summary.kind === 'article' ? (
        <section class="viewer-details__section" aria-labelledby="citations-heading">
          <h2 id="citations-heading">
            Citations when saved{details ? ` (${details.citations.length})` : ''}
          </h2>
          <SnapshotStatusSummary counts={summary.statusCounts} />
          <SnapshotCitations
            citations={(details?.citations ?? []) as LibraryCitation[]}
            sources={byId}
            onOpenExternal={onOpenExternal}
          />
        </section>
      ) : null}
    </div>
  );
}
