import './Notice.css';

export interface NoticeProps {
  message: string | null;
  onDismiss: () => void;
}

/** A short-lived message about the last action ("That link is no longer on the page"). */
export function Notice({ message, onDismiss }: NoticeProps) {
  return (
    <div class="notice-region" role="status" aria-live="polite">
      {message ? (
        <p class="notice" data-notice>
          <span>{message}</span>
          <button type="button" class="notice__close" aria-label="Dismiss" onClick={onDismiss}>
            ×
          </button>
        </p>
      ) : null}
    </div>
  );
}
