// @vitest-environment jsdom
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DownloadFile } from '../../../core/storage/download';
import { saveSnapshot } from '../../../core/storage/library';
import type { CitedDB } from '../../../core/storage/schema';
import { indexedDbKeyStore } from '../../../core/storage/signing-keys';
import type { LibraryPorts } from '../../../entrypoints/library/library-ports';
import { type Library, useLibrary } from '../../../entrypoints/library/use-library';
import { mount } from '../components/render';
import { freshDb, newSnapshot } from '../storage/helpers';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

let db: CitedDB;
let articleId: string;
beforeEach(async () => {
  db = await freshDb();
  const article = await saveSnapshot(
    db,
    await newSnapshot({ title: 'Harbour swim tests stopped', text: 'bacteria harbour' }),
  );
  articleId = article.id;
  await saveSnapshot(db, await newSnapshot({ title: 'Ferry timetable cut', text: 'ferries winter' }));
  await saveSnapshot(
    db,
    await newSnapshot({
      title: 'Herald source',
      kind: 'source',
      parentId: article.id,
      citedAs: 'https://herald.example/a',
    }),
  );
});

function ports(overrides: Partial<LibraryPorts> = {}) {
  const downloads: DownloadFile[] = [];
  let saved: (() => void) | undefined;
  const value: LibraryPorts = {
    openDb: async () => db,
    estimate: async () => ({ usage: 123_000, quota: 1e10 }),
    persistence: async () => 'best-effort',
    persist: vi.fn(async () => false),
    download: (file) => downloads.push(file),
    onSaved: (listener) => {
      saved = listener;
      return () => {
        saved = undefined;
      };
    },
    openExternal: vi.fn(),
    signingKeys: indexedDbKeyStore(),
    libraryUrl: 'chrome-extension://cited/library.html',
    software: 'Cited test',
    now: () => new Date('2026-03-12T10:00:00Z'),
    ...overrides,
  };
  return { value, downloads, saved: () => saved?.() };
}

const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 20)));

async function probe(libraryPorts: LibraryPorts) {
  const current: { value?: Library } = {};
  function Probe() {
    current.value = useLibrary(libraryPorts);
    return null;
  }
  const mounted = mount(<Probe />);
  cleanup = mounted.unmount;
  await settle();
  return current as { value: Library };
}

describe('useLibrary', () => {
  it('lists the saved pages newest first, counts everything, and searches the text', async () => {
    const library = await probe(ports().value);
    expect(library.value.items?.map((s) => s.title)).toEqual([
      'Ferry timetable cut',
      'Harbour swim tests stopped',
    ]);
    expect(library.value.kindTotal).toBe(2);
    expect(library.value.storage).toMatchObject({
      snapshots: 3,
      estimate: { usage: 123_000 },
      persistence: 'best-effort',
    });
    act(() => library.value.setQuery({ ...library.value.query, text: 'bacteria' }));
    await settle();
    expect(library.value.items?.map((s) => s.title)).toEqual(['Harbour swim tests stopped']);
    act(() => library.value.setQuery({ kind: 'all' }));
    await settle();
    expect(library.value.items).toHaveLength(3);
  });

  it('deletes an article with its sources and says so', async () => {
    const library = await probe(ports().value);
    const article = library.value.items?.find((s) => s.id === articleId);
    await act(async () => {
      await library.value.remove(article as NonNullable<typeof article>);
    });
    expect(library.value.notice).toBe('Deleted “Harbour swim tests stopped” and the source saved with it.');
    expect(library.value.storage.snapshots).toBe(1);
  });

  it('backs the library up to one file, and restores it after a wipe', async () => {
    const fake = ports();
    const library = await probe(fake.value);
    await act(async () => library.value.backup());
    expect(fake.downloads).toHaveLength(1);
    expect(fake.downloads[0]?.filename).toBe('cited-library-2026-03-12.wacz');
    expect(library.value.notice).toBe('Backed up 3 snapshots to cited-library-2026-03-12.wacz.');

    for (const store of ['snapshots', 'bodies', 'details', 'search'] as const) await db.clear(store);
    const file = new File([fake.downloads[0]?.bytes as Uint8Array<ArrayBuffer>], 'backup.wacz');
    await act(async () => library.value.restoreFrom(file));
    await settle();
    expect(library.value.restore?.fileName).toBe('backup.wacz');
    expect(library.value.restore?.report.restored).toHaveLength(3);
    expect(library.value.storage.snapshots).toBe(3);
  });

  it('downloads an article with its sources as one signed archive, named for the article', async () => {
    const fake = ports();
    const library = await probe(fake.value);
    const article = library.value.items?.find((s) => s.id === articleId);
    await act(async () => library.value.downloadArchive(article as NonNullable<typeof article>));
    expect(fake.downloads.map((file) => [file.filename, file.type])).toEqual([
      [expect.stringMatching(/^Harbour swim tests stopped \(\d{4}-\d{2}-\d{2}\)\.wacz$/), 'application/zip'],
    ]);
    expect(library.value.notice).toMatch(/^Saved “Harbour swim tests stopped” with 1 source as /);
    expect(library.value.fingerprint).not.toBeNull();

    for (const store of ['snapshots', 'bodies', 'details', 'search'] as const) await db.clear(store);
    const file = new File([fake.downloads[0]?.bytes as Uint8Array<ArrayBuffer>], 'article.wacz');
    await act(async () => library.value.restoreFrom(file));
    await settle();
    expect(library.value.restore?.report.restored).toHaveLength(2);
    expect(library.value.restore?.report.signature).toMatchObject({ fingerprint: library.value.fingerprint });
  });

  it('signs backups with a key made on the first backup, shows its fingerprint, and names it on restore', async () => {
    const fake = ports();
    const library = await probe(fake.value);
    expect(library.value.fingerprint).toBeNull();
    await act(async () => library.value.backup());
    const fingerprint = library.value.fingerprint;
    expect(fingerprint).toMatch(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);

    const file = new File([fake.downloads[0]?.bytes as Uint8Array<ArrayBuffer>], 'backup.wacz');
    await act(async () => library.value.restoreFrom(file));
    await settle();
    expect(library.value.restore?.report.signature).toMatchObject({ state: 'signed', fingerprint });

    // The same key on the next visit, and for the next backup.
    cleanup?.();
    const again = await probe(ports().value);
    await vi.waitFor(() => expect(again.value.fingerprint).toBe(fingerprint));
  });

  it('says why a file is not a backup, and loses nothing', async () => {
    const library = await probe(ports().value);
    await act(async () => library.value.restoreFrom(new File(['hello'], 'notes.txt')));
    expect(library.value.notice).toBe(
      'notes.txt could not be restored: This file is not a Cited library backup (it is not a WACZ or ZIP file).',
    );
    expect(library.value.storage.snapshots).toBe(3);
  });

  it('downloads one snapshot as its .html file, and refreshes when a save finishes elsewhere', async () => {
    const fake = ports();
    const library = await probe(fake.value);
    const article = library.value.items?.find((s) => s.id === articleId);
    await act(async () => library.value.download(article as NonNullable<typeof article>));
    expect(fake.downloads[0]?.filename).toMatch(/^Harbour swim tests stopped \(\d{4}-\d{2}-\d{2}\)\.html$/);
    expect(fake.downloads[0]?.type).toBe('text/html;charset=utf-8');

    await saveSnapshot(db, await newSnapshot({ title: 'Saved from the panel' }));
    await act(async () => fake.saved());
    await settle();
    expect(library.value.items?.[0]?.title).toBe('Saved from the panel');
  });

  it('asks for persistent storage and says when the browser declines', async () => {
    const fake = ports();
    const library = await probe(fake.value);
    await act(async () => library.value.persist());
    expect(fake.value.persist).toHaveBeenCalled();
    expect(library.value.notice).toContain('did not grant persistent storage');
  });
});
