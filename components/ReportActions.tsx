import { Icon } from './Icon';
import './ReportActions.css';

export type ReportFormat = 'json' | 'csv';

export interface ReportActionsProps {
  onRecheckAll: () => void;
  /** False while every citation is still being checked. */
  canRecheck: boolean;
  onCopyMarkdown: () => void;
  onDownload: (format: ReportFormat) => void;
  /** A word on the last report action ("Report copied"), announced politely. */
  feedback: string | null;
}

const DOWNLOADS: Array<{ format: ReportFormat; label: string; title: string }> = [
  { format: 'json', label: 'JSON', title: 'Download the report as JSON' },
  { format: 'csv', label: 'CSV', title: 'Download the report as CSV (for spreadsheets)' },
];

/** The article-wide actions: re-check everything, copy the report as Markdown, download it as JSON or CSV. */
export function ReportActions({
  onRecheckAll,
  canRecheck,
  onCopyMarkdown,
  onDownload,
  feedback,
}: ReportActionsProps) {
  return (
    <>
      <button
        type="button"
        class="button button--small"
        onClick={onRecheckAll}
        disabled={!canRecheck}
        data-action="recheck-all"
      >
        <Icon name="reload" class="report-actions__icon" />
        Re-check all
      </button>
      <span class="report-actions__spacer" />
      {/* biome-ignore lint/a11y/useSemanticElements: a labelled set of buttons, not a form field set. */}
      <div class="report-actions__report" role="group" aria-label="Report">
        <span class="report-actions__label" aria-hidden="true">
          Report
        </span>
        <button
          type="button"
          class="button button--small"
          onClick={onCopyMarkdown}
          title="Copy the report as Markdown"
          data-action="copy-report"
        >
          <Icon name="copy" class="report-actions__icon" />
          Copy<span class="visually-hidden"> report</span>
        </button>
        {DOWNLOADS.map(({ format, label, title }) => (
          <button
            key={format}
            type="button"
            class="button button--small"
            onClick={() => onDownload(format)}
            aria-label={`Download report as ${label}`}
            title={title}
            data-action={`download-${format}`}
          >
            <Icon name="download" class="report-actions__icon" />
            {label}
          </button>
        ))}
      </div>
      <p class="report-actions__feedback" role="status" aria-live="polite" data-report-feedback>
        {feedback}
      </p>
    </>
  );
}
