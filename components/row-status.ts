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
