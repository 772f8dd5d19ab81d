import type { CdpBrowser } from './cdp-pipe';

/**
 * A target's memory as DevTools reads it: its JS heap after a forced collection, for any target (page, side panel,
 * service worker), through a session of its own that is closed again at once.
 */

export interface TargetMemory {
  /** Bytes of the JS heap in use after a full collection. */
  heapBytes: number;
  /** Listeners on the DOM (pages only; null in a worker, which has no DOM). */
  domListeners: number | null;
}

export async function targetMemory(cdp: CdpBrowser, targetId: string): Promise<TargetMemory> {
  const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', {
    targetId,
    flatten: true,
  });
  try {
    await cdp.send('HeapProfiler.collectGarbage', {}, sessionId);
    const heap = await cdp.send<{ usedSize: number }>('Runtime.getHeapUsage', {}, sessionId);
    const counters = await cdp
      .send<{ jsEventListeners: number }>('Memory.getDOMCounters', {}, sessionId)
      .catch(() => null);
    return {
      heapBytes: Number(heap.usedSize ?? Number.NaN),
      domListeners: counters ? Number(counters.jsEventListeners ?? Number.NaN) : null,
    };
  } finally {
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => {});
  }
}
