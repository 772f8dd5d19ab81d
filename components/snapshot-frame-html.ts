import { SNAPSHOT_CSP } from '../core/snapshot/header';

const DISPLAY_POLICY = `<meta http-equiv="Content-Security-Policy" content="${SNAPSHOT_CSP}">`;

/**
 * The document as the library frames it: the snapshot's own policy is repeated as the first thing in `<head>`, so
 * even a file that lost its policy (hand-edited, restored from someone else's backup) can run nothing and fetch
 * nothing. Several policies all apply; this one can only forbid more. The stored bytes are not changed.
 */
export function withDisplayPolicy(html: string): string {
  const head = /<head(?:\s[^>]*)?>/i.exec(html);
  if (head) {
    const at = head.index + head[0].length;
    return `${html.slice(0, at)}${DISPLAY_POLICY}${html.slice(at)}`;
  }
  const doctype = /^\s*(?:<!--[\s\S]*?-->\s*)*<!doctype[^>]*>/i.exec(html);
  const at = doctype ? doctype[0].length : 0;
  return `${html.slice(0, at)}<head>${DISPLAY_POLICY}</head>${html.slice(at)}`;
}

/** The library's viewer address of a snapshot a saved article links to, or null for any other address. */
export function localSnapshotId(href: string, libraryUrl: string): string | null {
  const prefix = `${libraryUrl}#/snapshot/`;
  if (!href.startsWith(prefix)) return null;
  const id = decodeURIComponent(href.slice(prefix.length).split(/[/?#]/)[0] ?? '');
  return id || null;
}
