import type { CitationStatus } from '../core/linkcheck/types';
import { PathIcon } from './Icon';
import { statusMeta } from './status-meta';
import './StatusIcon.css';

/** A status's own icon (never its colour alone), drawn in the current text colour. */
export function StatusIcon({ status }: { status: CitationStatus }) {
  return <PathIcon d={statusMeta(status).icon} class={`status-icon status-icon--${status}`} />;
}
