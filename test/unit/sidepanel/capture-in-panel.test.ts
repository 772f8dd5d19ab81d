import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ParsedElsewhere } from '../../../core/capture';
import type { PageSource, SourceArticle } from '../../../core/capture/page-source';
import { createCaptureParts } from '../../../core/citations/capture-parts';
import { CitedError } from '../../../core/errors/cited-error';
import {
  type ArticleParseAnswer,
  type ArticleParseRequest,
  openArticleParse,
  PARSE_TIMEOUT_MS,
  type ParseWorker,
} from '../../../entrypoints/sidepanel/article-parse';
import {
  ARTICLE_READ_IN_PANEL_MARK,
  captureWithPanelParse,
  type PanelCapturePorts,
} from '../../../entrypoints/sidepanel/capture-in-panel';
import { captureResult } from '../components/sample-capture';

// Issue 10: the panel reads the article in a worker of its own; when that cannot work, the page reads it itself.

const article: SourceArticle = {
  title: 'Ferry cuts',
  byline: null,
  siteName: null,
  publishedTime: null,
  lang: 'en',
  dir: null,
  excerpt: null,
  contentHtml: '<p>…</p>',
  textContent: '…',
  links: [{ index: 2, address: 'https://council.example/minutes', text: 'voted' }],
  linkCount: 5,
};
const source: PageSource = { kind: 'source', html: '<html/>', url: 'https://gazette.example/ferries' };

/** A worker the test answers by hand (or never). */
function fakeWorker() {
  const posted: ArticleParseRequest[] = [];
  let terminated = 0;
  const worker: ParseWorker = {
    onmessage: null,
    onerror: null,
    postMessage: (request) => posted.push(request),
    terminate: () => {
      terminated++;
    },
  };
  return {
    worker,
    posted,
    terminated: () => terminated,
    answer: (data: ArticleParseAnswer) => worker.onmessage?.({ data }),
  };
}

/** The page: answers pageSource as told, and records what capturePage was given. */
function fakePage(options: { source?: PageSource | Error; worker: ReturnType<typeof fakeWorker> }) {
  const captures: Array<{ parsed: ParsedElsewhere | undefined; scriptReady: boolean }> = [];
  const ports: PanelCapturePorts = {
    openParse: () => openArticleParse(() => options.worker.worker),
    pageSource: async () => {
      const answer = options.source ?? source;
      if (answer instanceof Error) throw answer;
      return answer;
    },
    capture: async (parsed, scriptReady) => {
      captures.push({ parsed, scriptReady });
      return { ...createCaptureParts().head(captureResult()), articleReadIn: parsed ? 'given' : 'page' };
    },
  };
  return { ports, captures };
}

/** A capture whose page has handed its markup to the worker, which has yet to answer. */
async function captureStarted() {
  const worker = fakeWorker();
  const page = fakePage({ worker });
  const head = captureWithPanelParse(page.ports);
  await vi.waitFor(() => expect(worker.posted).toHaveLength(1));
  return { worker, page, head };
}

async function readOnce(answer: ArticleParseAnswer): Promise<void> {
  const { worker, head } = await captureStarted();
  worker.answer(answer);
  await head;
}

const readMarks = () => performance.getEntriesByName(ARTICLE_READ_IN_PANEL_MARK).length;

beforeEach(() => {
  performance.clearMarks();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('captureWithPanelParse', () => {
  it('hands the page the worker’s article, ends the worker, and marks the capture as read in the panel', async () => {
    const worker = fakeWorker();
    const page = fakePage({ worker });
    const head = captureWithPanelParse(page.ports);
    await vi.waitFor(() => expect(worker.posted).toEqual([{ html: '<html/>', url: source.url }]));
    worker.answer({ ok: true, article });
    const { citations } = await head;
    expect(citations.length).toBeGreaterThan(0);
    expect(page.captures).toEqual([{ parsed: { article }, scriptReady: true }]);
    expect(worker.terminated()).toBe(1);
    expect(readMarks()).toBe(1);
    // Read again: still one mark, not one per read; and none once the page read the article itself.
    await readOnce({ ok: true, article });
    expect(readMarks()).toBe(1);
    await readOnce({ ok: false, message: 'no' });
    expect(readMarks()).toBe(0);
  });

  it('passes on “no article” from the worker, so the page does not parse for nothing', async () => {
    const { worker, page, head } = await captureStarted();
    worker.answer({ ok: true, article: null });
    await head;
    expect(page.captures).toEqual([{ parsed: { article: null }, scriptReady: true }]);
  });

  it('lets the page parse itself when the worker fails', async () => {
    const { worker, page, head } = await captureStarted();
    worker.answer({ ok: false, message: "The page's markup could not be read: expected '</p>'" });
    await head;
    expect(page.captures).toEqual([{ parsed: undefined, scriptReady: true }]);
    expect(worker.terminated()).toBe(1);
    expect(readMarks()).toBe(0);
  });

  it('lets the page parse itself when the worker stops with an error', async () => {
    const { worker, page, head } = await captureStarted();
    worker.worker.onerror?.({ message: 'Uncaught RangeError: Maximum call stack size exceeded' });
    await head;
    expect(page.captures).toEqual([{ parsed: undefined, scriptReady: true }]);
    expect(console.warn).toHaveBeenCalledWith(
      expect.stringContaining('the page reads it itself'),
      expect.objectContaining({ message: expect.stringContaining('Maximum call stack') }),
    );
  });

  it(`gives up on a worker silent for ${PARSE_TIMEOUT_MS / 1000} s: ends it, and the page parses itself`, async () => {
    vi.useFakeTimers();
    const worker = fakeWorker();
    const page = fakePage({ worker });
    const head = captureWithPanelParse(page.ports);
    await vi.advanceTimersByTimeAsync(0);
    expect(worker.posted).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(PARSE_TIMEOUT_MS - 1);
    expect(page.captures).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    await head;
    expect(page.captures).toEqual([{ parsed: undefined, scriptReady: true }]);
    expect(worker.terminated()).toBeGreaterThanOrEqual(1);
    // A late answer changes nothing.
    worker.answer({ ok: true, article });
    expect(page.captures).toHaveLength(1);
  });

  it('asks for no parse of a page that is not an article or too big, and ends the worker unused', async () => {
    for (const kind of [{ kind: 'not-article' }, { kind: 'too-big', chars: 30_000_000 }] as const) {
      const worker = fakeWorker();
      const page = fakePage({ worker, source: kind });
      await captureWithPanelParse(page.ports);
      expect(worker.posted).toEqual([]);
      expect(worker.terminated()).toBe(1);
      expect(page.captures).toEqual([{ parsed: undefined, scriptReady: true }]);
    }
  });

  it('asks for the capture, injecting again, when the page could not be asked for its markup', async () => {
    const worker = fakeWorker();
    const page = fakePage({
      worker,
      source: new CitedError('page-not-ready', 'The tab was closed before Cited could read it.'),
    });
    await captureWithPanelParse(page.ports);
    expect(page.captures).toEqual([{ parsed: undefined, scriptReady: false }]);
    expect(worker.terminated()).toBe(1);
  });
});
