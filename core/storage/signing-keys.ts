import { openDB } from 'idb';
import type { SigningKeyStore } from './backup/signature';

/**
 * The archive-signing key in a database of its own, apart from the library's: clearing or restoring the library
 * never touches it, and the library's migrations stay about snapshots.
 */
export const KEYS_DB_NAME = 'cited-keys';
const STORE = 'keys';
const SIGNING_KEY = 'archive-signing';

export function indexedDbKeyStore(name = KEYS_DB_NAME): SigningKeyStore {
  const open = () =>
    openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore(STORE);
      },
    });
  return {
    async get() {
      const db = await open();
      try {
        return (await db.get(STORE, SIGNING_KEY)) as CryptoKeyPair | undefined;
      } finally {
        db.close();
      }
    },
    async put(pair) {
      const db = await open();
      try {
        // Two pages making the first key at once: the first one kept stays, so every archive names one key.
        const tx = db.transaction(STORE, 'readwrite');
        if ((await tx.store.getKey(SIGNING_KEY)) === undefined) await tx.store.put(pair, SIGNING_KEY);
        await tx.done;
      } finally {
        db.close();
      }
    },
  };
}
