import { browser } from 'wxt/browser';

/** Whether Cited may read answers from this address's site (a check's status code is only visible with access). */
export async function hasHostPermission(url: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [`${new URL(url).origin}/*`] });
  } catch {
    // Asking failed (an old browser): try the request; without permission it fails and says so.
    return true;
  }
}
