// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

const onMessage = vi.fn();
vi.mock('../../../utils/messaging', () => ({ onMessage }));

const { installSnapshotHandlers } = await import('../../../entrypoints/capture.content/snapshot-handlers');

beforeEach(() => {
  fakeBrowser.reset();
  onMessage.mockClear();
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('cited.snapshot-handlers.installed')];
});

describe('the content script’s snapshot handler', () => {
  it('listens once however often the script is injected', () => {
    expect(installSnapshotHandlers()).toBe('installed');
    expect(installSnapshotHandlers()).toBe('already-installed');
    expect(onMessage.mock.calls.map(([type]) => type)).toEqual(['snapshotPage']);
  });

  it('answers with the prepared page, its address and its capture', async () => {
    document.title = 'Harbour story';
    document.body.innerHTML =
      '<article><h1>Harbour story</h1><p>Text of the story with <a href="https://herald.example/a">a source</a>.</p><input id="q"></article>';
    (document.getElementById('q') as HTMLInputElement).value = 'typed by the reader';
    installSnapshotHandlers();
    const handler = onMessage.mock.calls[0]?.[1] as () => Promise<{
      html: string;
      url: string;
      capture: unknown;
    }>;
    const page = await handler();
    expect(page.url).toBe(location.href);
    expect(page.html).toContain('Harbour story');
    // Live state the markup alone would lose travels with the page.
    expect(page.html).toContain('typed by the reader');
    expect(page.capture).toMatchObject({ article: { metadata: { title: 'Harbour story' } } });
  });

  it('reads the article with the page given its turns, from a copy of the page made at the request', async () => {
    document.title = 'Harbour story';
    document.body.innerHTML =
      '<article><h1>Harbour story</h1><p>Text of the story with <a href="https://herald.example/a">a source</a>.</p></article>';
    installSnapshotHandlers();
    const handler = onMessage.mock.calls[0]?.[1] as () => Promise<{ html: string; capture: unknown }>;
    let answered = false;
    const answer = handler().then((page) => {
      answered = true;
      return page;
    });
    // The page's own tasks run while the article is read: one of them changes the page.
    let pageTasks = 0;
    while (!answered) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (pageTasks++ === 0) document.body.insertAdjacentHTML('beforeend', '<p>Added while reading</p>');
    }
    expect(pageTasks).toBeGreaterThan(2);
    const page = await answer;
    expect(page.html).not.toContain('Added while reading');
    expect(page.capture).toMatchObject({ article: { metadata: { title: 'Harbour story' } } });
  });
});
