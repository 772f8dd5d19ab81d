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
  args?: {
    frame?: string;
    data?: { frame?: string };
  };
}

const CATEGORIES = ['toplevel', 'disabled-by-default-devtools.timeline', 'devtools.timeline'].join(',');

export interface Recording {
  /**
   * Stops tracing and returns the longest main-thread task (ms) of each named page, given as name → its CDP
   * target id (NaN when the trace never saw that page's frame).
   */
  stop(pages: Map<string, string>): Promise<Map<string, number>>;
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

function longestTasks(events: TraceEvent[], frameIds: Map<string, string>): Map<string, number> {
  // A page target's id is its main frame's id: the events that name the frame run on its renderer's main thread.
  const threadOf = new Map<string, string>();
  for (const event of events) {
    const frame = event.args?.frame ?? event.args?.data?.frame;
    if (typeof frame === 'string' && !threadOf.has(frame)) threadOf.set(frame, `${event.pid}:${event.tid}`);
  }
  const longest = new Map<string, number>();
  for (const [name, frameId] of frameIds) {
    const thread = threadOf.get(frameId);
    let max = thread === undefined ? Number.NaN : 0;
    let worst: TraceEvent | undefined;
    for (const event of events) {
      if (event.name !== 'RunTask' || event.ph !== 'X' || `${event.pid}:${event.tid}` !== thread) continue;
      if ((event.dur ?? 0) / 1000 > max) {
        max = (event.dur ?? 0) / 1000;
        worst = event;
      }
    }
    longest.set(name, max);
    if (worst && process.env.CITED_BENCH_EXPLAIN) explain(name, worst, events);
  }
  return longest;
}

/** CITED_BENCH_EXPLAIN=1: what ran inside the longest task, the longest first (where to look next). */
function explain(name: string, task: TraceEvent, events: TraceEvent[]): void {
  const end = task.ts + (task.dur ?? 0);
  const inside = events
    .filter((e) => e.pid === task.pid && e.tid === task.tid && e.ph === 'X' && e !== task)
    .filter((e) => e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end && (e.dur ?? 0) > 2000)
    .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
    .slice(0, 15);
  console.log(`${name}: longest task ${((task.dur ?? 0) / 1000).toFixed(1)} ms contains:`);
  for (const e of inside) {
    console.log(
      `  ${((e.dur ?? 0) / 1000).toFixed(1)} ms ${e.name} ${JSON.stringify(e.args ?? {}).slice(0, 200)}`,
    );
  }
}
