import './button-extras.css';
import './ReportActions.css';

export interface ReportActionsProps {
  onRecheckAll: () => void;
  /** False while every citation is still being checked. */
  canRecheck: boolean;
  onCopyMarkdown: () => void;
  onDownload: (format: 'json' | 'csv') => void;
  /** A word on the last report action ("Report copied"), announced politely. */
  feedback: string | null;
}

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
        <svg viewBox="0 0 16 16" aria-hidden="true" class="report-actions__icon">
          <path
            d="M13 8a5 5 0 1 1-1.5-3.6M13 2.5v3h-3"
            fill="none"
            stroke="currentColor"
            stroke-width="1.5"
            stroke-linecap="round"
            stroke-linejoin="round"
          />
        </svg>
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
          <svg viewBox="0 0 16 16" aria-hidden="true" class="report-actions__icon">
            <path
              d="M5.5 5.5V3.25c0-.4.35-.75.75-.75h6.5c.4 0 .75.35.75.75v6.5c0 .4-.35.75-.75.75H10.5 M3.25 5.5h6.5c.4 0 .75.35.75.75v6.5c0 .4-.35.75-.75.75h-6.5c-.4 0-.75-.35-.75-.75v-6.5c0-.4.35-.75.75-.75Z"
              fill="none"
              stroke="currentColor"
              stroke-width="1.4"
              stroke-linejoin="round"
            />
          </svg>
          Copy<span class="visually-hidden"> report</span>
        </button>
        <button
          type="button"
          class="button button--small"
          onClick={() => onDownload('json')}
          aria-label="Download report as JSON"
          title="Download the report as JSON"
          data-action="download-json"
        >
          <DownloadIcon />
          JSON
        </button>
        <button
          type="button"
          class="button button--small"
          onClick={() => onDownload('csv')}
          aria-label="Download report as CSV"
          title="Download the report as CSV (for spreadsheets)"
          data-action="download-csv"
        >
          <DownloadIcon />
          CSV
        </button>
      </div>
      <p class="report-actions__feedback" role="status" aria-live="polite" data-report-feedback>
        {feedback}
      </p>
    </>
  );
}

function DownloadIcon() {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true" class="report-actions__icon">
      <path
        d="M8 2.5v7.25M5 7l3 3 3-3M3 12.75h10"
        fill="none"
        stroke="currentColor"
        stroke-width="1.5"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
  );
}
