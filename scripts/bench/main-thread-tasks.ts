import type { CdpBrowser } from './cdp-pipe';

/**
 * The longest task a page's renderer main thread ran, from Chromium's own trace (the `RunTask` events DevTools'
 * performance panel draws), found by the page's frame id.
 */

interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread time: what the task spent on the CPU, without the time other processes took the core. */
  tdur?: number;
  args?: {
    frame?: string;
    data?: { frame?: string };
  };
}

const CATEGORIES = [
  'toplevel',
  'disabled-by-default-devtools.timeline',
  'devtools.timeline',
  'blink.user_timing',
].join(',');

/** A page's main-thread tasks over a recording. */
export interface PageTasks {
  /** The longest task, ms (NaN when the trace never saw that page's frame). */
  longestMs: number;
  /** Tasks longer than LONG_TASK_MS: a steadier figure than the longest one on a busy machine. */
  overLimit: number;
  /** The most CPU time one task used, ms: what the longest task would be on an idle machine (NaN if untraced). */
  longestCpuMs: number;
}

/** The limit for one task, and the browser's own definition of a long task. */
export const LONG_TASK_MS = 50;

/** A `performance.mark` a page's scripts set, as a boundary between two phases of a run: its first or last setting. */
export interface PhaseMark {
  mark: string;
  time: 'first' | 'last';
}

export interface Recording {
  /**
   * Stops tracing and returns the tasks of each named page, given as name → its CDP target id. A page named in
   * `splits` (name → the marks that end each phase but the last, in order) also gets `name:0`, `name:1`, ...: its
   * tasks in each phase, a task counted in the phase it began in. A phase whose mark the trace never saw is missing.
   */
  stop(pages: Map<string, string>, splits?: Map<string, PhaseMark[]>): Promise<Map<string, PageTasks>>;
}

export async function recordMainThreadTasks(session: CdpBrowser): Promise<Recording> {
  // The browser keeps the trace until the end: streaming it to this process as it is recorded would make the
  // browser and Node serialise and parse megabytes during the run, CPU the measured pages would compete with.
  await session.send('Tracing.start', {
    categories: CATEGORIES,
    transferMode: 'ReturnAsStream',
    streamFormat: 'json',
    options: 'record-continuously',
  });
  return {
    async stop(pages, splits = new Map()) {
      const complete = new Promise<string>((resolve) => {
        const onComplete = (params: { stream?: unknown }) => {
          session.off('Tracing.tracingComplete', onComplete);
          resolve(String(params.stream ?? ''));
        };
        session.on('Tracing.tracingComplete', onComplete);
      });
      await session.send('Tracing.end');
      const events = await readTrace(session, await complete);
      return longestTasks(events, pages, splits);
    },
  };
}

/**
 * Reads the stream `{"traceEvents":[{...},{...}...]}` one event at a time: a 2,000-citation run's trace is larger
 * than one JavaScript string may be. Keeps only the events `longestTasks` and `explain` look at.
 */
async function readTrace(session: CdpBrowser, handle: string): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  let depth = 0;
  let inString = false;
  let escaped = false;
  let pending = '';
  for (;;) {
    const { data, eof, base64Encoded } = await session.send<{
      data: string;
      eof: boolean;
      base64Encoded?: boolean;
    }>('IO.read', { handle, size: 4 * 1024 * 1024 });
    const text = base64Encoded ? Buffer.from(data, 'base64').toString('utf8') : data;
    let start = depth >= 3 ? 0 : -1;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (inString) {
        if (escaped) escaped = false;
        else if (code === 92 /* \ */) escaped = true;
        else if (code === 34 /* " */) inString = false;
      } else if (code === 34) inString = true;
      else if (code === 123 /* { */ || code === 91 /* [ */) {
        if (++depth === 3) start = i;
      } else if (code === 125 /* } */ || code === 93 /* ] */) {
        if (depth-- === 3) {
          keepIfUseful(JSON.parse(pending + text.slice(start, i + 1)) as TraceEvent, events);
          pending = '';
          start = -1;
        }
      }
    }
    if (start >= 0) pending += text.slice(start);
    if (eof) break;
  }
  await session.send('IO.close', { handle });
  return events;
}

function keepIfUseful(event: TraceEvent, events: TraceEvent[]): void {
  const namesFrame = event.args?.frame !== undefined || event.args?.data?.frame !== undefined;
  const explainable = event.ph === 'X' && (event.dur ?? 0) > 2000;
  const mark = event.cat?.includes('blink.user_timing') ?? false;
  if (event.name === 'RunTask' || namesFrame || explainable || mark) events.push(event);
}

function longestTasks(
  events: TraceEvent[],
  frameIds: Map<string, string>,
  splits: Map<string, PhaseMark[]>,
): Map<string, PageTasks> {
  // A page target's id is its main frame's id: the events that name the frame run on its renderer's main thread.
  const threadOf = new Map<string, string>();
  for (const event of events) {
    const frame = event.args?.frame ?? event.args?.data?.frame;
    if (typeof frame === 'string' && !threadOf.has(frame)) threadOf.set(frame, `${event.pid}:${event.tid}`);
  }
  const tasks = new Map<string, PageTasks>();
  for (const [name, frameId] of frameIds) {
    const thread = threadOf.get(frameId);
    const ofThread = events.filter(
      (event) => event.name === 'RunTask' && event.ph === 'X' && `${event.pid}:${event.tid}` === thread,
    );
    tasks.set(name, summarise(name, thread === undefined ? null : ofThread, events));
    const marks = splits.get(name);
    if (marks === undefined || thread === undefined) continue;
    const bounds = marks.map(({ mark, time }) => {
      const times = events.filter((e) => e.name === mark && `${e.pid}:${e.tid}` === thread).map((e) => e.ts);
      if (times.length === 0) return Number.NaN;
      const at = time === 'first' ? Math.min(...times) : Math.max(...times);
      // The task that set the mark is part of what the mark names: of what begins at its first setting (the task
      // that ran the script), of what ends at its last (the task that served the last part).
      const holder = ofThread
        .filter((e) => e.ts <= at && at <= e.ts + (e.dur ?? 0))
        .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))[0];
      if (!holder) return at;
      return time === 'first' ? holder.ts : holder.ts + (holder.dur ?? 0);
    });
    const edges = [Number.NEGATIVE_INFINITY, ...bounds, Number.POSITIVE_INFINITY];
    for (let phase = 0; phase < edges.length - 1; phase++) {
      const from = edges[phase] ?? Number.NaN;
      const to = edges[phase + 1] ?? Number.NaN;
      if (Number.isNaN(from) || Number.isNaN(to)) continue;
      const label = `${name} ${phase === 0 ? 'start' : marks[phase - 1]?.mark} to ${marks[phase]?.mark ?? 'end'}`;
      tasks.set(
        `${name}:${phase}`,
        summarise(
          label,
          ofThread.filter((e) => e.ts >= from && e.ts < to),
          events,
        ),
      );
    }
  }
  return tasks;
}

/** The longest of `tasks` (null: the trace never saw the page) and the one with the most CPU time. */
function summarise(name: string, tasks: TraceEvent[] | null, events: TraceEvent[]): PageTasks {
  let max = tasks === null ? Number.NaN : 0;
  let overLimit = 0;
  let longestCpu = Number.NaN;
  let worst: TraceEvent | undefined;
  let busiest: TraceEvent | undefined;
  for (const event of tasks ?? []) {
    const ms = (event.dur ?? 0) / 1000;
    if (ms > LONG_TASK_MS) overLimit++;
    if (event.tdur !== undefined && !(event.tdur / 1000 <= longestCpu)) {
      longestCpu = event.tdur / 1000;
      busiest = event;
    }
    if (ms > max) {
      max = ms;
      worst = event;
    }
  }
  if (worst && process.env.CITED_BENCH_EXPLAIN) explain(`${name}: longest task`, worst, events);
  if (busiest && busiest !== worst && process.env.CITED_BENCH_EXPLAIN)
    explain(`${name}: task with the most CPU time`, busiest, events);
  return { longestMs: max, overLimit, longestCpuMs: longestCpu };
}

/** CITED_BENCH_EXPLAIN=1: what ran inside the longest task, the longest first (where to look next). */
function explain(name: string, task: TraceEvent, events: TraceEvent[]): void {
  const end = task.ts + (task.dur ?? 0);
  const inside = events
    .filter((e) => e.pid === task.pid && e.tid === task.tid && e.ph === 'X' && e !== task)
    .filter((e) => e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end && (e.dur ?? 0) > 2000)
    .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
    .slice(0, 15);
  console.log(
    `${name} ${((task.dur ?? 0) / 1000).toFixed(1)} ms (CPU ${((task.tdur ?? Number.NaN) / 1000).toFixed(1)} ms) contains:`,
  );
  for (const e of inside) {
    console.log(
      `  ${((e.dur ?? 0) / 1000).toFixed(1)} ms ${e.name} ${JSON.stringify(e.args ?? {}).slice(0, 200)}`,
    );
  }
}
