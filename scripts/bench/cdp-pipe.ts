import { type ChildProcess, spawn } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';

/**
 * Chromium driven over a bare DevTools pipe (`--remote-debugging-pipe`: commands on its fd 3, replies and events on
 * fd 4, each message ended by a NUL byte), for the benchmarks that time the browser itself. Playwright enables the
 * Network domain on every target it knows, the extension's worker included: each link check then becomes half a
 * dozen DevTools events the browser serialises and Node parses, about 38,000 for a 2,000-citation article, and that
 * CPU is taken from the very panel being timed. Here only the domains a benchmark asks for are on.
 */

export type CdpParams = Record<string, unknown>;
type Listener = (params: CdpParams, sessionId: string | undefined) => void;

interface Message {
  id?: number;
  method?: string;
  params?: CdpParams;
  result?: CdpParams;
  error?: { message: string };
  sessionId?: string;
}

export interface CdpBrowser {
  /** Sends a command to the browser, or with `sessionId` to an attached target, and returns its result. */
  send<T = CdpParams>(method: string, params?: CdpParams, sessionId?: string): Promise<T>;
  on(method: string, listener: Listener): void;
  off(method: string, listener: Listener): void;
  /** Ends the browser (and waits until it has exited). */
  close(): Promise<void>;
  readonly process: ChildProcess;
}

export function launchOverPipe(executable: string, args: readonly string[]): CdpBrowser {
  const child = spawn(executable, [...args, '--remote-debugging-pipe'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'],
  });
  const toBrowser = child.stdio[3] as Writable;
  const fromBrowser = child.stdio[4] as Readable;
  const waiting = new Map<number, { resolve: (result: CdpParams) => void; reject: (error: Error) => void }>();
  const listeners = new Map<string, Set<Listener>>();
  let lastId = 0;
  let exited: Error | null = null;
  let pending: Buffer[] = [];

  const dispatch = (message: Message) => {
    if (message.id !== undefined) {
      const call = waiting.get(message.id);
      waiting.delete(message.id);
      if (message.error) call?.reject(new Error(message.error.message));
      else call?.resolve(message.result ?? {});
    } else if (message.method) {
      for (const listener of listeners.get(message.method) ?? [])
        listener(message.params ?? {}, message.sessionId);
    }
  };
  fromBrowser.on('data', (chunk: Buffer) => {
    let start = 0;
    for (let end = chunk.indexOf(0); end !== -1; end = chunk.indexOf(0, start)) {
      pending.push(chunk.subarray(start, end));
      dispatch(JSON.parse(Buffer.concat(pending).toString('utf8')) as Message);
      pending = [];
      start = end + 1;
    }
    if (start < chunk.length) pending.push(chunk.subarray(start));
  });
  const whenExited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exited = new Error(`Chromium exited (${signal ?? `code ${code}`})`);
      for (const call of waiting.values()) call.reject(exited);
      waiting.clear();
      resolve();
    }),
  );
  // A broken pipe shows as the exit above; without a listener it would end this process.
  toBrowser.on('error', () => {});
  fromBrowser.on('error', () => {});

  return {
    process: child,
    send<T>(method: string, params: CdpParams = {}, sessionId?: string) {
      if (exited) return Promise.reject(exited);
      const id = ++lastId;
      return new Promise<T>((resolve, reject) => {
        waiting.set(id, { resolve: resolve as (result: CdpParams) => void, reject });
        toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
      });
    },
    on(method, listener) {
      const set = listeners.get(method) ?? new Set();
      set.add(listener);
      listeners.set(method, set);
    },
    off(method, listener) {
      listeners.get(method)?.delete(listener);
    },
    async close() {
      if (!exited) {
        // Browser.close lets Chromium write its profile and end; a kill is the fallback for a hung browser.
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await Promise.race([this.send('Browser.close').catch(() => {}), whenExited]);
        await whenExited;
        clearTimeout(timer);
      }
    },
  };
}
