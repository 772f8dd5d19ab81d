// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

const onMessage = vi.fn();
vi.mock('../../../utils/messaging', () => ({ onMessage }));

const { installSnapshotHandlers, noscriptAsMarkup, preparedPageHtml } = await import(
  '../../../entrypoints/capture.content/snapshot-handlers'
);

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

  it('answers with the prepared page, its address and its capture', () => {
    document.title = 'Harbour story';
    document.body.innerHTML =
      '<article><h1>Harbour story</h1><p>Text of the story with <a href="https://herald.example/a">a source</a>.</p><input id="q"></article>';
    (document.getElementById('q') as HTMLInputElement).value = 'typed by the reader';
    installSnapshotHandlers();
    const handler = onMessage.mock.calls[0]?.[1] as () => { html: string; url: string; capture: unknown };
    const page = handler();
    expect(page.url).toBe(location.href);
    expect(page.html).toContain('Harbour story');
    // Live state the markup alone would lose travels with the page.
    expect(page.html).toContain('typed by the reader');
    expect(page.capture).toMatchObject({ article: { metadata: { title: 'Harbour story' } } });
  });

  // In Chromium the escaped text would reach the snapshot's body (the guardian-1 fidelity test in e2e shows it);
  // jsdom serialises <noscript> text raw, so here only the conversion itself is checked.
  it('turns the raw text a <noscript> holds on a scripted page back into markup', () => {
    const doc = document.implementation.createHTMLDocument('x');
    const noscript = doc.createElement('noscript');
    noscript.textContent = '<link rel="stylesheet" href="https://cdn.example/site.css">';
    doc.head.append(noscript);
    const plain = doc.createElement('noscript');
    plain.textContent = 'Please turn on JavaScript.';
    doc.body.append(plain);
    noscriptAsMarkup(doc);
    expect(doc.head.querySelector('noscript > link')?.getAttribute('href')).toBe(
      'https://cdn.example/site.css',
    );
    expect(doc.head.querySelector('noscript')?.childNodes).toHaveLength(1);
    expect(plain.textContent).toBe('Please turn on JavaScript.');
    expect(preparedPageHtml(doc)).toContain(
      '<noscript><link rel="stylesheet" href="https://cdn.example/site.css"></noscript>',
    );
  });
});
