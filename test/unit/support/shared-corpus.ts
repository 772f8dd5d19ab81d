import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM, VirtualConsole } from 'jsdom';

/**
 * Access to ../shared (the seed article and the Readability corpus), read in place and never copied
 * into the repo. Tests that need it skip, saying so, when it is missing.
 */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const sharedDir = path.resolve(repoRoot, '../shared');
export const seedDir = path.join(sharedDir, 'fixtures/seed');
export const corpusDir = path.join(sharedDir, 'corpus/readability');

export const SEED_URL = 'https://www.deepdotweb.com/2017/08/04/bka-arrests-67-suspects-child-porn-bust/';

export const hasSeed = existsSync(path.join(seedDir, 'article-fragment.txt'));
export const hasCorpus = existsSync(path.join(corpusDir, 'original-urls.json'));

/** Says once, in the test output, why a suite is skipped. */
export function reportMissing(what: string, available: boolean): boolean {
  if (!available) console.warn(`Skipping ${what}: ${sharedDir} is missing (the shared seed/corpus folder).`);
  return !available;
}

/**
 * The seed as a page: the fragment's title block (between `---` lines) becomes <title>, and the
 * <article> goes into a minimal page, as the seed's README describes the capture.
 */
export function seedHtml(): string {
  const fragment = readFileSync(path.join(seedDir, 'article-fragment.txt'), 'utf8');
  const match = fragment.match(/^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/);
  if (!match) throw new Error('article-fragment.txt has no ---title--- block');
  const [, title = '', article = ''] = match;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title.trim()}</title></head><body>${article}</body></html>`;
}

export function loadSeed(): JSDOM {
  return new JSDOM(seedHtml(), { url: SEED_URL });
}

export interface CorpusPage {
  name: string;
  url: string;
}

/** Pages of the corpus with a known original address, at that address. */
export function corpusPagesWithUrls(): CorpusPage[] {
  const urls = JSON.parse(readFileSync(path.join(corpusDir, 'original-urls.json'), 'utf8')) as Record<
    string,
    { url: string }
  >;
  return Object.entries(urls)
    .filter(([name]) => existsSync(path.join(corpusDir, name, 'source.html')))
    .map(([name, { url }]) => ({ name, url }));
}

export function corpusPageNames(): string[] {
  return readdirSync(corpusDir).filter((name) => existsSync(path.join(corpusDir, name, 'source.html')));
}

export function loadCorpusPage(page: CorpusPage): JSDOM {
  const html = readFileSync(path.join(corpusDir, page.name, 'source.html'), 'utf8');
  // Broken stylesheets in real pages make jsdom print parse errors that say nothing about capture.
  return new JSDOM(html, { url: page.url, virtualConsole: new VirtualConsole() });
}
