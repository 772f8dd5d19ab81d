import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import type { CapturedArticle } from '../../../core/capture/types';
import type { CitationStatus } from '../../../core/linkcheck/types';
import { HASH_PLACEHOLDER, sealDocument } from '../../../core/snapshot/hash';
import { type CitedDB, openCitedDb } from '../../../core/storage/schema';
import type { NewSnapshot, SnapshotCitation } from '../../../core/storage/types';

/** A fresh, empty IndexedDB for each test. */
export async function freshDb(): Promise<CitedDB> {
  globalThis.indexedDB = new IDBFactory();
  return openCitedDb();
}

/** A sealed snapshot document (the same hash rule as the builder) around some body HTML. */
export async function sealedHtml(title: string, body: string): Promise<{ html: string; sha256: string }> {
  const head = `<!DOCTYPE html>\n<!--\n sha256: ${HASH_PLACEHOLDER}\n-->\n<html><head><meta name="cited:sha256" content="`;
  const html = `${head}${HASH_PLACEHOLDER}"><title>${title}</title></head><body>${body}</body></html>`;
  const commentSlot = head.indexOf(HASH_PLACEHOLDER);
  return sealDocument(html, [commentSlot, head.length]);
}

export function citation(url: string, status: CitationStatus, order = 0): SnapshotCitation {
  const host = new URL(url).hostname;
  return {
    url,
    domain: host.replace(/^www\./, ''),
    registrableDomain: host.replace(/^www\./, ''),
    relation: 'external',
    kind: 'news',
    occurrences: [
      {
        order,
        anchorText: `source ${order}`,
        sentence: `It was reported (source ${order}).`,
        linkIndex: order,
      },
    ],
    quotes: [],
    status,
    ...(status === 'not-checked'
      ? {}
      : { statusReason: `The check said ${status}.`, checkedAt: '2024-05-01T12:00:00.000Z' }),
  };
}

export function article(
  url: string,
  title: string,
  text: string,
  siteName: string | null = null,
): CapturedArticle {
  return {
    metadata: {
      url,
      canonicalUrl: null,
      title,
      byline: 'A. Reporter',
      siteName,
      publishedTime: '2024-04-30',
      modifiedTime: null,
      lang: 'en',
      dir: 'ltr',
      excerpt: null,
      wordCount: text.split(/\s+/).length,
    },
    isArticle: true,
    contentHtml: `<p>${text}</p>`,
    textContent: text,
  };
}

let counter = 0;

/** A complete NewSnapshot with a real sealed body. */
export async function newSnapshot(
  overrides: Partial<NewSnapshot> & { body?: string } = {},
): Promise<NewSnapshot> {
  counter++;
  const title = overrides.title ?? `Story ${counter}`;
  const url = overrides.url ?? `https://news${counter % 7}.example/2024/story-${counter}.html`;
  const text = overrides.text ?? `Body of story ${counter}.`;
  const sealed = await sealedHtml(title, overrides.body ?? `<p>${text}</p>`);
  const { body: _body, ...rest } = overrides;
  return {
    url,
    title,
    savedAt: overrides.savedAt ?? new Date(Date.UTC(2024, 0, 1) + counter * 60_000).toISOString(),
    html: sealed.html,
    sha256: sealed.sha256,
    article: article(url, title, text, overrides.siteName ?? null),
    text,
    ...rest,
  };
}
