import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { repoRoot } from './shared-corpus';

/** A page from test/fixtures/capture/, loaded at `url` as a browser would load it. */
export function fixturePage(name: string, url: string): Document {
  const html = readFileSync(path.join(repoRoot, 'test/fixtures/capture', name), 'utf8');
  return new JSDOM(html, { url }).window.document;
}

/** A small page written inline by a test. */
export function page(body: string, url = 'https://news.example.com/2024/05/06/story/', head = ''): Document {
  return new JSDOM(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, { url }).window
    .document;
}
