import { browser } from 'wxt/browser';
import { articleArchive } from '../../core/storage/backup/article-archive';
import { signingKey } from '../../core/storage/backup/signature';
import { openCitedDb } from '../../core/storage/schema';
import { indexedDbKeyStore } from '../../core/storage/signing-keys';
import { downloadBlob } from '../../utils/download';

/**
 * Packs an article's snapshots into a signed archive and saves it through the browser's download. Returns the file
 * name. The panel reads the library's database directly, as the library page does: no copy crosses a message.
 */
export async function downloadArticleArchive(articleId: string): Promise<string> {
  const db = await openCitedDb();
  try {
    const made = await articleArchive(db, articleId, {
      now: () => new Date(),
      software: `Cited ${browser.runtime.getManifest().version}`,
      signingKey: await signingKey(indexedDbKeyStore()),
    });
    downloadBlob(
      new Blob([made.bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }),
      made.filename,
    );
    return made.filename;
  } finally {
    db.close();
  }
}
