import { checkKey } from '../linkcheck/url';
import { CHECK_RESULTS, openChecksDb } from '../storage/checks-database';
import type { KnownStatus } from './types';

/**
 * The link checker's stored verdicts for these URLs: what a save started from the shortcut or a context menu
 * (no panel to ask) records as each citation's status. URLs never checked are left out (stored as not checked).
 */
export async function storedStatuses(urls: readonly string[]): Promise<Record<string, KnownStatus>> {
  const db = await openChecksDb();
  try {
    const found: Record<string, KnownStatus> = {};
    await Promise.all(
      urls.map(async (url) => {
        const key = checkKey(url);
        if (!key) return;
        const stored = await db.get(CHECK_RESULTS, key);
        if (!stored) return;
        const { status, reason, evidence } = stored.result;
        found[url] = { status, reason, checkedAt: evidence.checkedAt };
      }),
    );
    return found;
  } finally {
    db.close();
  }
}
