import { describe, expect, it, vi } from 'vitest';
import { CitedError } from '../../../core/errors/cited-error';
import { createSaveTab, type SaveTabPorts } from '../../../core/save-job/save-tab';
import type { PreparedPage, SaveJobRequest, SaveOutcome, SaveProgress } from '../../../core/save-job/types';
import { harbourCitations } from '../components/sample-capture';

const PAGE: PreparedPage = {
  html: '<html><body>story</body></html>',
  url: 'https://harbour.example/story',
  capture: {
    article: {
      metadata: {
        url: 'https://harbour.example/story',
        canonicalUrl: null,
        title: 'Story',
        byline: null,
        siteName: null,
        publishedTime: null,
        modifiedTime: null,
        lang: null,
        dir: null,
        excerpt: null,
        wordCount: 1,
      },
      isArticle: true,
      contentHtml: '<p>story</p>',
      textContent: 'story',
    },
    citations: harbourCitations,
    source: 'article',
    capturedAt: '2026-03-12T10:00:00Z',
  },
};

function outcomeOf(request: SaveJobRequest): SaveOutcome {
  return {
    jobId: request.jobId,
    id: 'snap-1',
    title: 'Story',
    url: PAGE.url,
    savedAt: '2026-03-12T10:00:00Z',
    bytes: 1000,
    totalBytes: 1000,
    sha256: 'a'.repeat(64),
    resources: { count: 0, failed: 0 },
    libraryUrl: 'chrome-extension://cited/library.html#/snapshot/snap-1',
    elapsedMs: 5,
  };
}

function ports(overrides: Partial<SaveTabPorts> = {}) {
  const emitted: SaveProgress[] = [];
  const finished: Array<[number, unknown]> = [];
  const run = vi.fn(async (request: SaveJobRequest) => outcomeOf(request));
  const value: SaveTabPorts = {
    worker: () => ({ run }),
    tabUrl: async () => PAGE.url,
    restriction: async () => null,
    readPage: async () => PAGE,
    emit: (progress) => emitted.push(progress),
    libraryUrl: 'chrome-extension://cited/library.html',
    newId: () => 'job-generated',
    finished: (tabId, result) => finished.push([tabId, result]),
    ...overrides,
  };
  return { value, emitted, finished, run };
}

describe('saving a tab', () => {
  it('reads the page, hands it to the worker with the known statuses, and reports the outcome', async () => {
    const { value, emitted, finished, run } = ports({
      knownStatuses: async (urls) => ({ [urls[1] as string]: { status: 'dead', reason: 'stored verdict' } }),
    });
    const saveTab = createSaveTab(value);
    const outcome = await saveTab({
      tabId: 4,
      withSources: true,
      jobId: 'job-panel',
      statuses: { [harbourCitations[2]?.url as string]: { status: 'alive' } },
    });
    expect(outcome.id).toBe('snap-1');
    const request = run.mock.calls[0]?.[0] as SaveJobRequest;
    expect(request).toMatchObject({ jobId: 'job-panel', tabId: 4, withSources: true, page: PAGE });
    // The panel's statuses win over stored ones; both are passed on.
    expect(request.statuses).toEqual({
      [harbourCitations[1]?.url as string]: { status: 'dead', reason: 'stored verdict' },
      [harbourCitations[2]?.url as string]: { status: 'alive' },
    });
    expect(emitted.map((p) => p.phase)).toEqual(['reading', 'done']);
    expect(finished).toEqual([[4, { outcome }]]);
    expect(saveTab.jobs()).toEqual([]);
  });

  it('refuses a page the browser keeps from extensions, saying why, and reports the failure', async () => {
    const { value, emitted, finished, run } = ports({ restriction: async () => 'web-store' });
    const saveTab = createSaveTab(value);
    const error = await saveTab({ tabId: 4, withSources: false }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'restricted-page' });
    expect((error as Error).message).toMatch(
      /^Cited cannot save this page\. Extension stores are off limits\.$/,
    );
    expect(run).not.toHaveBeenCalled();
    expect(emitted.at(-1)).toMatchObject({
      phase: 'failed',
      jobId: 'job-generated',
      error: { code: 'restricted-page' },
    });
    expect(finished[0]?.[0]).toBe(4);
  });

  it('passes on the worker’s error with its code (a full disk stays a full disk)', async () => {
    const { value } = ports({
      worker: () => ({
        run: async () => {
          throw {
            name: 'CitedError',
            code: 'storage-quota',
            message: 'Not enough storage space. Nothing was saved.',
          };
        },
      }),
    });
    const error = await createSaveTab(value)({ tabId: 1, withSources: false }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(CitedError);
    expect(error).toMatchObject({
      code: 'storage-quota',
      message: 'Not enough storage space. Nothing was saved.',
    });
  });

  it('joins the save under way when the same tab is saved again, and lists it meanwhile', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { value, run } = ports({
      readPage: async () => {
        await gate;
        return PAGE;
      },
    });
    const saveTab = createSaveTab(value);
    const first = saveTab({ tabId: 9, withSources: false, jobId: 'a' });
    const second = saveTab({ tabId: 9, withSources: true, jobId: 'b' });
    expect(saveTab.jobs()).toEqual([expect.objectContaining({ jobId: 'a', tabId: 9, phase: 'reading' })]);
    // The offscreen document's own events keep the list current for a panel that opens now.
    saveTab.track({
      jobId: 'a',
      tabId: 9,
      phase: 'page',
      withSources: false,
      resources: { done: 3, total: 8 },
    });
    saveTab.track({
      jobId: 'zombie',
      tabId: 2,
      phase: 'page',
      withSources: false,
      resources: { done: 0, total: 1 },
    });
    expect(saveTab.jobs()).toEqual([
      expect.objectContaining({ jobId: 'a', resources: { done: 3, total: 8 } }),
    ]);
    release();
    expect(await second).toEqual(await first);
    expect(run).toHaveBeenCalledTimes(1);
    // Once finished, the tab can be saved again.
    await saveTab({ tabId: 9, withSources: false, jobId: 'c' });
    expect(run).toHaveBeenCalledTimes(2);
  });
});
