/**
 * Why a scheduled re-check should wait, where the browser tells us: no network, or the reader asked to save data
 * (metered connections, Chrome's data saver). The next alarm tries again; nothing is lost, the articles stay due.
 */
export function watchPauseReason(nav: {
  onLine?: boolean;
  connection?: { saveData?: boolean; type?: string };
}): string | null {
  if (nav.onLine === false) return 'offline';
  if (nav.connection?.saveData) return 'the browser is saving data';
  if (nav.connection?.type === 'cellular') return 'on a mobile connection';
  return null;
}
