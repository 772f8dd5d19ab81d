import { describeVerdict } from '../core/watch/three-strikes';
import type { KeptCheck, SourceHistory } from '../core/watch/types';
import './SourceTimeline.css';

const STATUS_MARK: Record<string, string> = {
  alive: '✓',
  redirected: '↪',
  dead: '✗',
  'soft-404': '✗',
  unreachable: '!',
  blocked: '?',
  'rate-limited': '?',
  skipped: '·',
};

/**
 * A watched source's verdict under the three-strikes rule and its compact history, oldest check first: the one
 * timeline the library and the panel both show.
 */
export function SourceTimeline({ history }: { history: SourceHistory | undefined }) {
  return (
    <>
      <span data-field="verdict">{history ? describeVerdict(history.verdict) : 'not checked yet'}</span>
      {history ? <Checks checks={history.checks} /> : null}
    </>
  );
}

function Checks({ checks }: { checks: KeptCheck[] }) {
  return (
    <ol class="source-timeline" data-field="timeline">
      {checks.map((check) => (
        <li key={check.at} data-status={check.status} title={check.reason ?? check.status}>
          <span aria-hidden="true">{STATUS_MARK[check.status] ?? '·'}</span> {day(check.at)} {check.status}
          {check.evidence?.httpStatus ? ` (${check.evidence.httpStatus})` : ''}
        </li>
      ))}
    </ol>
  );
}

function day(iso: string): string {
  return iso.slice(0, 10);
}
