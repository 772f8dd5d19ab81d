import type { RestoreReport } from '../core/storage/backup/wacz';
import { plural } from './snapshot-format';
import './LibraryRestoreReport.css';

export interface LibraryRestoreReportProps {
  fileName: string;
  report: RestoreReport;
  onDismiss: () => void;
}

/** What a restore did: restored N, skipped (already here), refused with each reason, and whole-file warnings. */
export function LibraryRestoreReport({ fileName, report, onDismiss }: LibraryRestoreReportProps) {
  const { restored, skipped, refused, warnings } = report;
  const tone = refused.length > 0 || warnings.length > 0 ? 'warning' : 'ok';
  return (
    <section class={`restore-report restore-report--${tone}`} aria-label="Restore result" data-restore-report>
      <div class="restore-report__head">
        <p class="restore-report__title" data-restore-summary>
          {fileName}: restored {plural(restored.length, 'snapshot')}
          {skipped.length ? `, ${skipped.length} already in the library` : ''}
          {refused.length ? `, ${refused.length} refused` : ''}.
        </p>
        <button type="button" class="restore-report__close" aria-label="Dismiss" onClick={onDismiss}>
          ×
        </button>
      </div>
      {refused.length > 0 ? (
        <ul class="restore-report__list" data-restore-refused>
          {refused.map((problem) => (
            <li key={problem.id}>
              <strong>{problem.title || problem.url || problem.id}</strong>: {problem.reason}
            </li>
          ))}
        </ul>
      ) : null}
      {warnings.length > 0 ? (
        <ul class="restore-report__list" data-restore-warnings>
          {warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
