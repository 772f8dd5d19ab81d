import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ArticleParseAnswer, ArticleParseRequest } from '../../../entrypoints/sidepanel/article-parse';

// The panel's article worker: the page's serialised markup in, Readability's article (or why not) out, never a
// worker that dies on a page it cannot read.

const answers: ArticleParseAnswer[] = [];
type Scope = { onmessage: ((event: { data: ArticleParseRequest }) => void) | null };

beforeAll(async () => {
  vi.stubGlobal('postMessage', (answer: ArticleParseAnswer) => answers.push(answer));
  await import('../../../entrypoints/sidepanel/readability-worker');
});
afterAll(() => {
  vi.unstubAllGlobals();
  (globalThis as unknown as Scope).onmessage = null;
});

function ask(html: string): ArticleParseAnswer | undefined {
  answers.length = 0;
  (globalThis as unknown as Scope).onmessage?.({
    data: { html, url: 'https://gazette.example/ferries.html' },
  });
  return answers[0];
}

const paragraph =
  '<p>The island’s ferry runs twice a day in winter, and the people who wait on the pier every morning, in the dark and the rain, say that it is not nearly enough.</p>';

describe('the article worker', () => {
  it('answers with the article and its cited links, by position in the page and address', () => {
    const answer = ask(
      `<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Ferry cuts</title></head><body><nav><a href="/">Home</a></nav><article><h1>Ferry cuts</h1>${paragraph.repeat(5)}<p>The council <a href="https://council.example/minutes">voted in February</a> to cut it.</p></article></body></html>`,
    );
    expect(answer?.ok).toBe(true);
    const article = answer?.ok ? answer.article : null;
    expect(article?.title).toBe('Ferry cuts');
    expect(article?.links).toEqual([
      { index: 1, address: 'https://council.example/minutes', text: 'voted in February' },
    ]);
    expect(article?.linkCount).toBe(2);
  });

  it('answers with the reason, and keeps answering, when the markup cannot be read', () => {
    const answer = ask(`<html><body><article>${paragraph}<p>One<br>two</p></article></body></html>`);
    expect(answer).toMatchObject({ ok: false, message: expect.stringContaining('could not be read') });
    expect(ask('<html><head><title>Empty</title></head><body></body></html>')).toEqual({
      ok: true,
      article: null,
    });
  });
});
