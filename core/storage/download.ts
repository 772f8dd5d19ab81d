/**
 * A snapshot as a file to download: a name a reader recognises (title and date) that every file system
 * accepts, and the exact bytes whose SHA-256 the snapshot records.
 */

const MAX_NAME_LENGTH = 100;
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com\d|lpt\d)$/i;

/** Makes any text safe as a file name on Windows, macOS, Linux and in browsers' download managers. */
export function sanitizeFileName(text: string, fallback = 'snapshot'): string {
  let name = text
    .normalize('NFC')
    // Controls, path separators and the characters Windows forbids; browsers refuse some more (~).
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are not allowed in file names.
    .replace(/[\u0000-\u001f\u007f-\u009f<>:"/\\|?*~\u200b-\u200f\u2028-\u202e\ufeff]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s-]+|[.\s]+$/g, '');
  if (name.length > MAX_NAME_LENGTH) {
    const chars = Array.from(name);
    name = chars
      .slice(0, MAX_NAME_LENGTH)
      .join('')
      .replace(/[.\s]+$/, '');
  }
  if (name === '' || WINDOWS_RESERVED.test(name)) return fallback;
  return name;
}

/** `Title (YYYY-MM-DD).html`, the date being the capture's (UTC). */
export function snapshotFileName(snapshot: { title: string; savedAt: string; url?: string }): string {
  let fallback = 'snapshot';
  if (snapshot.url) {
    try {
      fallback = new URL(snapshot.url).hostname.replace(/^www\./, '') || fallback;
    } catch {
      // Keep the generic name.
    }
  }
  const title = sanitizeFileName(snapshot.title, fallback);
  const date = /^\d{4}-\d{2}-\d{2}/.exec(snapshot.savedAt)?.[0];
  return date ? `${title} (${date}).html` : `${title}.html`;
}

export interface DownloadFile {
  filename: string;
  bytes: Uint8Array;
  type: string;
}

export function snapshotDownload(
  snapshot: { title: string; savedAt: string; url?: string },
  html: string,
): DownloadFile {
  return {
    filename: snapshotFileName(snapshot),
    bytes: new TextEncoder().encode(html),
    type: 'text/html;charset=utf-8',
  };
}
