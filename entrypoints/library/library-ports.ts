import { browser } from 'wxt/browser';
import type { Persistence } from '../../components/LibraryStorage';
import type { DownloadFile } from '../../core/storage/download';
import { type CitedDB, openCitedDb } from '../../core/storage/schema';
import { onMessage } from '../../utils/messaging';

/** The browser as the library needs it; the page passes real APIs, tests pass fakes. */
export interface LibraryPorts {
  openDb(): Promise<CitedDB>;
  estimate(): Promise<{ usage: number; quota: number } | null>;
  persistence(): Promise<Persistence>;
  /** Asks for persistent storage (the reader's click). */
  persist(): Promise<boolean>;
  download(file: DownloadFile): void;
  /** Calls back when a save finishes anywhere in the extension. */
  onSaved(listener: () => void): () => void;
  openExternal(url: string): void;
  libraryUrl: string;
  software: string;
  now(): Date;
}

/** Hands the bytes to the browser's download manager through a link: no `downloads` permission needed. */
export function downloadFile(file: DownloadFile): void {
  const blob = new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL by then; a minute is ample for the browser to read it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function browserLibraryPorts(): LibraryPorts {
  let database: Promise<CitedDB> | null = null;
  const savedListeners = new Set<() => void>();
  let listening = false;
  return {
    openDb() {
      database ??= openCitedDb({
        onClosedForUpgrade: () => {
          database = null;
        },
      });
      return database;
    },
    async estimate() {
      const estimate = await navigator.storage?.estimate?.();
      return estimate ? { usage: estimate.usage ?? 0, quota: estimate.quota ?? 0 } : null;
    },
    async persistence() {
      if (await navigator.storage?.persisted?.()) return 'persistent';
      const unlimited = await browser.permissions
        .contains({ permissions: ['unlimitedStorage'] })
        .catch(() => false);
      if (unlimited) return 'unlimited';
      return typeof navigator.storage?.persisted === 'function' ? 'best-effort' : 'unknown';
    },
    async persist() {
      return (await navigator.storage?.persist?.()) ?? false;
    },
    download: downloadFile,
    onSaved(listener) {
      if (!listening) {
        listening = true;
        onMessage('snapshotProgress', ({ data }) => {
          if (data.phase === 'done') for (const each of savedListeners) each();
        });
      }
      savedListeners.add(listener);
      return () => savedListeners.delete(listener);
    },
    openExternal(url) {
      window.open(url, '_blank', 'noopener,noreferrer');
    },
    libraryUrl: browser.runtime.getURL('/library.html'),
    software: `Cited ${browser.runtime.getManifest().version}`,
    now: () => new Date(),
  };
}
