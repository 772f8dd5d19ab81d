import type { ComponentChildren } from 'preact';
import './EmptyState.css';

export interface EmptyStateProps {
  title: string;
  children?: ComponentChildren;
  action?: { label: string; onClick: () => void };
}

/** Shown in place of the list when there is nothing to list (none cited, or none matching the filter). */
export function EmptyState({ title, children, action }: EmptyStateProps) {
  return (
    <div class="empty-state" data-empty-state>
      <p class="empty-state__title">{title}</p>
      {children ? <p class="empty-state__body">{children}</p> : null}
      {action ? (
        <button type="button" class="button" onClick={action.onClick}>
          {action.label}
        </button>
      ) : null}
    </div>
  );
}
