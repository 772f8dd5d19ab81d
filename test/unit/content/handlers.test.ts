// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

const onMessage = vi.fn();
vi.mock('../../../utils/messaging', () => ({ onMessage }));

const { installCaptureHandlers } = await import('../../../entrypoints/capture.content/handlers');
const { CAPTURE_SCRIPT_MARKER } = await import('../../../utils/page-access');
const { readArticleSource } = await import('../../../core/capture/read-source');

beforeEach(() => {
  fakeBrowser.reset();
  onMessage.mockClear();
  // Each test starts on a page the script was never injected into.
  delete (globalThis as Record<symbol, unknown>)[Symbol.for(CAPTURE_SCRIPT_MARKER)];
});

describe('installCaptureHandlers', () => {
  it('listens once however often the script is injected, and again after an extension update', () => {
    expect(installCaptureHandlers()).toBe('installed');
    expect(onMessage.mock.calls.map(([type]) => type)).toEqual([
      'pageSource',
      'capturePage',
      'captureCitations',
      'highlightLink',
    ]);
    expect(installCaptureHandlers()).toBe('already-installed');
    expect(installCaptureHandlers()).toBe('already-installed');
    expect(onMessage).toHaveBeenCalledTimes(4);

    // An updated or reloaded extension orphans the old script: its runtime is gone, so a new one takes over.
    (fakeBrowser.runtime as { id?: string }).id = undefined;
    expect(installCaptureHandlers()).toBe('installed');
    expect(onMessage).toHaveBeenCalledTimes(8);
  });

  it('answers capturePage with the article’s citations, letting the page run its own work meanwhile', async () => {
    document.title = 'Ferry cuts';
    document.body.innerHTML = `<article><h1>Ferry cuts</h1>${'<p>The island’s ferry runs twice a day in winter, and the people who wait on the pier every morning say it is not enough.</p>'.repeat(4)}<p>The council <a href="https://council.example/minutes">voted in February</a> to cut it.</p></article>`;
    installCaptureHandlers();
    const handler = onMessage.mock.calls.find(([type]) => type === 'capturePage')?.[1];
    const ran: string[] = [];
    setTimeout(() => ran.push('the page'), 0);
    const answer = await handler?.({});
    ran.push('the answer');
    expect(answer.citations.map((citation: { url: string }) => citation.url)).toEqual([
      'https://council.example/minutes',
    ]);
    expect(ran).toEqual(['the page', 'the answer']);
  });

  it('takes the panel’s parse of its serialised markup instead of parsing, and says so', async () => {
    document.title = 'Ferry cuts';
    // Paragraphs long enough for isProbablyReaderable to call the page an article.
    document.body.innerHTML = `<nav><a href="/">Home</a></nav><article><h1>Ferry cuts</h1>${'<p>The island’s ferry runs twice a day in winter, and the people who wait on the pier every morning, in the dark and the rain, say that it is not nearly enough.</p>'.repeat(6)}<p>The council <a href="https://council.example/minutes">voted in February</a> to cut it.</p></article>`;
    installCaptureHandlers();
    const handler = (type: string) => onMessage.mock.calls.find(([name]) => name === type)?.[1];
    const source = handler('pageSource')?.({});
    expect(source.kind).toBe('source');
    // What the panel's worker does with it.
    const article = readArticleSource(source.html, source.url);
    const given = await handler('capturePage')?.({ data: { parsed: { article } } });
    const own = await handler('capturePage')?.({});
    expect(given.articleReadIn).toBe('given');
    expect(own.articleReadIn).toBe('page');
    expect(given.citations.map((citation: { url: string }) => citation.url)).toEqual([
      'https://council.example/minutes',
    ]);
    const { captureId: _given, capturedAt: _at, ...givenRest } = given;
    const { captureId: _own, capturedAt: _ownAt, ...ownRest } = own;
    expect({ ...givenRest, articleReadIn: 'page' }).toEqual(ownRest);
  });

  it('hands a long article’s citations over in parts after the first, all of them, in article order', async () => {
    document.title = 'Ferry cuts';
    const links = Array.from(
      { length: 260 },
      (_, i) => `<a href="https://source${i % 7}.example/report/${i}">report ${i}</a>`,
    ).join(', ');
    document.body.innerHTML = `<article><h1>Ferry cuts</h1>${'<p>The island’s ferry runs twice a day in winter, and the people who wait on the pier every morning say it is not enough.</p>'.repeat(4)}<p>The council cites ${links}.</p></article>`;
    installCaptureHandlers();
    const handler = (type: string) => onMessage.mock.calls.find(([name]) => name === type)?.[1];
    const head = await handler('capturePage')?.({});
    expect(head.citationTotal).toBe(260);
    expect(head.citations).toHaveLength(200);
    const rest = handler('captureCitations')?.({
      data: { captureId: head.captureId, from: 200, count: 250 },
    });
    expect([...head.citations, ...rest].map((citation: { url: string }) => citation.url)).toEqual(
      Array.from({ length: 260 }, (_, i) => `https://source${i % 7}.example/report/${i}`),
    );
  });

  it('answers highlightLink on the live page', () => {
    document.body.innerHTML = '<p><a href="https://gazette.example/ferries">cut ferries</a></p>';
    Element.prototype.scrollIntoView = () => {};
    installCaptureHandlers();
    const handler = onMessage.mock.calls.find(([type]) => type === 'highlightLink')?.[1];
    expect(handler?.({ data: { linkIndex: 0, url: 'https://gazette.example/ferries' } })).toEqual({
      found: true,
    });
    expect(document.querySelector('[data-cited-highlight]')?.textContent).toBe('cut ferries');
  });
});
