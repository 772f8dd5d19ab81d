import type { ComponentChildren } from 'preact';
import type { ArchivedCopy } from '../core/archive/types';
import { isVerdict } from '../core/citation-status/summary';
import type { ArchiveState, CitationCheckState } from '../core/citation-status/types';
import type { Citation } from '../core/citations/types';
import type { CheckEvidence, CitationStatus } from '../core/linkcheck/types';
import { displayUrl, formatDay, formatDuration, formatWhen, probeText } from './evidence-format';
import { formatNumber } from './format';
import { statusMeta } from './status-meta';
import './CheckDetails.css';

/** Whether Cited may ask the archive: yes; only once the reader agrees; never (their setting). */
export type ArchiveAccess = 'allowed' | 'needs-consent' | 'forbidden';

export interface CheckDetailsProps {
  citation: Citation;
  state: CitationCheckState | undefined;
  archive: ArchiveState | undefined;
  archiveAccess: ArchiveAccess;
  /** The archive's host, named on the consent button ("archive.org"). */
  archiveHost: string;
  now: number;
  locale?: string;
  onRecheck: (citation: Citation) => void;
  onLookupArchive: (citation: Citation) => void;
  /** The reader agrees to archive lookups (turns the setting on). */
  onAllowArchive: () => void;
  onOpenUrl: (url: string) => void;
  /** On a watched article: the source's timeline (WatchedSourceDetails). */
  watch?: ComponentChildren;
  /** More actions on this source, beside "Re-check" (CopyEvidence). */
  actions?: ComponentChildren;
}

const PENDING_TEXT: Partial<Record<CitationStatus, string>> = {
  'not-checked': 'Not checked yet.',
  queued: 'Waiting for its turn: Cited asks each site at most twice at a time.',
  checking: 'Asking the site now…',
};

/** The evidence behind a row's status, the archived copies, and what the reader can do about it. */
export function CheckDetails(props: CheckDetailsProps) {
  const { citation, state, now, locale, onRecheck } = props;
  const status = state?.status ?? 'not-checked';
  const result = state?.result;
  const meta = statusMeta(status);
  return (
    <div class="check-details" data-check-details={citation.url}>
      <p class="check-details__reason" data-field="reason">
        <strong class="check-details__status" style={{ color: `var(${meta.colourVar})` }}>
          {meta.title}.
        </strong>{' '}
        {result?.reason ?? PENDING_TEXT[status] ?? meta.description}
      </p>
      {result ? (
        <Evidence evidence={result.evidence} citedUrl={citation.url} now={now} locale={locale} />
      ) : null}
      {isVerdict(status) && status !== 'skipped' ? <ArchivedCopies {...props} status={status} /> : null}
      {props.watch}
      <div class="check-details__actions">
        <button
          type="button"
          class="button button--small"
          onClick={() => onRecheck(citation)}
          disabled={status === 'queued' || status === 'checking'}
          data-action="recheck"
        >
          Re-check
        </button>
        {props.actions}
      </div>
    </div>
  );
}

function Fact({ label, children, field }: { label: string; children: ComponentChildren; field: string }) {
  return (
    <div class="check-details__fact" data-evidence={field}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Evidence({
  evidence,
  citedUrl,
  now,
  locale,
}: {
  evidence: CheckEvidence;
  citedUrl: string;
  now: number;
  locale: string | undefined;
}) {
  const endedElsewhere =
    evidence.finalUrl !== undefined && evidence.finalUrl !== (citedUrl.split('#')[0] ?? '');
  return (
    <dl class="check-details__facts">
      {evidence.httpStatus !== undefined ? (
        <Fact label="HTTP status" field="http-status">
          {evidence.httpStatus}
        </Fact>
      ) : null}
      {evidence.errorCode !== undefined ? (
        <Fact label="Failure" field="error">
          {evidence.errorCode}
          {evidence.errorMessage ? ` (${evidence.errorMessage})` : ''}
        </Fact>
      ) : null}
      {endedElsewhere && evidence.finalUrl ? (
        <Fact label="Ended at" field="final-url">
          <span class="check-details__url">{evidence.finalUrl}</span>
        </Fact>
      ) : null}
      {evidence.redirectChain && evidence.redirectChain.length > 1 ? (
        <Fact label="Redirects" field="redirect-chain">
          <ol class="check-details__chain">
            {evidence.redirectChain.map((hop) => (
              <li key={`${hop.url}-${hop.status}`}>
                <span class="check-details__hop-status">{hop.status}</span>{' '}
                <span class="check-details__url">{displayUrl(hop.url)}</span>
              </li>
            ))}
          </ol>
        </Fact>
      ) : evidence.redirected ? (
        <Fact label="Redirects" field="redirect-chain">
          Yes (the browser does not show the steps)
        </Fact>
      ) : null}
      {evidence.contentType ? (
        <Fact label="Content type" field="content-type">
          {evidence.contentType}
        </Fact>
      ) : null}
      {evidence.pageTitle ? (
        <Fact label="Page title" field="page-title">
          “{evidence.pageTitle}”
        </Fact>
      ) : null}
      {evidence.probe ? (
        <Fact label="Soft-404 test" field="probe">
          {probeText(evidence.probe)}
        </Fact>
      ) : null}
      {evidence.retryAfterMs !== undefined ? (
        <Fact label="Asked to wait" field="retry-after">
          {formatDuration(evidence.retryAfterMs, locale)}
        </Fact>
      ) : null}
      <Fact label="Checked" field="checked-at">
        <time dateTime={evidence.checkedAt} title={new Date(evidence.checkedAt).toLocaleString(locale)}>
          {formatWhen(evidence.checkedAt, now, locale)}
        </time>
        {` · took ${formatDuration(evidence.elapsedMs, locale)} · ${formatNumber(evidence.attempts, locale)} ${evidence.attempts === 1 ? 'request' : 'requests'}`}
      </Fact>
    </dl>
  );
}

function ArchivedCopies({
  citation,
  archive,
  archiveAccess,
  archiveHost,
  status,
  locale,
  onLookupArchive,
  onAllowArchive,
  onOpenUrl,
}: CheckDetailsProps & { status: CitationStatus }) {
  const lookup = archive?.lookup;
  let body: ComponentChildren;
  if (archive?.looking) {
    body = <p class="check-details__note">Asking {archiveHost} for archived copies…</p>;
  } else if (lookup && !lookup.error) {
    const { beforePublication, mostRecent } = lookup;
    const same = beforePublication && mostRecent && beforePublication.url === mostRecent.url;
    // A reference's access date is what the lookup went by: the copy closest before the editor read the page.
    const accessDate = citation.reference?.accessDate;
    const before = accessDate
      ? `Before it was retrieved (${formatDay(accessDate, locale)})`
      : 'Before publication';
    body =
      beforePublication || mostRecent ? (
        <ul class="check-details__copies">
          {beforePublication ? (
            <Copy
              label={same ? `${before}, and the most recent` : before}
              copy={beforePublication}
              which="before-publication"
              locale={locale}
              onOpenUrl={onOpenUrl}
            />
          ) : null}
          {mostRecent && !same ? (
            <Copy
              label="Most recent"
              copy={mostRecent}
              which="most-recent"
              locale={locale}
              onOpenUrl={onOpenUrl}
            />
          ) : null}
        </ul>
      ) : (
        <p class="check-details__note" data-archive="none">
          {archiveHost} has no usable copy of this page.
        </p>
      );
  } else if (archiveAccess === 'forbidden') {
    body = (
      <p class="check-details__note">Not looked up: you asked Cited never to contact third-party services.</p>
    );
  } else {
    const failed = lookup?.error;
    body = (
      <>
        {failed ? (
          <p class="check-details__note check-details__note--warning" data-archive="error">
            {failed.message}
          </p>
        ) : null}
        <button
          type="button"
          class="button button--small"
          onClick={() => (archiveAccess === 'allowed' ? onLookupArchive(citation) : onAllowArchive())}
          data-action={archiveAccess === 'allowed' ? 'lookup-archive' : 'allow-archive'}
        >
          {failed
            ? 'Try the archive again'
            : archiveAccess === 'allowed'
              ? `Look up archived copies`
              : `Find archived copies (asks ${archiveHost})`}
        </button>
      </>
    );
  }
  // For a source that still answers, archived copies are there on request only.
  if (status === 'alive' && !lookup && !archive?.looking && archiveAccess !== 'allowed') return null;
  return (
    <section class="check-details__archive" aria-label="Archived copies" data-archive-section>
      <h3 class="check-details__heading">Archived copies</h3>
      {body}
    </section>
  );
}

function Copy({
  label,
  copy,
  which,
  locale,
  onOpenUrl,
}: {
  label: string;
  copy: ArchivedCopy;
  which: string;
  locale: string | undefined;
  onOpenUrl: (url: string) => void;
}) {
  return (
    <li class="check-details__copy" data-archive={which}>
      <span class="check-details__copy-label">{label}</span>
      <time class="check-details__copy-date" dateTime={copy.date} data-field="archive-date">
        {formatDay(copy.date, locale)}
      </time>
      <a
        class="check-details__open"
        href={copy.url}
        target="_blank"
        rel="noopener noreferrer"
        onClick={(event) => {
          event.preventDefault();
          onOpenUrl(copy.url);
        }}
        data-action="open-archived"
      >
        Open archived copy
      </a>
    </li>
  );
}
