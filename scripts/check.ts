/**
 * `npm run check -- <html file> --url <original URL> [options]`: check a saved article's citations from Node,
 * with the same capture and the same link checker as the extension, and print the report.
 *
 * Exit codes (for CI): 0 when no citation is dead or a soft 404, 1 when at least one is, 2 for a usage error
 * (bad arguments, unreadable file), 3 when something else went wrong. Blocked, rate-limited and unreachable
 * citations do not fail the run: Cited could not verify them, which is not the same as broken.
 *
 * With `--state FILE` the run is one of a series (a newsroom's scheduled CI job): each run's verdicts are recorded
 * in FILE, the report ends with what changed since the previous run, and the exit code is 1 only when a source is
 * dead under the three-strikes rule of core/watch, never after one failed check.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Agent, ProxyAgent, fetch as undiciFetch } from 'undici';
import { lookupOnce } from '../core/archive/lookup-once';
import { lookupArchivedCopies } from '../core/archive/wayback';
import { captureArticle } from '../core/capture/index';
import { checkArticle } from '../core/check-run/article-check';
import type { Citation } from '../core/citations/types';
import { LinkChecker } from '../core/linkcheck/checker';
import { systemClock } from '../core/linkcheck/clock';
import { RequestScheduler } from '../core/linkcheck/scheduler';
import { type FetchLike, isBrokenStatus } from '../core/linkcheck/types';
import { checkKey, hostKey } from '../core/linkcheck/url';
import { checkArticleQuotes } from '../core/quote-check/article-quotes';
import { loadPdfJs, pdfTextReader } from '../core/quote-check/pdf-text';
import type { QuoteSourceDeps } from '../core/quote-check/source-check';
import {
  buildReport,
  citationEvidence,
  reportToCsv,
  reportToJson,
  reportToMarkdown,
} from '../core/report/index';
import { buildWatchReport, type WatchReport, watchReportToMarkdown } from '../core/report/watch';
import { DEFAULT_SETTINGS } from '../core/settings/settings';
import { checkArticleChanges } from '../core/source-change/article-changes';
import { recordRun } from '../core/watch/run-record';
import { findingsBySource } from '../core/watch/source-events';
import {
  emptyWatchState,
  lastRunOf,
  parseWatchState,
  serializeWatchState,
  WatchStateError,
  type WatchStateFile,
  withRun,
} from '../core/watch/state-file';

export const USAGE = `Usage: npm run check -- <html file> --url <original URL> [options]

Checks every citation of a saved article and prints a report (Markdown by default). Quotations the article
attributes to a source are looked for in that source's text (one more request per quoted source; its archived
copy too when the live page no longer has them, unless --no-third-party). Quoted sources and sources that no
longer stand are compared with their archived copy from before the article (or the reference's access date):
unchanged, edited, replaced or gone (archive requests: not with --no-third-party).

Options:
  --url URL                 the address the article was published at (required: links resolve against it)
  --json                    print the report as JSON (schema cited.report, version 1)
  --csv                     print the report as CSV
  --evidence N|URL          check only that citation (its number in the report, or its address) and print its
                            evidence as plain text, to paste into a correction request: its verdicts, dated,
                            its quotations with the source's words, its archived copies
  --archive-endpoint URL    Wayback availability API base (default https://archive.org)
  --replay-endpoint URL     Wayback replay base for the fallback (default https://web.archive.org,
                            or the archive endpoint when that is given)
  --no-third-party          never contact the archive (no archived copies are looked up)
  --concurrency N           requests in flight in all (default 8; never more than 2 per host)
  --timeout SECONDS         per request (default 15)
  --proxy URL               send every request through this HTTP proxy (e.g. Cited's test web)
  --insecure                do not verify TLS certificates (only for test proxies with throwaway certificates)
  --state FILE              record this run in FILE (created on the first run) and report what changed since
                            the previous one; a source is dead only after failing 3 checks at least 3 days apart
  --now DATE                run as of DATE (ISO 8601, e.g. 2026-03-09 or 2026-03-09T06:00:00Z): the date the
                            run is recorded and reported at, for reproducible reports and tests
  -h, --help                show this help

Exit codes: 0 no citation is dead or a soft 404; 1 at least one is; 2 usage error; 3 other failure.
With --state: 0 no source is dead under the three-strikes rule; 1 at least one is (a single failed check is not).`;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Live progress on a terminal. */
  interactive?: boolean;
}

class UsageError extends Error {}

interface CliOptions {
  file: string;
  url: string;
  format: 'markdown' | 'json' | 'csv';
  archiveEndpoint: string;
  replayEndpoint: string;
  thirdParty: boolean;
  concurrency: number;
  timeoutMs: number;
  proxy: string | null;
  insecure: boolean;
  state: string | null;
  /** The one citation to check and print the evidence of: its number in the report, or its address. */
  evidence: string | null;
  /** ms since the epoch: the moment the run is as of, when --now was given. */
  now: number | null;
}

function parseCli(argv: string[]): CliOptions | 'help' {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        url: { type: 'string' },
        json: { type: 'boolean', default: false },
        csv: { type: 'boolean', default: false },
        'archive-endpoint': { type: 'string' },
        'replay-endpoint': { type: 'string' },
        'no-third-party': { type: 'boolean', default: false },
        concurrency: { type: 'string', default: '8' },
        timeout: { type: 'string', default: '15' },
        proxy: { type: 'string' },
        insecure: { type: 'boolean', default: false },
        state: { type: 'string' },
        evidence: { type: 'string' },
        now: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0
        ? 'Give the saved article: one HTML file.'
        : `Give one HTML file, not ${positionals.length}.`,
    );
  }
  const url = values.url as string | undefined;
  if (!url) throw new UsageError('--url is required: the address the article was published at.');
  const httpUrl = (name: string, value: string) => {
    let parsed: URL;
    try {
      parsed = new URL(value);
    } catch {
      throw new UsageError(`${name} must be an absolute http(s) URL, got "${value}".`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new UsageError(`${name} must be an http(s) URL, got "${value}".`);
    }
    return parsed.href.replace(/\/$/, '');
  };
  httpUrl('--url', url);
  if (values.json && values.csv) throw new UsageError('Choose one of --json and --csv.');
  const evidence = (values.evidence as string | undefined)?.trim() ?? null;
  if (evidence !== null) {
    if (!evidence)
      throw new UsageError('--evidence needs a citation: its number in the report, or its address.');
    if (values.json || values.csv)
      throw new UsageError('--evidence prints plain text: leave out --json and --csv.');
    if (values.state) {
      throw new UsageError(
        '--evidence checks one citation, so it cannot record a run of the article in --state.',
      );
    }
  }
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256) {
    throw new UsageError(`--concurrency must be a whole number from 1 to 256, got "${values.concurrency}".`);
  }
  const timeout = Number(values.timeout);
  if (!Number.isFinite(timeout) || timeout <= 0 || timeout > 600) {
    throw new UsageError(`--timeout must be a number of seconds from 1 to 600, got "${values.timeout}".`);
  }
  const archiveEndpoint = values['archive-endpoint']
    ? httpUrl('--archive-endpoint', values['archive-endpoint'] as string)
    : 'https://archive.org';
  const replayEndpoint = values['replay-endpoint']
    ? httpUrl('--replay-endpoint', values['replay-endpoint'] as string)
    : values['archive-endpoint']
      ? archiveEndpoint
      : 'https://web.archive.org';
  let now: number | null = null;
  if (values.now !== undefined) {
    now = Date.parse(values.now as string);
    if (!/^\d{4}-\d{2}-\d{2}/.test(values.now as string) || Number.isNaN(now)) {
      throw new UsageError(`--now must be an ISO 8601 date such as 2026-03-09, got "${values.now}".`);
    }
  }
  return {
    file: positionals[0] as string,
    url,
    format: values.json ? 'json' : values.csv ? 'csv' : 'markdown',
    archiveEndpoint,
    replayEndpoint,
    thirdParty: !values['no-third-party'],
    concurrency,
    timeoutMs: Math.round(timeout * 1000),
    proxy: values.proxy ? httpUrl('--proxy', values.proxy as string) : null,
    insecure: Boolean(values.insecure),
    state: (values.state as string | undefined) ?? null,
    evidence,
    now,
  };
}

function nodeFetch(options: CliOptions): { fetch: FetchLike; close: () => Promise<void> } {
  if (!options.proxy && !options.insecure) {
    return { fetch: (input, init) => fetch(input, init), close: async () => {} };
  }
  const tls = options.insecure ? { rejectUnauthorized: false } : {};
  const dispatcher = options.proxy
    ? new ProxyAgent({ uri: options.proxy, requestTls: tls })
    : new Agent({ connect: tls });
  return {
    fetch: (input, init) =>
      undiciFetch(input, { ...(init as object), dispatcher } as never) as unknown as Promise<Response>,
    close: () => dispatcher.close(),
  };
}

export async function runCheckCli(argv: string[], io: CliIo): Promise<number> {
  let options: CliOptions | 'help';
  try {
    options = parseCli(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`cited check: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
  if (options === 'help') {
    io.stdout(`${USAGE}\n`);
    return 0;
  }

  let html: string;
  try {
    html = await readFile(options.file, 'utf8');
  } catch (error) {
    io.stderr(
      `cited check: cannot read "${options.file}": ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`,
    );
    return 2;
  }

  // The run's moment: --now, or the real clock. Under --now the checker's clock runs from that date too, so the
  // evidence and the report carry the same dates as the state file.
  const offsetMs = options.now === null ? 0 : options.now - Date.now();
  const now = () => Date.now() + offsetMs;
  const runAt = new Date(now()).toISOString();
  let state: WatchStateFile | null = null;
  if (options.state) {
    try {
      state = await readWatchState(options.state, options.url);
    } catch (error) {
      if (!(error instanceof WatchStateError)) throw error;
      io.stderr(`cited check: cannot use the state file "${options.state}": ${error.message}\n`);
      return 2;
    }
    const lastRun = lastRunOf(state);
    if (lastRun && Date.parse(runAt) < Date.parse(lastRun)) {
      io.stderr(
        `cited check: this run (${runAt}) is earlier than the last run recorded in "${options.state}" (${lastRun}): runs must go forward in time.\n`,
      );
      return 2;
    }
  }

  const { fetch, close } = nodeFetch(options);
  try {
    const dom = new JSDOM(html, { url: options.url });
    const capture = captureArticle(dom.window.document);
    dom.window.close();
    const one = options.evidence === null ? null : citationOf(capture.citations, options.evidence);
    if (one === undefined) {
      io.stderr(
        `cited check: --evidence must be a citation's number (1 to ${capture.citations.length}) or the address it links to, got "${options.evidence}".\n`,
      );
      return 2;
    }
    // With --evidence only that citation is checked; the report still numbers it among all of them.
    const checked = one ? { ...capture, citations: [one] } : capture;

    // The same orchestration as the extension's background worker (core/check-run), over Node's fetch.
    const total = checked.citations.length;
    let checker: LinkChecker | null = null;
    const headers = { 'User-Agent': 'Mozilla/5.0 (compatible; Cited link checker)' };
    const { results, archives } = await checkArticle(checked, {
      settings: {
        ...DEFAULT_SETTINGS,
        archiveLookups: options.thirdParty,
        archiveEndpoint: options.archiveEndpoint,
        maxRequests: options.concurrency,
      },
      createChecker: ({ globalConcurrency }) => {
        checker = new LinkChecker({
          fetch,
          redirectMode: 'manual',
          globalConcurrency,
          timeoutMs: options.timeoutMs,
          clock: { now, sleep: systemClock.sleep },
          headers,
        });
        return checker;
      },
      lookupArchive: (url, lookup) =>
        lookupArchivedCopies(url, {
          fetch,
          ...lookup,
          replayEndpoint: options.replayEndpoint,
          replayFallback: true,
        }),
      // Counted in addresses: a reference's archived copy and DOI / PMID links are checked with its source.
      onProgress: (checked, addresses) => {
        if (io.interactive) io.stderr(`\rChecked ${checked}/${addresses} links`);
      },
      now,
    });
    if (io.interactive && total > 0) io.stderr('\n');

    // The quoted sources' texts, through the link checker's own scheduler: one politeness for every request. A
    // page both quoted and compared with its archived copy is read once.
    const scheduler =
      (checker as LinkChecker | null)?.scheduler ?? new RequestScheduler({ global: options.concurrency });
    const reads: QuoteSourceDeps = {
      fetch,
      scheduler,
      mode: 'manual',
      headers,
      timeoutMs: options.timeoutMs,
      thirdParty: options.thirdParty,
      parseHtml: (source, url) =>
        new JSDOM(source, { url, virtualConsole: new VirtualConsole() }).window.document,
      // pdf.js' legacy build with its worker in this thread (Node has no web workers for it).
      readPdfText: pdfTextReader(loadPdfJs),
      reads: new Map(),
    };
    const lookup = lookupOnce(
      (url, publishedAt) =>
        lookupArchivedCopies(url, {
          fetch,
          thirdPartyAllowed: options.thirdParty,
          endpoint: options.archiveEndpoint,
          replayEndpoint: options.replayEndpoint,
          replayFallback: true,
          publishedAt,
          schedule: (target, task) => scheduler.run(hostKey(target), task),
        }),
      new Map(),
    );
    const publishedTime = capture.article.metadata.publishedTime;
    const [quoteChecks, changes] = await Promise.all([
      checkArticleQuotes(checked.citations, archives, reads, (url) => lookup(url, publishedTime)),
      checkArticleChanges(
        { citations: checked.citations, publishedTime, results, archives },
        { ...reads, lookupArchive: lookup },
      ),
    ]);
    const report = buildReport({ capture, results, archives, quoteChecks, changes, generatedAt: runAt });
    if (one) {
      io.stdout(citationEvidence(report, one.url));
      const status = report.citations.find((row) => row.url === one.url)?.status;
      return status && isBrokenStatus(status) ? 1 : 0;
    }
    let watch: WatchReport | null = null;
    if (options.state && state) {
      const run = recordRun(state.sources, results, runAt, {
        findings: findingsBySource(quoteChecks, archives),
      });
      await writeWatchState(options.state, withRun(state, runAt, run.sources));
      watch = buildWatchReport({ runAt, previousRunAt: lastRunOf(state), ...run });
    }
    if (options.format === 'json') io.stdout(reportToJson(watch ? { ...report, watch } : report));
    else if (options.format === 'csv') {
      io.stdout(reportToCsv(report));
      // CSV has one row per citation and no place for the changes: they go where a CI log shows them.
      if (watch) io.stderr(watchReportToMarkdown(watch));
    } else
      io.stdout(
        watch ? `${reportToMarkdown(report)}\n${watchReportToMarkdown(watch)}` : reportToMarkdown(report),
      );
    if (watch) return watch.byState.dead > 0 ? 1 : 0;
    return report.summary.broken > 0 ? 1 : 0;
  } finally {
    await close();
  }
}

/** The citation `--evidence` names: its number in the report, or its address (with or without a fragment). */
function citationOf(citations: readonly Citation[], wanted: string): Citation | undefined {
  if (/^\d+$/.test(wanted)) return citations[Number(wanted) - 1];
  const key = checkKey(wanted);
  return (
    citations.find((citation) => citation.url === wanted) ??
    citations.find((citation) => key !== null && checkKey(citation.url) === key)
  );
}

async function readWatchState(file: string, articleUrl: string): Promise<WatchStateFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return emptyWatchState(articleUrl);
    throw new WatchStateError(`it cannot be read (${code ?? (error as Error).message}).`);
  }
  return parseWatchState(text, articleUrl);
}

/** Written beside and renamed over, so a run stopped halfway leaves the previous state whole. */
async function writeWatchState(file: string, state: WatchStateFile): Promise<void> {
  const partial = `${file}.partial`;
  await writeFile(partial, serializeWatchState(state));
  await rename(partial, file);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runCheckCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    interactive: process.stderr.isTTY === true,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        `cited check: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = 3;
    },
  );
}
