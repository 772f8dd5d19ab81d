// idb needs IndexedDB's classes (IDBRequest ...) as globals in Node: the in-memory implementation provides them.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { JSDOM, VirtualConsole } from 'jsdom';
import { buildSnapshot } from '../../core/snapshot/build-snapshot';
import { backupLibrary } from '../../core/storage/backup/wacz';
import { newSnapshotFrom, saveSnapshot } from '../../core/storage/library';
import { openCitedDb } from '../../core/storage/schema';
import type { SnapshotCitation } from '../../core/storage/types';
import { placeholderPng } from '../web/generated';

/** One snapshot as it was made, to compare with what the extension holds after a round trip. */
export interface MadeSnapshot {
  id: string;
  html: string;
  sha256: string;
  kind: 'article' | 'source';
}

function citation(url: string, order: number, status: SnapshotCitation['status']): SnapshotCitation {
  const host = new URL(url).hostname;
  return {
    url,
    domain: host,
    registrableDomain: host,
    relation: 'external',
    kind: 'news',
    occurrences: [
      { order, anchorText: `source ${order}`, sentence: `As reported (source ${order}).`, linkIndex: order },
    ],
    quotes: [],
    status,
  };
}

function page(index: number, sources: string[]): string {
  const links = sources.map((url, i) => `<a href="${url}">source ${i}</a>`).join(', ');
  return `<!DOCTYPE html><html lang="en"><head><title>Story ${index}: the harbour report</title>
<style>body{font-family:serif}.hero{background:url(/img/hero-${index}.png)}</style></head>
<body><article><h1>Story ${index}</h1><div class="hero"></div><p>Paragraph ${index} about the harbour, citing ${links || 'nothing'}.</p>
<img src="/img/photo-${index}.png" alt="Photo ${index}"><script>alert(${index})</script></article></body></html>`;
}

/**
 * A library of `count` real snapshots (the engine's own output over generated pages with pictures), one in five a
 * source saved with an earlier article, made in Node with an in-memory IndexedDB, and its backup file.
 */
export async function makeLibraryBackup(
  count: number,
): Promise<{ snapshots: MadeSnapshot[]; backup: Uint8Array }> {
  const previous = globalThis.indexedDB;
  globalThis.indexedDB = new IDBFactory();
  try {
    const db = await openCitedDb({ name: 'reliability-fixture' });
    const made: MadeSnapshot[] = [];
    const articles: Array<{ id: string; sources: string[]; used: number }> = [];
    const virtualConsole = new VirtualConsole();
    let clock = Date.UTC(2025, 0, 1);
    for (let i = 0; i < count; i++) {
      const isSource = i % 5 === 4 && articles.some((a) => a.used < a.sources.length);
      const parent = isSource ? articles.find((a) => a.used < a.sources.length) : undefined;
      const url = parent
        ? (parent.sources[parent.used] as string)
        : `https://news${i % 9}.example/2025/01/story-${i}.html`;
      const sources = parent ? [] : [`https://source${i}.example/a`, `https://source${i}.example/b`];
      const document = new JSDOM(page(i, sources), { url, virtualConsole }).window.document;
      const result = await buildSnapshot({
        document,
        url,
        now: () => {
          clock += 60_000;
          return new Date(clock);
        },
        fetchResource: async (resource) => ({
          bytes: new Uint8Array(placeholderPng(40 + (i % 7), 30, resource)),
          contentType: 'image/png',
        }),
      });
      const saved = await saveSnapshot(
        db,
        newSnapshotFrom(result, {
          kind: parent ? 'source' : 'article',
          ...(parent ? { parentId: parent.id, citedAs: url } : {}),
          citations: sources.map((source, order) => citation(source, order, order === 0 ? 'alive' : 'dead')),
          text: `Paragraph ${i} about the harbour`,
        }),
      );
      if (parent) parent.used++;
      else articles.push({ id: saved.id, sources, used: 0 });
      made.push({ id: saved.id, html: result.html, sha256: result.sha256, kind: saved.kind });
    }
    const { bytes } = await backupLibrary(db, { now: () => new Date(clock), software: 'Cited test fixture' });
    db.close();
    return { snapshots: made, backup: bytes };
  } finally {
    globalThis.indexedDB = previous;
  }
}
