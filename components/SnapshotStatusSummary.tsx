import type { StatusCounts } from '../core/storage/types';
import { statusEntries } from './snapshot-format';
import { statusMeta } from './status-meta';
import './SnapshotStatusSummary.css';

/** The citations' statuses at capture, worst first: "1 dead · 3 alive · 2 not checked". */
export function SnapshotStatusSummary({ counts }: { counts: StatusCounts }) {
  const entries = statusEntries(counts);
  if (entries.length === 0) return null;
  return (
    <ul class="status-summary" aria-label="Citation statuses when saved" data-status-summary>
      {entries.map(({ status, count }) => (
        <li key={status} class={`status-summary__item status-summary__item--${status}`} data-status={status}>
          {count} {statusMeta(status).label}
        </li>
      ))}
    </ul>
  );
}
