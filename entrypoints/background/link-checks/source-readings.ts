import { openChecksDb } from '../../../core/storage/checks-database';
import {
  IndexedDbSourceReadingStore,
  validateReadings,
  validateReadingsRequest,
} from '../../../core/storage/source-reading-store';
import { assertFromExtensionPage, onMessage } from '../../../utils/messaging';

const NOT_FROM_CITED = 'Only Cited’s panel can read or keep quote checks.';

/**
 * The panel's quote checks and comparisons, kept in the link-check database. The worker only stores and answers;
 * the panel reads the sources, where a DOM parses them.
 */
export function registerSourceReadings(): void {
  let store: Promise<IndexedDbSourceReadingStore> | null = null;
  const getStore = () => {
    store ??= openChecksDb()
      .then((db) => new IndexedDbSourceReadingStore(db))
      .catch((error: unknown) => {
        store = null;
        throw error;
      });
    return store;
  };
  onMessage('storedSourceReadings', async ({ data, sender }) => {
    assertFromExtensionPage(sender, NOT_FROM_CITED);
    validateReadingsRequest(data);
    return (await getStore()).fresh(data, Date.now());
  });
  onMessage('keepSourceReadings', async ({ data, sender }) => {
    assertFromExtensionPage(sender, NOT_FROM_CITED);
    validateReadings(data);
    await (await getStore()).put(data);
  });
}
