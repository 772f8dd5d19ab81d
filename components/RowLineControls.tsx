import type { ComponentChildren } from 'preact';

/**
 * The controls of a line under a citation row (quote checks, changes since cited). They sit inside the row's main
 * cell, whose click scrolls the page to the link: theirs must not reach it.
 */

export interface EvidenceToggleProps {
  open: boolean;
  onToggle: () => void;
  /** `data-action`, for tests and the e2e helpers. */
  action: string;
  class: string;
}

export function EvidenceToggle({ open, onToggle, action, class: className }: EvidenceToggleProps) {
  return (
    <button
      type="button"
      class={className}
      aria-expanded={open ? 'true' : 'false'}
      data-action={action}
      onClick={(event) => {
        event.stopPropagation();
        onToggle();
      }}
    >
      {open ? 'Hide evidence' : 'Evidence'}
    </button>
  );
}

export interface RowLinkProps {
  href: string;
  onOpenUrl: (url: string) => void;
  action: string;
  children: ComponentChildren;
}

/** A link the panel opens in a tab of its own (beside the article's), not in the panel. */
export function RowLink({ href, onOpenUrl, action, children }: RowLinkProps) {
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      data-action={action}
      onClick={(event) => {
        event.preventDefault();
        event.stopPropagation();
        onOpenUrl(href);
      }}
    >
      {children}
    </a>
  );
}
