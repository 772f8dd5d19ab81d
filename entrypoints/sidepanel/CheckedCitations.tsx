import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ArchiveConsent } from '../../components/ArchiveConsent';
import { ArticleWatch } from '../../components/ArticleWatch';
import { ChangeLine, ChangeSummary } from '../../components/ChangeLine';
import { type ArchiveAccess, CheckDetails } from '../../components/CheckDetails';
import { CheckLimitNotice } from '../../components/CheckLimitNotice';
import { CheckSummary } from '../../components/CheckSummary';
import { CitationsView, type CitationsViewProps } from '../../components/CitationsView';
import { CompareSource, type ComparisonRequest } from '../../components/CompareSource';
import { CopyEvidence } from '../../components/CopyEvidence';
import { QuoteLine, QuoteSummary, rowQuoteStatus } from '../../components/QuoteLine';
import { ReferenceLinks } from '../../components/ReferenceLinks';
import { ReportActions } from '../../components/ReportActions';
import { referenceChecksOf } from '../../components/reference-checks';
import { checkedRowStatus, type RowStatus } from '../../components/row-status';
import { SiteLinks } from '../../components/SiteLinks';
import { StatusPalette } from '../../components/StatusPalette';
import { SummaryCounts } from '../../components/SummaryCounts';
import { statusMeta } from '../../components/status-meta';
import { useDismissAfter } from '../../components/use-dismiss-after';
import { type RowLine, useRowLine } from '../../components/use-row-line';
import { WatchedSourceDetails } from '../../components/WatchedSourceDetails';
import { AUTOMATIC_CHECK_LIMIT } from '../../core/check-run/check-order';
import { countStatuses, isVerdict, progressOf } from '../../core/citation-status/summary';
import type { CaptureResult, Citation } from '../../core/citations/types';
import { errorMessage } from '../../core/errors/cited-error';
import type { CitationStatus } from '../../core/linkcheck/types';
import type { SourceQuoteCheck } from '../../core/quote-check/source-check';
import { type CitedReport, citationEvidence } from '../../core/report';
import { archiveLookupsAllowed, endpointHost } from '../../core/settings/settings';
import { citedAt } from '../../core/source-change/cited-at';
import type { SourceChange } from '../../core/source-change/types';
import { useSettings } from '../../utils/use-settings';
import { openInNewTab } from './browser-ports';
import { archiveOf, keyOf } from './check-state';
import { copyText } from './clipboard';
import { openSettingsPage } from './link-check-ports';
import { copyReportMarkdown, downloadReport, panelLinkFacts, panelReport } from './report-export';
import { newSourceRun, type PanelSourceRun } from './source-run';
import { useArticleWatch } from './use-article-watch';
import { useComparisons } from './use-compare-on-request';
import { useLinkChecks } from './use-link-checks';
import { useQuoteChecks } from './use-quote-checks';

export interface CheckedCitationsProps {
  tabId: number;
  result: CaptureResult;
  /** Citations still on their way from the page: the list shows what has come; checks wait for the whole. */
  pending: number;
  onGoTo: CitationsViewProps['onGoTo'];
  onOpen: CitationsViewProps['onOpen'];
}

const FEEDBACK_MS = 4000;
/** While the quotations are looked for, every quoted row shows the same line. */
const QUOTES_RUNNING = { running: true } as const;
const COMPARING = { comparing: true } as const;
const CLOCK_TICK_MS = 30_000;

/** The citation list with its link checks: summary, statuses, evidence, archived copies and reports. */
export function CheckedCitations({ tabId, result, pending, onGoTo, onOpen }: CheckedCitationsProps) {
  const { settings, loaded, update } = useSettings();
  // Checks start on the whole list, so the order (on screen first, then reading order) covers every citation;
  // the report, the watch and the check summary wait for it too.
  const whole = pending === 0;
  const checks = useLinkChecks(tabId, result, settings, loaded && whole);
  const { known, statuses } = checks;
  const [filter, setFilter] = useState<CitationStatus | null>(null);
  const [feedback, setFeedback] = useState<string | null>(null);
  const now = useClock(CLOCK_TICK_MS);
  const watching = useArticleWatch(result);
  const { watch, histories } = watching;
  const publishedTime = result.article.metadata.publishedTime;
  const onOpenUrl = useCallback(
    (url: string) => {
      openInNewTab(url, tabId).catch((error: unknown) => {
        console.error('Cited: could not open the archived copy', error);
      });
    },
    [tabId],
  );

  useDismissAfter(feedback, () => setFeedback(null), FEEDBACK_MS);
  useEffect(() => {
    if (checks.error) setFeedback(checks.error);
  }, [checks.error]);

  const counts = useMemo(() => countStatuses(statuses), [statuses]);
  const progress = useMemo(() => progressOf(statuses), [statuses]);
  // Quotations are looked for once every link has its verdict, so the two never share a host at once; a page both
  // quoted and compared with its archived copy is read once.
  const linksDone = progress.total > 0 && progress.done === progress.total;
  // The reader's re-check reads those sources again too, once their links are checked again.
  const refresh = useSourceRefresh(result);
  const recheck = useCallback(
    (citations: Citation[]) => {
      checks.recheck(citations);
      refresh.add(citations);
    },
    [checks.recheck, refresh.add],
  );
  const run = useSourceRun(result, refresh.round);
  const quotes = useQuoteChecks(
    result,
    linksDone,
    undefined,
    () => ({
      run,
      settings,
      publishedTime,
      archives: panelLinkFacts(result, known).archives,
      force: refresh.urls,
    }),
    refresh.round,
  );
  const changes = useComparisons({
    result,
    ready: linksDone && ![...known.archives.values()].some((archive) => archive.looking),
    results: () => panelLinkFacts(result, known).results,
    archives: () => panelLinkFacts(result, known).archives,
    settings,
    run,
    round: refresh.round,
    force: refresh.urls,
  });
  // A filter on a status no row has any more (the last check finished) shows everything again.
  const activeFilter = filter !== null && counts[filter] > 0 ? filter : null;

  const access: ArchiveAccess = settings.neverContactThirdParties
    ? 'forbidden'
    : archiveLookupsAllowed(settings)
      ? 'allowed'
      : 'needs-consent';
  const archiveHost = endpointHost(settings.archiveEndpoint);

  const allowArchive = useCallback(() => {
    update({ archiveLookups: true }).catch((error: unknown) =>
      setFeedback(`Could not turn archive lookups on: ${errorMessage(error)}`),
    );
  }, [update]);

  const statusFor = useCallback(
    (citation: Citation): RowStatus => {
      const state = known.states.get(keyOf(citation.url));
      return checkedRowStatus(citation, state?.status ?? 'not-checked', state?.result?.reason);
    },
    [known],
  );

  const referenceChecksFor = useCallback(
    (citation: Citation) =>
      referenceChecksOf(citation, (url) => known.states.get(keyOf(url))?.status ?? 'not-checked'),
    [known],
  );

  // A checked source the panel did not compare by itself, cited at a known moment: the reader may ask for it.
  const offerComparison = useCallback(
    (citation: Citation) =>
      access === 'allowed' &&
      isVerdict(known.states.get(keyOf(citation.url))?.status ?? 'not-checked') &&
      !changes.changes.has(citation.url) &&
      citedAt(citation, publishedTime) !== null,
    [access, known, changes, publishedTime],
  );

  // The details reach a reference's own links through the row's onGoTo; a new onGoTo need not redraw every row.
  const goTo = useRef(onGoTo);
  goTo.current = onGoTo;
  // "Copy evidence" reads the report when pressed, so new verdicts need not redraw the open details.
  const latestReport = useRef<() => CitedReport>(() => {
    throw new Error('The panel has not made its report yet.');
  });
  const renderDetails = useCallback(
    (citation: Citation) => (
      <>
        <ReferenceLinks citation={citation} onShow={(index) => goTo.current(citation, index)} />
        <CheckDetails
          citation={citation}
          state={known.states.get(keyOf(citation.url))}
          archive={archiveOf(known, citation, publishedTime)}
          archiveAccess={access}
          archiveHost={archiveHost}
          now={now}
          onRecheck={(one) => recheck([one])}
          onLookupArchive={(one) => void checks.lookupArchive(one)}
          onAllowArchive={allowArchive}
          onOpenUrl={onOpenUrl}
          watch={watch ? <WatchedSourceDetails history={histories.get(keyOf(citation.url))} /> : undefined}
          actions={
            <CopyEvidence
              evidence={() => citationEvidence(latestReport.current(), citation.url)}
              copy={copyText}
            />
          }
        />
        {offerComparison(citation) ? (
          <CompareSource
            state={(changes.asked.get(citation.url) as ComparisonRequest | undefined) ?? 'idle'}
            onCompare={() => changes.compare(citation)}
          />
        ) : null}
      </>
    ),
    [
      known,
      publishedTime,
      access,
      archiveHost,
      now,
      checks,
      recheck,
      allowArchive,
      onOpenUrl,
      watch,
      histories,
      offerComparison,
      changes,
    ],
  );

  const quoteLine = useCallback(
    (check: SourceQuoteCheck | typeof QUOTES_RUNNING): RowLine | null => {
      // A running check has no address of its own yet: nothing on its line links anywhere.
      if (!('verdicts' in check))
        return { status: 'checking', line: <QuoteLine verdicts={null} sourceUrl="" onOpenUrl={onOpenUrl} /> };
      const status = rowQuoteStatus(check.verdicts);
      return status
        ? {
            status,
            line: (
              <QuoteLine
                verdicts={check.verdicts}
                sourceUrl={check.finalUrl ?? check.url}
                onOpenUrl={onOpenUrl}
              />
            ),
          }
        : null;
    },
    [onOpenUrl],
  );
  const quoteFor = useRowLine(
    useCallback(
      (citation: Citation) =>
        citation.quotes.length === 0
          ? null
          : (quotes.checks.get(citation.url) ?? (quotes.running ? QUOTES_RUNNING : null)),
      [quotes],
    ),
    quoteLine,
  );
  useEffect(() => {
    if (changes.error) setFeedback(changes.error);
  }, [changes.error]);
  const changeFor = useRowLine(
    useCallback(
      (citation: Citation) =>
        changes.changes.get(citation.url) ??
        (changes.asked.get(citation.url) === 'comparing' ? COMPARING : null),
      [changes],
    ),
    useCallback(
      (change: SourceChange | typeof COMPARING): RowLine =>
        'status' in change
          ? { status: change.status, line: <ChangeLine change={change} onOpenUrl={onOpenUrl} /> }
          : { status: 'checking', line: <ChangeLine change={null} onOpenUrl={onOpenUrl} /> },
      [onOpenUrl],
    ),
  );
  const compared = useMemo(() => [...changes.changes.values()], [changes]);
  const quoteVerdicts = useMemo(
    () => [...quotes.checks.values()].flatMap((check) => check.verdicts),
    [quotes],
  );

  const report = () => panelReport(result, known, new Date(), [...quotes.checks.values()], compared);
  latestReport.current = report;

  return (
    <>
      <StatusPalette />
      <SummaryCounts citations={result.citations} pending={pending} />
      {whole && watching.loaded && (watching.watch || result.citations.length > 0) ? (
        <ArticleWatch
          watch={watching.watch}
          histories={histories}
          busy={watching.busy}
          message={watching.message}
          onWatch={watching.start}
          onUnwatch={watching.stop}
          onRecheck={watching.recheck}
          onSeen={watching.seen}
        />
      ) : null}
      <QuoteSummary verdicts={quoteVerdicts} />
      <ChangeSummary changes={compared} />
      {whole && result.citations.length > 0 ? (
        <CheckSummary
          statuses={statuses}
          filter={activeFilter}
          onFilterChange={setFilter}
          onStop={checks.stop}
          {...(settings.autoCheck || !loaded ? {} : { onStart: checks.start })}
          actions={
            <ReportActions
              canRecheck={!progress.running}
              onRecheckAll={() => recheck(result.citations)}
              onCopyMarkdown={() => {
                copyReportMarkdown(report()).then(
                  () => setFeedback('Report copied as Markdown'),
                  (error: unknown) => setFeedback(`Could not copy: ${errorMessage(error)}`),
                );
              }}
              onDownload={(format) => {
                try {
                  setFeedback(`Saved ${downloadReport(report(), format)}`);
                } catch (error) {
                  setFeedback(`Could not save the report: ${errorMessage(error)}`);
                }
              }}
              feedback={feedback}
            />
          }
        />
      ) : null}
      {whole && checks.beyondLimit > 0 && (settings.autoCheck || progress.done > 0 || progress.running) ? (
        <CheckLimitNotice
          notChecked={checks.beyondLimit}
          limit={AUTOMATIC_CHECK_LIMIT}
          onCheck={checks.checkRest}
        />
      ) : null}
      {progress.broken > 0 && access === 'needs-consent' ? (
        <ArchiveConsent
          broken={progress.broken}
          archiveHost={archiveHost}
          onAllow={allowArchive}
          onOpenSettings={openSettingsPage}
        />
      ) : null}
      <CitationsView
        citations={result.citations}
        source={result.source}
        onGoTo={onGoTo}
        onOpen={onOpen}
        statusFor={statusFor}
        renderDetails={renderDetails}
        quoteFor={quoteFor}
        referenceChecksFor={referenceChecksFor}
        changeFor={changeFor}
        statusFilter={activeFilter ? { code: activeFilter, label: statusMeta(activeFilter).label } : null}
        onClearStatusFilter={() => setFilter(null)}
      />
      {result.siteLinks?.length ? <SiteLinks links={result.siteLinks} onOpen={onOpenUrl} /> : null}
    </>
  );
}

/** The time now, refreshed now and then, so "checked 5 minutes ago" stays true while the panel stays open. */
function useClock(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/**
 * The pages read and lookups made for one capture's quote checks and comparisons: a new capture, or a re-check by
 * the reader, starts afresh.
 */
function useSourceRun(result: CaptureResult, round: number): PanelSourceRun {
  const held = useRef<{ result: CaptureResult; round: number; run: PanelSourceRun } | null>(null);
  if (held.current?.result !== result || held.current.round !== round)
    held.current = { result, round, run: newSourceRun() };
  return held.current.run;
}

/**
 * The sources the reader re-checked in this capture (by `keyOf`), so their kept quote checks and comparisons are
 * not reused, and a round that goes up with each re-check. A re-check made before the last one ran still counts.
 */
function useSourceRefresh(result: CaptureResult) {
  const [refresh, setRefresh] = useState({
    result,
    round: 0,
    urls: new Set<string>() as ReadonlySet<string>,
  });
  const add = useCallback(
    (citations: Citation[]) =>
      setRefresh((now) => ({
        result,
        round: now.round + 1,
        urls: new Set([...(now.result === result ? now.urls : []), ...citations.map((c) => keyOf(c.url))]),
      })),
    [result],
  );
  const current = refresh.result === result ? refresh : { round: 0, urls: new Set<string>() };
  return { round: current.round, urls: current.urls, add };
}
