import type { CDPSession } from '@playwright/test';

/**
 * A target's memory as DevTools reads it: its JS heap after a forced collection, for any target (page, side panel,
 * service worker), through the browser's CDP session (`Target.sendMessageToTarget`, so workers, which Playwright
 * gives no session of their own, are reached too).
 */

export interface TargetMemory {
  /** Bytes of the JS heap in use after a full collection. */
  heapBytes: number;
  /** Listeners on the DOM (pages only; null in a worker, which has no DOM). */
  domListeners: number | null;
}

interface Reply {
  id: number;
  result?: Record<string, unknown>;
  error?: { message: string };
}

export async function targetMemory(session: CDPSession, targetId: string): Promise<TargetMemory> {
  const { sessionId } = await session.send('Target.attachToTarget', { targetId, flatten: false });
  let lastId = 0;
  const waiting = new Map<number, (reply: Reply) => void>();
  const onMessage = (event: { sessionId?: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as Reply;
    waiting.get(reply.id)?.(reply);
  };
  session.on('Target.receivedMessageFromTarget', onMessage);
  const send = (method: string, params: Record<string, unknown> = {}) =>
    new Promise<Reply>((resolve, reject) => {
      const id = ++lastId;
      waiting.set(id, resolve);
      session
        .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) })
        .catch(reject);
    });
  try {
    await send('HeapProfiler.collectGarbage');
    const heap = await send('Runtime.getHeapUsage');
    const counters = await send('Memory.getDOMCounters');
    return {
      heapBytes: Number(heap.result?.usedSize ?? Number.NaN),
      domListeners: counters.error ? null : Number(counters.result?.jsEventListeners ?? Number.NaN),
    };
  } finally {
    session.off('Target.receivedMessageFromTarget', onMessage);
    await session.send('Target.detachFromTarget', { sessionId }).catch(() => {});
  }
}
