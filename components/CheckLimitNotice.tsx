import { formatNumber } from './format';
import './CheckLimitNotice.css';

export interface CheckLimitNoticeProps {
  /** Citations beyond the automatic limit that are not checked. */
  notChecked: number;
  /** How many citations are checked without asking. */
  limit: number;
  onCheck: () => void;
  locale?: string;
}

/**
 * A page with more citations than Cited checks on its own: say how many are left and why, and check them on one
 * click, so no count in the panel claims checks that are not running.
 */
export function CheckLimitNotice({ notChecked, limit, onCheck, locale }: CheckLimitNoticeProps) {
  const n = (value: number) => formatNumber(value, locale);
  return (
    <section class="check-limit" aria-label="Citations not checked" data-check-limit>
      <p class="check-limit__text" data-field="check-limit-text">
        Not checked: {n(notChecked)} more than the automatic limit of {n(limit)} links.
      </p>
      <button type="button" class="button" onClick={onCheck} data-action="check-rest">
        Check them
      </button>
    </section>
  );
}
