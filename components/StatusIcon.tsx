import type { CitationStatus } from '../core/linkcheck/types';
import { statusMeta } from './status-meta';
import './StatusIcon.css';

/** A status's own icon (never its colour alone), drawn in the current text colour. */
export function StatusIcon({ status, class: className }: { status: CitationStatus; class?: string }) {
  return (
    <svg
      class={`status-icon status-icon--${status}${className ? ` ${className}` : ''}`}
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d={statusMeta(status).icon}
        fill="none"
        stroke="currentColor"
        stroke-width="1.5"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
  );
}
