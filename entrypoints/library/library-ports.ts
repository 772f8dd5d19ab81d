import { browser } from 'wxt/browser';
import type { Persistence } from '../../components/LibraryStorage';
import type { SigningKeyStore } from '../../core/storage/backup/signature';
import type { DownloadFile } from '../../core/storage/download';
import { type CitedDB, openCitedDb } from '../../core/storage/schema';
import { indexedDbKeyStore } from '../../core/storage/signing-keys';
import { downloadBlob } from '../../utils/download';
import { EXTENSION_PAGE } from '../../utils/extension-pages';
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
  /** Where this browser keeps the key its archives are signed with. */
  signingKeys: SigningKeyStore;
  libraryUrl: string;
  software: string;
  now(): Date;
}

function downloadFile(file: DownloadFile): void {
  downloadBlob(new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.type }), file.filename);
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
    signingKeys: indexedDbKeyStore(),
    libraryUrl: browser.runtime.getURL(EXTENSION_PAGE.library),
    software: `Cited ${browser.runtime.getManifest().version}`,
    now: () => new Date(),
  };
}
