// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Citation } from '../../../core/citations/types';
import { DEFAULT_SETTINGS } from '../../../core/settings/settings';
import type { SourceChange } from '../../../core/source-change/types';
import { openChecksDb } from '../../../core/storage/checks-database';
import { IndexedDbSourceReadingStore } from '../../../core/storage/source-reading-store';
import { liveQuoteChecks } from '../../../entrypoints/sidepanel/quote-check-ports';
import type {
  SourceChangeInputs,
  SourceChangePorts,
} from '../../../entrypoints/sidepanel/source-change-ports';
import {
  rememberedQuoteChecks,
  rememberedSourceChanges,
  type SourceReadingPorts,
} from '../../../entrypoints/sidepanel/source-reading-ports';
import { newSourceRun } from '../../../entrypoints/sidepanel/source-run';
import { citation } from '../components/sample-capture';

// The panel's hidden frame, played by a jsdom page of its own that makes the links the same way.
vi.mock('../../../utils/text-fragment-frame', async () => {
  const { JSDOM } = await import('jsdom');
  const { textFragmentsInPage } = await import('../../../core/quote-check/text-fragment-page');
  return {
    frameTextFragments: async (doc: Document, passages: readonly string[]) =>
      textFragmentsInPage(
        new JSDOM('<!doctype html><body></body>').window as unknown as Window,
        doc.documentElement.outerHTML,
        passages,
      ),
  };
});

// The panel's quote checks and comparisons kept through the worker (here its IndexedDB store, without the message
// hop): the panel opened again on the same article sends no request for its quoted sources.

let counter = 0;
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  vi.unstubAllGlobals();
});

/** The worker's side, and a way to wait until what the panel asked it to keep is kept. */
async function workerStore(): Promise<SourceReadingPorts & { kept: () => Promise<unknown> }> {
  const db = await openChecksDb(`panel-readings-${++counter}`);
  const store = new IndexedDbSourceReadingStore(db);
  const writes: Promise<void>[] = [];
  // What the last open asked to keep is written before the database closes.
  closers.push(async () => {
    await Promise.allSettled(writes);
    db.close();
  });
  return {
    stored: (request) => store.fresh(request, Date.now()),
    keep: (readings) => {
      const write = store.put(readings);
      writes.push(write);
      return write;
    },
    kept: () => Promise.all(writes),
  };
}

const ferry = 'https://www.coastal-gazette.example/2021/03/ferry-timetable';
const quote = 'the ferry will sail every ninety minutes';
const quoted: Citation = {
  ...citation(ferry, 'external', [{ anchorText: 'timetable', sentence: 'It said so.', linkIndex: 1 }]),
  quotes: [quote],
};
const unquoted = citation('https://harbour.example/about', 'external', [
  { anchorText: 'harbour', sentence: 'The harbour.', linkIndex: 2 },
]);

/** The web as the panel's fetch sees it: the timetable page, counting every request. */
function stubWeb() {
  const requested: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string | URL) => {
      requested.push(String(input));
      const body = `<html><head><title>Timetable</title></head><body><article><h1>New ferry timetable</h1>
        <p>From April, the council says, the ferry will sail every ninety minutes on weekdays and every two hours at
        weekends, a change that islanders have asked for since the old pier closed three winters ago.</p>
        <p>The harbourmaster said the new boats would be ready in time and that the timetable would be posted at the
        terminal, online and at the library, where printed copies are already waiting for readers.</p></article>
        </body></html>`;
      return new Response(body, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } });
    }),
  );
  return requested;
}

const context = (force?: ReadonlySet<string>) => ({
  run: newSourceRun(),
  settings: DEFAULT_SETTINGS,
  publishedTime: '2026-01-02T09:00:00Z',
  archives: [],
  ...(force ? { force } : {}),
});

describe('the panel reopened on the same article', () => {
  it('shows the quote verdicts it found before without reading the quoted source again', async () => {
    const requested = stubWeb();
    const worker = await workerStore();
    const ports = rememberedQuoteChecks(liveQuoteChecks, worker);

    const first = await ports.checkQuotes([quoted, unquoted], context());
    expect(first.map((check) => check.verdicts[0]?.status)).toEqual(['found']);
    expect(requested).toEqual([ferry]);
    await worker.kept();

    const again = await ports.checkQuotes([quoted, unquoted], context());
    expect(again.map((check) => [check.url, check.verdicts[0]?.status])).toEqual([[ferry, 'found']]);
    expect(requested).toEqual([ferry]);
    // Its "show in source" link was kept with it.
    const link = `${ferry}#:~:text=the%20ferry%20will%20sail%20every%20ninety%20minutes`;
    expect(first[0]?.verdicts[0]).toMatchObject({ showInSource: link });
    expect(again[0]?.verdicts[0]).toMatchObject({ showInSource: link });
  });

  it('reads the source again when the reader re-checks it, or when the article quotes it differently', async () => {
    const requested = stubWeb();
    const worker = await workerStore();
    const ports = rememberedQuoteChecks(liveQuoteChecks, worker);
    await ports.checkQuotes([quoted], context());
    await worker.kept();

    await ports.checkQuotes([quoted], context(new Set([ferry])));
    expect(requested).toEqual([ferry, ferry]);
    const reworded = { ...quoted, quotes: ['the ferry will sail every hour'] };
    const [check] = await ports.checkQuotes([reworded], context());
    expect(requested).toHaveLength(3);
    expect(check?.verdicts[0]?.status).toBe('differs');
  });

  it('reads the sources as before when the worker cannot answer', async () => {
    const requested = stubWeb();
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const down: SourceReadingPorts = {
      stored: () => Promise.reject(new Error('worker stopped')),
      keep: () => Promise.reject(new Error('worker stopped')),
    };
    const [check] = await rememberedQuoteChecks(liveQuoteChecks, down).checkQuotes([quoted], context());
    expect(check?.verdicts[0]?.status).toBe('found');
    expect(requested).toEqual([ferry]);
    error.mockRestore();
  });
});

describe('comparisons kept for the panel reopened', () => {
  const compared: SourceChange = {
    url: ferry,
    status: 'edited',
    summary: 'About a tenth of the words changed.',
    copy: {
      url: `https://web.archive.org/web/20260101000000/${ferry}`,
      date: '2026-01-01T00:00:00Z',
      citedAt: '2026-01-02T09:00:00Z',
      citedAtIs: 'publication',
    },
    liveUrl: ferry,
    changedShare: 0.1,
    passages: [{ before: 'hour', after: 'ninety minutes', marked: 'every [-hour-]{+ninety minutes+}' }],
    morePassages: 0,
    checkedAt: new Date().toISOString(),
  };

  function liveComparisons() {
    const asked: string[][] = [];
    const live: SourceChangePorts = {
      checkChanges: async (inputs: SourceChangeInputs) => {
        asked.push(inputs.citations.map((one) => one.url));
        return inputs.citations.some((one) => one.url === ferry)
          ? [{ ...compared, checkedAt: new Date().toISOString() }]
          : [];
      },
    };
    return { live, asked };
  }

  const inputs = (force?: ReadonlySet<string>): SourceChangeInputs => ({
    citations: [quoted, unquoted],
    publishedTime: '2026-01-02T09:00:00Z',
    results: [],
    archives: [],
    settings: { ...DEFAULT_SETTINGS, archiveLookups: true },
    run: newSourceRun(),
    ...(force ? { force } : {}),
  });

  it('does not compare a source again while what was found is fresh, unless the reader re-checks it', async () => {
    const worker = await workerStore();
    const { live, asked } = liveComparisons();
    const ports = rememberedSourceChanges(live, worker);
    expect((await ports.checkChanges(inputs())).map((change) => change.status)).toEqual(['edited']);
    await worker.kept();
    const again = await ports.checkChanges(inputs());
    expect(again.map((change) => [change.url, change.status])).toEqual([[ferry, 'edited']]);
    expect(asked[1]).not.toContain(ferry);
    await ports.checkChanges(inputs(new Set([ferry])));
    expect(asked[2]).toContain(ferry);
  });

  it('keeps a comparison the reader asked for, and shows it again when the panel compares by itself', async () => {
    const worker = await workerStore();
    const unquotedUrl = unquoted.url;
    const live: SourceChangePorts = {
      // The panel by itself compares neither source here; asked, it compares the one asked for.
      checkChanges: async ({ citations, alsoCompare }) =>
        citations
          .filter((one) => alsoCompare?.has(one.url))
          .map((one) => ({ ...compared, url: one.url, liveUrl: one.url })),
    };
    const ports = rememberedSourceChanges(live, worker);
    const onRequest = await ports.checkChanges({
      ...inputs(),
      citations: [unquoted],
      alsoCompare: new Set([unquotedUrl]),
    });
    expect(onRequest.map((change) => change.url)).toEqual([unquotedUrl]);
    await worker.kept();
    const reopened = await ports.checkChanges(inputs());
    expect(reopened.map((change) => [change.url, change.status])).toEqual([[unquotedUrl, 'edited']]);
  });
});
