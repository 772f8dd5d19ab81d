import { useState } from 'preact/hooks';
import { CHANGE_LABELS } from '../core/report/change-lines';
import { CHANGE_STATUSES, type SourceChange } from '../core/source-change/types';
import './ChangeLine.css';
import { EvidenceToggle, RowLink } from './RowLineControls';

export interface ChangeLineProps {
  /** The source compared with its archived copy; null while it is being compared. */
  change: SourceChange | null;
  onOpenUrl: (url: string) => void;
}

/**
 * Under a citation: whether the source still says what it said when the article cited it, and, on request, the
 * evidence: the verdict's line, the archived copy it rests on, each changed passage marked `[-then-]{+now+}`.
 */
export function ChangeLine({ change, onOpenUrl }: ChangeLineProps) {
  const [open, setOpen] = useState(false);
  if (change === null) {
    return (
      <p class="change-line" data-change-line="checking">
        Comparing the source with its archived copy…
      </p>
    );
  }
  const { copy } = change;
  return (
    <div class="change-line" data-change-line={change.status}>
      <p class="change-line__summary">
        <span class={`change-line__status change-line__status--${change.status}`}>
          Since cited: {CHANGE_LABELS[change.status]}
        </span>
        <EvidenceToggle
          open={open}
          onToggle={() => setOpen(!open)}
          action="change-evidence"
          class="change-line__toggle"
        />
      </p>
      {open ? (
        <div class="change-line__evidence" data-change-evidence>
          <p>
            {change.summary}{' '}
            <RowLink href={copy.url} onOpenUrl={onOpenUrl} action="open-compared-copy">
              Archived copy, {copy.date.slice(0, 10)}
            </RowLink>{' '}
            (the last before{' '}
            {copy.citedAtIs === 'access-date' ? 'the reference’s access date' : 'publication'}).
          </p>
          {change.passages.length > 0 ? (
            <ul>
              {change.passages.map((passage) => (
                <li key={passage.marked}>
                  {passage.before ? <del>{passage.before}</del> : null}
                  {passage.before && passage.after ? ' → ' : null}
                  {passage.after ? <ins>{passage.after}</ins> : null}
                  <span class="change-line__marked"> “{passage.marked}”</span>
                </li>
              ))}
              {change.morePassages > 0 ? (
                <li>
                  … and {change.morePassages} more changed passage{change.morePassages === 1 ? '' : 's'}.
                </li>
              ) : null}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

export interface ChangeSummaryProps {
  changes: readonly SourceChange[];
}

/** The compared sources at a glance: how many changed since the article cited them, and how. */
export function ChangeSummary({ changes }: ChangeSummaryProps) {
  if (changes.length === 0) return null;
  const changed = changes.filter((change) => change.status !== 'unchanged').length;
  const counts = CHANGE_STATUSES.map(
    (status) => [status, changes.filter((change) => change.status === status).length] as const,
  ).filter(([, count]) => count > 0);
  return (
    <p class="change-summary" data-change-summary>
      <span data-change-count="changed">
        {changed} of {changes.length} source{changes.length === 1 ? '' : 's'} compared changed since cited
      </span>
      :{' '}
      {counts.map(([status, count], index) => (
        <span key={status} data-change-count={status}>
          {index > 0 ? ', ' : ''}
          {count} {CHANGE_LABELS[status].replace(/^\S+\s/, '')}
        </span>
      ))}
    </p>
  );
}
