import type { ComponentChildren } from 'preact';
import './PageMessage.css';

export interface PageMessageProps {
  /** `busy` shows a spinner and marks the message as in progress for assistive technology. */
  tone: 'info' | 'warning' | 'error' | 'busy';
  title: string;
  children?: ComponentChildren;
  action?: { label: string; onClick: () => void };
}

/** A whole-panel message: a restricted page, a page Cited could not read, or one it is still reading. */
export function PageMessage({ tone, title, children, action }: PageMessageProps) {
  return (
    <section
      class={`page-message page-message--${tone}`}
      role={tone === 'error' || tone === 'warning' ? 'alert' : 'status'}
      aria-busy={tone === 'busy' ? 'true' : undefined}
      data-message-tone={tone}
    >
      {tone === 'busy' ? <span class="page-message__spinner" aria-hidden="true" /> : null}
      <h2 class="page-message__title">{title}</h2>
      {children ? <div class="page-message__body">{children}</div> : null}
      {action ? (
        <button type="button" class="button button--primary" onClick={action.onClick}>
          {action.label}
        </button>
      ) : null}
    </section>
  );
}
