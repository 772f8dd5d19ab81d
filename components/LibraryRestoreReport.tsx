import type { RestoreReport } from '../core/storage/backup/wacz';
import { plural } from './snapshot-format';
import './LibraryRestoreReport.css';

export interface LibraryRestoreReportProps {
  fileName: string;
  report: RestoreReport;
  /** This browser's key fingerprint, to say when a file was signed here. */
  ownFingerprint?: string | null;
  onDismiss: () => void;
}

function signatureText(signature: RestoreReport['signature'], ownFingerprint?: string | null): string {
  if (signature.state === 'unsigned') {
    return 'Not signed: its files matched their digests, but nothing shows who made it.';
  }
  const whose = signature.fingerprint === ownFingerprint ? 'this browser’s key' : 'the key';
  return `Signed${signature.created ? ` ${signature.created}` : ''} with ${whose} ${signature.fingerprint}; the signature holds.`;
}

/**
 * What a restore did: restored N, skipped (already here), refused with each reason, whole-file warnings, and
 * who signed the file.
 */
export function LibraryRestoreReport({
  fileName,
  report,
  ownFingerprint,
  onDismiss,
}: LibraryRestoreReportProps) {
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
      <p class="restore-report__signature" data-restore-signature={report.signature.state}>
        {signatureText(report.signature, ownFingerprint)}
      </p>
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
