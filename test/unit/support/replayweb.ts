/**
 * ReplayWeb.page's own engine (wabac.js 2.27.1, `@webrecorder/wabac`) run in Node, to open our archives the way
 * a reader's ReplayWeb.page does: its service worker (`SWReplay`) adds the file as a collection and answers
 * replay requests, following its own redirects.
 *
 * wabac.js is written for a service worker, so this file gives it the least of one: `self` (Node's global),
 * `location` (the worker's URL; `useHashCheck=1` is the switch ReplayWeb.page passes so the loader checks the
 * datapackage hashes), `registration.scope` (the replay prefix), `addEventListener` and `clients` (the worker's
 * start-up hooks, never fired here). IndexedDB comes from fake-indexeddb, as for Cited's own stores. Vitest
 * runs each test file in its own context, so these globals stay in the file that opens an archive.
 */
import 'fake-indexeddb/auto';

const SCOPE = 'https://replay.invalid/';

interface ReplayGlobals {
  self: unknown;
  location: URL;
  registration: { scope: string };
  addEventListener: (type: string, listener: unknown) => void;
  clients: { claim: () => Promise<void> };
}

export interface ReplayedPage {
  id: string;
  url: string;
  /** Milliseconds, as wabac.js keeps a page's time. */
  ts: number;
  title?: string;
}

export interface ReplayAnswer {
  status: number;
  body: Uint8Array;
  /** The replay addresses visited, the first one asked and each redirect the engine gave. */
  hops: string[];
}

export interface OpenedArchive {
  /** `false` when the loader refused the file; then `output` says why. */
  added: boolean;
  /** The collection's metadata as the loader read it (title, size ...). */
  metadata: Record<string, unknown>;
  pages: ReplayedPage[];
  /** What the loader printed and reported while adding the file and answering requests, in order. */
  output: string[];
  /** The archived response at `url`, nearest to `timestamp` (14 digits), unmodified (`id_`). */
  fetchRaw: (url: string, timestamp: string) => Promise<ReplayAnswer>;
  /** wabac.js's verification summary (numValid, numInvalid, datapackageHash, publicKey ...). */
  verifyInfo: () => Promise<Record<string, unknown>>;
  /** Every verification entry: id, expected, matched. */
  verifyEntries: () => Promise<Array<{ id: string; expected: unknown; matched: unknown }>>;
}

let replay: Promise<import('@webrecorder/wabac/swlib').SWReplay> | undefined;

function startReplay() {
  replay ??= (async () => {
    const globals = globalThis as unknown as ReplayGlobals;
    globals.self = globalThis;
    globals.location = new URL(`${SCOPE}sw.js?useHashCheck=1`);
    globals.registration = { scope: SCOPE };
    globals.addEventListener = () => {};
    globals.clients = { claim: async () => {} };
    const { SWReplay } = await import('@webrecorder/wabac/swlib');
    const sw = new SWReplay();
    await sw.collections.inited;
    return sw;
  })();
  return replay;
}

let collections = 0;

/** Adds `bytes` (a .wacz) to ReplayWeb.page's engine as a new collection, as a reader's "Load archive" does. */
export async function openInReplayWeb(bytes: Uint8Array, fileName: string): Promise<OpenedArchive> {
  const sw = await startReplay();
  const name = `coll${++collections}`;
  const output: string[] = [];
  // The loader reports as it works (indexes loaded, records read) on the console: keep its words in order.
  const listening = async <T>(work: () => Promise<T>): Promise<T> => {
    const { log, warn } = console;
    console.log = (...args: unknown[]) => output.push(args.map(String).join(' '));
    console.warn = (...args: unknown[]) => output.push(`warning: ${args.map(String).join(' ')}`);
    try {
      return await work();
    } finally {
      Object.assign(console, { log, warn });
    }
  };
  const added = await listening(() =>
    sw.collections.addCollection(
      {
        name,
        file: {
          sourceUrl: `file://${fileName}`,
          name: fileName,
          size: bytes.length,
          extra: { arrayBuffer: bytes },
        },
      },
      (percent: number, error: string | null) => {
        output.push(error ? `error: ${error}` : `progress: ${percent}%`);
      },
    ),
  );
  const store = added ? (added.store as unknown as WabacStore) : undefined;
  const pages = store ? ((await store.getAllPages()) as ReplayedPage[]) : [];

  const fetchRaw = async (url: string, timestamp: string): Promise<ReplayAnswer> => {
    const hops = [`${SCOPE}w/${name}/${timestamp}id_/${url}`];
    for (;;) {
      const current = hops[hops.length - 1] as string;
      const response = await listening(() =>
        sw.handleFetch({ request: new Request(current), waitUntil() {} } as never),
      );
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location && hops.length < 5) {
        hops.push(new URL(location, current).href);
        continue;
      }
      return { status: response.status, body: new Uint8Array(await response.arrayBuffer()), hops };
    }
  };

  return {
    added: Boolean(added),
    metadata: (added ? added.config.metadata : {}) as Record<string, unknown>,
    pages,
    output,
    fetchRaw,
    verifyInfo: async () => (store ? store.getVerifyInfo() : {}),
    verifyEntries: async () => (store?.db ? store.db.getAll('verification') : []),
  };
}

/** The parts of wabac.js's MultiWACZ store these tests read (its own types leave them untyped). */
interface WabacStore {
  getAllPages(): Promise<unknown[]>;
  getVerifyInfo(): Promise<Record<string, unknown>>;
  db?: { getAll(store: string): Promise<Array<{ id: string; expected: unknown; matched: unknown }>> };
}
