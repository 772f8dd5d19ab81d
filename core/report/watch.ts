import type { LinkStatus } from '../linkcheck/types';
import { describeVerdict, type StrikeRule, THREE_STRIKES } from '../watch/three-strikes';
import type { SourceChange, SourceEvent, SourceHistory, SourceVerdict, VerdictState } from '../watch/types';
import { quoteWords } from './quote-labels';

/**
 * What a watched run adds to the report (`npm run check -- … --state FILE`): what changed since the previous run,
 * and where every source stands under the three-strikes rule. In JSON it is the report's `watch` field.
 */
export interface WatchReport {
  runAt: string;
  /** null on the first run of a state file. */
  previousRunAt: string | null;
  rule: { strikes: number; minGapDays: number };
  changes: WatchReportChange[];
  /** What else this run found: quotations whose verdict is new or changed, archived copies found (or none). */
  findings: WatchReportFinding[];
  sources: WatchReportSource[];
  /** How many sources are in each state. */
  byState: Record<VerdictState, number>;
}

export interface WatchReportChange {
  url: string;
  kind: SourceChange['kind'];
  at: string;
  previousStatus: LinkStatus | null;
  status: LinkStatus;
  reason: string;
  verdict: SourceVerdict;
  /** The verdict in words: "failing since 2026-03-09 (1 of 3)". */
  description: string;
}

/** One timeline event of this run (core/watch/source-events.ts), with the source it is about. */
export interface WatchReportFinding {
  url: string;
  event: SourceEvent;
}

export interface WatchReportSource {
  url: string;
  status: LinkStatus | null;
  verdict: SourceVerdict;
  description: string;
  /** Checks kept in the source's history. */
  checks: number;
}

const STATES: readonly VerdictState[] = [
  'unchecked',
  'standing',
  'unverified',
  'failing',
  'dead',
  'recovered',
];

export function buildWatchReport(input: {
  runAt: string;
  previousRunAt: string | null;
  sources: readonly SourceHistory[];
  changes: readonly SourceChange[];
  rule?: StrikeRule;
}): WatchReport {
  const rule = input.rule ?? THREE_STRIKES;
  const byState = Object.fromEntries(STATES.map((state) => [state, 0])) as Record<VerdictState, number>;
  for (const source of input.sources) byState[source.verdict.state]++;
  return {
    runAt: input.runAt,
    previousRunAt: input.previousRunAt,
    rule: { strikes: rule.strikes, minGapDays: rule.minGapMs / (24 * 60 * 60 * 1000) },
    changes: input.changes.map((change) => ({
      url: change.url,
      kind: change.kind,
      at: change.at,
      previousStatus: change.previousStatus,
      status: change.status,
      reason: change.reason,
      verdict: change.to,
      description: describeVerdict(change.to, rule),
    })),
    findings: input.sources.flatMap((source) =>
      (source.events ?? [])
        .filter((event) => event.at === input.runAt)
        .map((event) => ({ url: source.url, event })),
    ),
    sources: input.sources.map((source) => ({
      url: source.url,
      status: source.checks[source.checks.length - 1]?.status ?? null,
      verdict: source.verdict,
      description: describeVerdict(source.verdict, rule),
      checks: source.checks.length,
    })),
    byState,
  };
}

const CHANGE_WORDS: Record<SourceChange['kind'], string> = {
  broke: '❗ broke',
  strike: '⚠️ still failing',
  died: '❌ dead under the rule',
  recovered: '✅ recovered',
  status: '↪️ changed',
  quote: '💬 no longer says what the article quotes',
};

/** The Markdown section that follows the report's table. */
export function watchReportToMarkdown(watch: WatchReport): string {
  const lines: string[] = [];
  const since = watch.previousRunAt
    ? `since the previous run (${day(watch.previousRunAt)})`
    : 'on the first run';
  lines.push(`## Watch: what changed ${since}`, '');
  lines.push(
    `Run of ${day(watch.runAt)}. A source is called dead only after failing ${watch.rule.strikes} checks at least ${watch.rule.minGapDays} days apart.`,
    '',
  );
  if (!watch.previousRunAt && watch.changes.length === 0) {
    lines.push('Watching starts here: no source is failing.', '');
  } else if (watch.changes.length === 0 && watch.findings.length === 0) {
    lines.push('Nothing changed.', '');
  }
  for (const change of watch.changes) {
    const turn =
      change.kind === 'status'
        ? ` (${change.previousStatus} → ${change.status})`
        : change.kind === 'quote'
          ? ''
          : `: ${change.description}`;
    lines.push(`- ${CHANGE_WORDS[change.kind]}${turn} — <${change.url}>. ${change.reason}`);
  }
  // A lost quotation is already a change above.
  const told = new Set(watch.changes.filter((change) => change.kind === 'quote').map((change) => change.url));
  const findings = watch.findings.filter(
    (finding) => !(finding.event.kind === 'quote' && told.has(finding.url)),
  );
  for (const finding of findings) lines.push(`- ${findingWords(finding.event)} — <${finding.url}>`);
  if (watch.changes.length > 0 || findings.length > 0) lines.push('');
  const counts = STATES.filter((state) => watch.byState[state] > 0).map(
    (state) => `${watch.byState[state]} ${state}`,
  );
  lines.push(
    `**${watch.sources.length} source${watch.sources.length === 1 ? '' : 's'} watched**: ${counts.join(', ') || 'none'}.`,
  );
  return `${lines.join('\n')}\n`;
}

function findingWords(finding: SourceEvent): string {
  switch (finding.kind) {
    case 'quote': {
      const was = finding.previous ? ` (was ${quoteWords(finding.previous)})` : '';
      return `💬 quote “${finding.quote}” ${quoteWords(finding.status)}${was}`;
    }
    case 'archived-copy':
      return `🗄️ archived copy of ${day(finding.date)} found: <${finding.url}>`;
    case 'no-archived-copy':
      return '🗄️ no archived copy exists';
  }
}

function day(iso: string): string {
  return iso.slice(0, 10);
}
