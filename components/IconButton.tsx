import type { ComponentChildren } from 'preact';
import './IconButton.css';

export interface IconButtonProps {
  label: string;
  onClick: () => void;
  children: ComponentChildren;
  action?: string;
}

/** A small square button with a visible tooltip and an accessible name. */
export function IconButton({ label, onClick, children, action }: IconButtonProps) {
  return (
    <button
      type="button"
      class="icon-button"
      aria-label={label}
      title={label}
      onClick={onClick}
      data-action={action}
    >
      {children}
    </button>
  );
}
