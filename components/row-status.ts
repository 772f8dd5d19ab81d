/**
 * What a citation row shows in its status slot. Link checking (a later feature) fills it; until then every
 * row is "not checked". `code` becomes the row's `data-status`.
 */
export interface RowStatus {
  code: string;
  label: string;
  /** One line for the tooltip and screen readers, e.g. why the link counts as dead. */
  description?: string;
}

export const NOT_CHECKED: RowStatus = {
  code: 'not-checked',
  label: 'not checked',
  description: 'Cited has not checked this link yet',
};
