import type { Citation } from '../core/citations/types';
import type { CitationStatus } from '../core/linkcheck/types';
import { statusMeta } from './status-meta';

/** What a citation row shows in its status slot. `code` becomes the row's `data-status`. */
export interface RowStatus {
  code: string;
  label: string;
  /** One line for the tooltip and screen readers, e.g. why the link counts as dead. */
  description?: string;
}

const notChecked = statusMeta('not-checked');

/** A row's status when the list is shown without link checks. */
export const NOT_CHECKED: RowStatus = {
  code: notChecked.status,
  label: notChecked.label,
  description: notChecked.description,
};

/**
 * A row's status from its check. A dead address that its own reference already marks dead, giving an
 * archived copy, is expected, not news: it is said so, still counted as dead.
 */
export function checkedRowStatus(citation: Citation, status: CitationStatus, reason?: string): RowStatus {
  const meta = statusMeta(status);
  const reference = citation.reference;
  if (status === 'dead' && reference?.originalDead && reference.archive) {
    return {
      code: meta.status,
      label: 'dead, archived copy in reference',
      description: `The reference already marks this address dead and gives an archived copy: ${reference.archive.url}`,
    };
  }
  return { code: meta.status, label: meta.label, description: reason ?? meta.description };
}
