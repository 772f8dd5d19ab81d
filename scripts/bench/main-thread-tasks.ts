import type { CDPSession } from '@playwright/test';

/**
 * The longest task a page's renderer main thread ran, from Chromium's own trace (the `RunTask` events DevTools'
 * performance panel draws), found by the page's frame id.
 */

interface TraceEvent {
  name: string;
  cat: string;
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

const CATEGORIES = ['toplevel', 'disabled-by-default-devtools.timeline', 'devtools.timeline'].join(',');

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

export interface Recording {
  /** Stops tracing and returns the tasks of each named page, given as name → its CDP target id. */
  stop(pages: Map<string, string>): Promise<Map<string, PageTasks>>;
}

export async function recordMainThreadTasks(session: CDPSession): Promise<Recording> {
  const events: TraceEvent[] = [];
  session.on('Tracing.dataCollected', ({ value }) => {
    events.push(...(value as unknown as TraceEvent[]));
  });
  await session.send('Tracing.start', {
    categories: CATEGORIES,
    transferMode: 'ReportEvents',
    options: 'record-continuously',
  });
  return {
    async stop(pages) {
      const complete = new Promise<void>((resolve) =>
        session.once('Tracing.tracingComplete', () => resolve()),
      );
      await session.send('Tracing.end');
      await complete;
      return longestTasks(events, pages);
    },
  };
}

function longestTasks(events: TraceEvent[], frameIds: Map<string, string>): Map<string, PageTasks> {
  // A page target's id is its main frame's id: the events that name the frame run on its renderer's main thread.
  const threadOf = new Map<string, string>();
  for (const event of events) {
    const frame = event.args?.frame ?? event.args?.data?.frame;
    if (typeof frame === 'string' && !threadOf.has(frame)) threadOf.set(frame, `${event.pid}:${event.tid}`);
  }
  const tasks = new Map<string, PageTasks>();
  for (const [name, frameId] of frameIds) {
    const thread = threadOf.get(frameId);
    let max = thread === undefined ? Number.NaN : 0;
    let overLimit = 0;
    let longestCpu = Number.NaN;
    let worst: TraceEvent | undefined;
    let busiest: TraceEvent | undefined;
    for (const event of events) {
      if (event.name !== 'RunTask' || event.ph !== 'X' || `${event.pid}:${event.tid}` !== thread) continue;
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
    tasks.set(name, { longestMs: max, overLimit, longestCpuMs: longestCpu });
    if (worst && process.env.CITED_BENCH_EXPLAIN) explain(`${name}: longest task`, worst, events);
    if (busiest && busiest !== worst && process.env.CITED_BENCH_EXPLAIN)
      explain(`${name}: task with the most CPU time`, busiest, events);
  }
  return tasks;
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
